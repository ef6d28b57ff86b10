"""Obtain Node's test tree into conformance/.cache (never committed).

Two sources:

* ``--node-src DIR``: a local Node checkout or an unpacked release tarball.
* default: Debian's ``nodejs`` source package of the target suite, downloaded
  with ``apt-get source --download-only`` through a private apt state
  directory and a ``deb-src`` entry derived from this system's own apt
  sources (the mirror is whatever the system already uses; no host name is
  written anywhere in the repository).

Only ``test/parallel`` and ``test/fixtures`` are unpacked into the run tree;
Node's ``test/common`` goes to a separate reference folder and is never
loaded (our own implementation lives in ``conformance/common``).
"""

from __future__ import annotations

import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
TREE = CACHE / "node"            # run tree: TREE/test/{parallel,fixtures,common}
REFERENCE = CACHE / "reference"  # Node's own test/common, for reading only
APT_DIR = CACHE / "apt"          # private apt state
DOWNLOAD = CACHE / "download"    # downloaded source package files
INFO = CACHE / "node-version.json"

SUITE = "trixie"
PACKAGE = "nodejs"
# The suite carries Node 20.19.2 (with Debian's security updates on top);
# whatever version it has is recorded in node-version.json.

WANTED_DIRS = ("test/parallel", "test/fixtures", "test/common")


class FetchError(Exception):
    pass


def log(msg: str) -> None:
    print(f"conformance fetch: {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# apt sources of this system -> one deb-src line for the target suite

def _parse_deb822(text: str) -> list[dict[str, str]]:
    stanzas: list[dict[str, str]] = []
    cur: dict[str, str] = {}
    key = None
    for raw in text.splitlines():
        if raw.startswith("#"):
            continue
        if not raw.strip():
            if cur:
                stanzas.append(cur)
            cur, key = {}, None
            continue
        if raw[0] in " \t" and key:
            cur[key] += "\n" + raw.strip()
            continue
        if ":" in raw:
            key, _, val = raw.partition(":")
            key = key.strip().lower()
            cur[key] = val.strip()
    if cur:
        stanzas.append(cur)
    return stanzas


def _system_entries(etc: Path = Path("/etc/apt")) -> list[dict]:
    """Every enabled 'deb'/'deb-src' entry of this system as dicts."""
    entries: list[dict] = []
    files: list[Path] = []
    main = etc / "sources.list"
    if main.is_file():
        files.append(main)
    parts = etc / "sources.list.d"
    if parts.is_dir():
        files += sorted(p for p in parts.iterdir() if p.suffix in (".list", ".sources"))
    for f in files:
        try:
            text = f.read_text(errors="replace")
        except OSError:
            continue
        if f.suffix == ".sources":
            for st in _parse_deb822(text):
                if st.get("enabled", "yes").lower() == "no":
                    continue
                for uri in st.get("uris", "").split():
                    entries.append({
                        "types": st.get("types", "").split(),
                        "uri": uri,
                        "suites": st.get("suites", "").split(),
                        "components": st.get("components", "").split(),
                        "signed_by": st.get("signed-by", "").strip(),
                    })
        else:
            for line in text.splitlines():
                line = line.split("#", 1)[0].strip()
                if not line:
                    continue
                m = re.match(r"^(deb|deb-src)\s+(?:\[([^\]]*)\]\s+)?(\S+)\s+(\S+)\s*(.*)$", line)
                if not m:
                    continue
                opts = dict(o.split("=", 1) for o in (m.group(2) or "").split() if "=" in o)
                entries.append({
                    "types": [m.group(1)],
                    "uri": m.group(3),
                    "suites": [m.group(4)],
                    "components": m.group(5).split(),
                    "signed_by": opts.get("signed-by", ""),
                })
    return entries


def derive_source_line(etc: Path = Path("/etc/apt"), suite: str = SUITE) -> str:
    """A deb-src line for `suite` on the system's main Debian archive."""
    best = None
    for e in _system_entries(etc):
        if not e["suites"]:
            continue
        # the main archive: a suite without -security/-updates/-backports and a
        # component 'main'; prefer entries whose keyring is Debian's.
        base = [s for s in e["suites"] if "/" not in s and "-" not in s]
        if not base or "main" not in e["components"]:
            continue
        score = 0
        if "debian-archive" in e["signed_by"]:
            score += 2
        if e["uri"].rstrip("/").endswith("/debian"):
            score += 1
        if best is None or score > best[0]:
            best = (score, e)
    if best is None:
        raise FetchError(
            "could not derive a Debian archive from this system's apt sources "
            "(/etc/apt/sources.list, /etc/apt/sources.list.d/*.sources); "
            "use `python -m conformance fetch --node-src DIR`")
    e = best[1]
    opts = []
    keyring = e["signed_by"]
    if keyring and not keyring.startswith("-----"):
        opts.append(f"signed-by={keyring}")
    opt = f"[{' '.join(opts)}] " if opts else ""
    return f"deb-src {opt}{e['uri']} {suite} main"


# ---------------------------------------------------------------------------
# apt-get source --download-only into a private apt state

def _apt_opts() -> list[str]:
    state = APT_DIR / "state"
    cache = APT_DIR / "cache"
    etc = APT_DIR / "etc"
    opts = {
        "Dir::State": str(state),
        "Dir::State::Lists": str(state / "lists"),
        "Dir::State::status": "/var/lib/dpkg/status" if os.path.exists("/var/lib/dpkg/status")
                               else str(state / "status"),
        "Dir::Cache": str(cache),
        "Dir::Etc::SourceList": str(etc / "sources.list"),
        "Dir::Etc::SourceParts": str(etc / "sources.list.d"),
        "Dir::Etc::Preferences": str(etc / "preferences"),
        "Dir::Etc::PreferencesParts": str(etc / "preferences.d"),
        "APT::Get::List-Cleanup": "0",
        "Debug::NoLocking": "1",
    }
    if os.geteuid() == 0:
        # keep downloads in our own folders: the _apt user cannot write there
        opts["APT::Sandbox::User"] = "root"
    out = []
    for k, v in opts.items():
        out += ["-o", f"{k}={v}"]
    return out


def _run(cmd: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, LC_ALL="C", DEBIAN_FRONTEND="noninteractive")
    return subprocess.run(cmd, cwd=cwd, env=env, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def _scrub(text: str) -> str:
    """Drop URLs/host names from apt output before it is shown."""
    text = re.sub(r"[a-z][a-z0-9+.-]*://\S+", "<mirror>", text)
    return text


def download_with_apt() -> tuple[str, Path]:
    apt_get = shutil.which("apt-get")
    if not apt_get:
        raise FetchError("apt-get is not available on this system; "
                         "fetch from a Node source tree instead: "
                         "python -m conformance fetch --node-src DIR")
    line = derive_source_line()
    for d in (APT_DIR / "state" / "lists" / "partial", APT_DIR / "cache" / "archives" / "partial",
              APT_DIR / "etc" / "sources.list.d", APT_DIR / "etc" / "preferences.d", DOWNLOAD):
        d.mkdir(parents=True, exist_ok=True)
    (APT_DIR / "etc" / "sources.list").write_text(line + "\n")
    if not (APT_DIR / "state" / "status").exists():
        (APT_DIR / "state" / "status").write_text("")
    opts = _apt_opts()
    log(f"apt-get update (private state in {_shown(APT_DIR)}, suite {SUITE})")
    r = _run([apt_get, *opts, "update"])
    if r.returncode != 0:
        raise FetchError("apt-get update failed:\n" + _scrub(r.stdout[-3000:]))
    # which files make up the source package (and its version)
    r = _run([apt_get, *opts, "source", "--print-uris", PACKAGE], cwd=DOWNLOAD)
    files = re.findall(r"^'[^']*'\s+(\S+)\s+(\d+)\s+(?:SHA256:([0-9a-f]+))?", r.stdout, re.M)
    if r.returncode != 0 or not files:
        raise FetchError(f"apt-get source found no '{PACKAGE}' source package in {SUITE}:\n"
                         + _scrub(r.stdout[-3000:]))
    dscs = [f for f in files if f[0].endswith(".dsc")]
    origs = [f for f in files if ".orig.tar." in f[0]]
    if dscs:
        pkg_version = dscs[0][0][len(PACKAGE) + 1:-4]
    elif origs:
        pkg_version = origs[0][0].split("_")[1].split(".orig")[0]
    else:
        raise FetchError("could not read the source package's files from apt-get")
    if origs:
        orig_name, orig_size, orig_sha = origs[0]
    else:
        # apt lists no file that is already complete in the download folder
        upstream = pkg_version.rsplit("-", 1)[0]
        have = sorted(DOWNLOAD.glob(f"{PACKAGE}_{upstream}.orig.tar.*"))
        if not have:
            raise FetchError("the source package has no upstream (.orig) tarball")
        orig_name, orig_sha = have[0].name, ""
    orig = DOWNLOAD / orig_name
    if not (orig.exists() and (not orig_sha or _sha256(orig) == orig_sha)):
        log(f"apt-get source --download-only {PACKAGE} ({pkg_version})")
        r = _run([apt_get, *opts, "source", "--download-only", PACKAGE], cwd=DOWNLOAD)
        # Only the upstream tarball is needed; a mirror missing the .dsc or the
        # Debian diff is tolerated as long as that tarball arrived intact.
        if not orig.exists():
            raise FetchError("apt-get source failed:\n" + _scrub(r.stdout[-3000:]))
        if orig_sha and _sha256(orig) != orig_sha:
            raise FetchError(f"{orig_name}: checksum mismatch")
    return pkg_version, orig


def _sha256(path: Path) -> str:
    import hashlib
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# ---------------------------------------------------------------------------
# unpacking

def _node_version_from_header(text: str) -> str | None:
    vals = {}
    for k in ("NODE_MAJOR_VERSION", "NODE_MINOR_VERSION", "NODE_PATCH_VERSION"):
        m = re.search(rf"#define {k} (\d+)", text)
        if not m:
            return None
        vals[k] = m.group(1)
    return ".".join(vals[k] for k in ("NODE_MAJOR_VERSION", "NODE_MINOR_VERSION", "NODE_PATCH_VERSION"))


def _dest_for(rel: str) -> Path | None:
    """Where a path relative to the Node source root goes, or None."""
    for d in WANTED_DIRS:
        if rel == d or rel.startswith(d + "/"):
            if d == "test/common":
                return REFERENCE / "common" / rel[len(d) + 1:] if rel != d else REFERENCE / "common"
            return TREE / rel
    return None


def _reset_tree() -> None:
    for p in (TREE, REFERENCE):
        if p.exists():
            shutil.rmtree(p)
    (TREE / "test").mkdir(parents=True)
    REFERENCE.mkdir(parents=True)


def unpack_tarball(tarball: Path) -> str | None:
    """Extract the wanted dirs; returns the Node version found in the tarball."""
    _reset_tree()
    version = None
    with tarfile.open(tarball) as tf:
        for m in tf:
            name = m.name.lstrip("./")
            parts = name.split("/", 1)
            if len(parts) < 2:
                continue
            rel = parts[1]
            if rel == "src/node_version.h" and m.isfile():
                f = tf.extractfile(m)
                if f:
                    version = _node_version_from_header(f.read().decode("utf-8", "replace"))
                continue
            dest = _dest_for(rel)
            if dest is None:
                continue
            if m.isdir():
                dest.mkdir(parents=True, exist_ok=True)
            elif m.isfile():
                dest.parent.mkdir(parents=True, exist_ok=True)
                f = tf.extractfile(m)
                with open(dest, "wb") as out:
                    shutil.copyfileobj(f, out)
                os.chmod(dest, 0o755 if m.mode & 0o111 else 0o644)
            elif m.issym():
                # fixtures contain a few symlinks; keep them relative
                dest.parent.mkdir(parents=True, exist_ok=True)
                if os.path.lexists(dest):
                    os.unlink(dest)
                os.symlink(m.linkname, dest)
    return version


def copy_source_tree(src: Path) -> str | None:
    if not (src / "test" / "parallel").is_dir():
        raise FetchError(f"{src} has no test/parallel folder (not a Node source tree)")
    _reset_tree()
    for d in WANTED_DIRS:
        s = src / d
        if not s.is_dir():
            continue
        dest = _dest_for(d)
        shutil.copytree(s, dest, symlinks=True, dirs_exist_ok=True)
    hdr = src / "src" / "node_version.h"
    return _node_version_from_header(hdr.read_text()) if hdr.is_file() else None


# ---------------------------------------------------------------------------

def _shown(p: Path) -> str:
    try:
        return str(p.relative_to(HERE.parent))
    except ValueError:
        return str(p)


def is_fetched() -> bool:
    return INFO.is_file() and (TREE / "test" / "parallel").is_dir()


def fetched_info() -> dict:
    try:
        return json.loads(INFO.read_text())
    except (OSError, ValueError):
        return {}


def fetch(node_src: str | None = None, if_missing: bool = False) -> int:
    if if_missing and is_fetched():
        info = fetched_info()
        log(f"already fetched: Node {info.get('version', '?')} (from {info.get('source', '?')})")
        return 0
    CACHE.mkdir(parents=True, exist_ok=True)
    t0 = time.monotonic()
    try:
        if node_src:
            src = Path(node_src).expanduser().resolve()
            if src.is_file() and ".tar" in src.name:
                version = unpack_tarball(src)
                source = f"tarball {src.name}"
            else:
                version = copy_source_tree(src)
                source = "local tree"
            pkg_version = None
        else:
            pkg_version, tarball = download_with_apt()
            log(f"unpacking {tarball.name}")
            version = unpack_tarball(tarball)
            source = f"debian source package {PACKAGE} {pkg_version} ({SUITE})"
            if version is None:
                m = re.match(r"(\d+\.\d+\.\d+)", pkg_version)
                version = m.group(1) if m else pkg_version
    except FetchError as e:
        print(f"conformance fetch: error: {e}", file=sys.stderr)
        return 2
    n = len(list((TREE / "test" / "parallel").glob("test-*")))
    info = {"version": version, "source": source, "package_version": pkg_version,
            "tests": n, "fetched_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    INFO.write_text(json.dumps(info, indent=2) + "\n")
    log(f"Node {version}: {n} test files in test/parallel "
        f"({time.monotonic() - t0:.0f}s) -> {_shown(TREE)}")
    return 0
