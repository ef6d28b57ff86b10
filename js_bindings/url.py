"""internalBinding('url'): IDNA processing for the WHATWG URL parser.

The parser itself is JS (polyfills/internal/url.js, which also attaches its
``canParse`` here); what needs Unicode data tables -- the UTS #46 mapping,
the bidi and joiner rules -- is done by the ``idna`` package, with the
options the URL Standard's "domain to ASCII" fixes: non-transitional,
CheckHyphens off, CheckBidi and CheckJoiners on, STD3 rules and DNS length
checks only when ``be_strict``.
"""

from __future__ import annotations

import unicodedata

import idna
from idna import core as _idna_core


def _label_ok(label: str) -> bool:
    if not label:
        return True
    if unicodedata.normalize("NFC", label) != label:
        return False
    if unicodedata.category(label[0]).startswith("M"):
        return False
    for pos, ch in enumerate(label):
        if ch in "\u200c\u200d":
            try:
                if not _idna_core.valid_contextj(label, pos):
                    return False
            except Exception:
                return False
    return True


def to_ascii(domain: str, be_strict: bool = False):
    """The ASCII form of ``domain``, or None where the URL Standard fails."""
    try:
        mapped = idna.uts46_remap(domain, std3_rules=be_strict, transitional=False)
    except (idna.IDNAError, ValueError):
        return None
    labels = mapped.split(".")
    unicode_labels = []
    for label in labels:
        if label.startswith("xn--"):
            if not label.isascii():
                return None
            try:
                decoded = label[4:].encode("ascii").decode("punycode")
            except (UnicodeError, ValueError):
                return None
            if not decoded or decoded.isascii() or decoded.startswith("xn--"):
                return None
            try:
                if idna.uts46_remap(decoded, std3_rules=be_strict, transitional=False) != decoded:
                    return None
            except (idna.IDNAError, ValueError):
                return None
            unicode_labels.append(decoded)
        else:
            unicode_labels.append(label)
    for label in unicode_labels:
        if not _label_ok(label):
            return None
    # Node's parser (ada) applies the bidi rule to right-to-left labels only
    # (those starting with an R or AL character), not to the whole domain.
    for label in unicode_labels:
        if label and unicodedata.bidirectional(label[0]) in ("R", "AL"):
            try:
                _idna_core.check_bidi(label)
            except (idna.IDNAError, ValueError):
                return None
    out = []
    for label, uni in zip(labels, unicode_labels):
        if label.isascii():
            out.append(label)
        else:
            out.append("xn--" + uni.encode("punycode").decode("ascii"))
    result = ".".join(out)
    if be_strict:
        body = result[:-1] if result.endswith(".") else result
        if not 1 <= len(body) <= 253 or any(not 1 <= len(lb) <= 63 for lb in body.split(".")):
            return None
    return result


def create(host):
    text = host.engine.text

    def js_to_ascii(domain, be_strict=False):
        return to_ascii(text(domain), bool(be_strict))

    return {"toASCII": js_to_ascii}
