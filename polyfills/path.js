// Placeholder posix path to boot the runtime; replaced by the full module.
'use strict';
function normalizeArray(parts, allowAbove) {
  const res = [];
  for (const p of parts) {
    if (!p || p === '.') continue;
    if (p === '..') { if (res.length && res[res.length - 1] !== '..') res.pop(); else if (allowAbove) res.push('..'); } else res.push(p);
  }
  return res;
}
const posix = {
  sep: '/', delimiter: ':',
  resolve(...args) {
    let r = '', abs = false;
    for (let i = args.length - 1; i >= -1 && !abs; i--) {
      const p = i >= 0 ? args[i] : process.cwd();
      if (!p) continue; r = p + '/' + r; abs = p[0] === '/';
    }
    r = normalizeArray(r.split('/'), !abs).join('/');
    return ((abs ? '/' : '') + r) || '.';
  },
  normalize(p) {
    const abs = p[0] === '/'; const trail = p.endsWith('/');
    let r = normalizeArray(p.split('/'), !abs).join('/');
    if (!r && !abs) r = '.'; if (r && trail) r += '/';
    return (abs ? '/' : '') + r;
  },
  isAbsolute(p) { return p.length > 0 && p[0] === '/'; },
  join(...a) { const j = a.filter((x) => x !== '').join('/'); return j ? posix.normalize(j) : '.'; },
  dirname(p) {
    if (!p) return '.'; const hasRoot = p[0] === '/'; let end = -1;
    for (let i = p.length - 1; i >= 1; i--) { if (p[i] === '/') { if (end !== -1 || true) { let j = i; while (j > 0 && p[j - 1] === '/') j--; if (i === p.length - 1 && end === -1) { continue; } end = j; break; } } }
    const t = p.replace(/\/+$/, ''); const idx = t.lastIndexOf('/');
    if (idx === -1) return hasRoot ? '/' : '.'; if (idx === 0) return '/'; return t.slice(0, idx).replace(/\/+$/, '') || '/';
  },
  basename(p, ext) { const t = p.replace(/\/+$/, ''); let b = t.slice(t.lastIndexOf('/') + 1); if (ext && b.endsWith(ext) && b !== ext) b = b.slice(0, -ext.length); return b; },
  extname(p) { const b = posix.basename(p); const i = b.lastIndexOf('.'); return i <= 0 ? '' : b.slice(i); },
  relative(from, to) {
    const f = posix.resolve(from).split('/').filter(Boolean), t = posix.resolve(to).split('/').filter(Boolean);
    let i = 0; while (i < f.length && i < t.length && f[i] === t[i]) i++;
    return [...Array(f.length - i).fill('..'), ...t.slice(i)].join('/');
  },
  toNamespacedPath(p) { return p; },
};
posix.posix = posix;
module.exports = posix;
