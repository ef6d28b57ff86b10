// Placeholder to boot the runtime; replaced by the full util.inspect.
'use strict';
function inspect(v) {
  if (typeof v === 'string') return `'${v}'`;
  if (v instanceof Error) return v.stack || String(v);
  try { return JSON.stringify(v) ?? String(v); } catch { return String(v); }
}
function formatWithOptions(opts, ...args) {
  return args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
}
function format(...args) { return formatWithOptions({}, ...args); }
module.exports = { inspect, format, formatWithOptions };
