// The box-drawing table console.table prints: cells left-aligned, one space
// of padding, column widths measured in terminal columns.
'use strict';

const { getStringWidth } = require('internal/util/inspect');

function line(widths, left, middle, right) {
  return left + widths.map((w) => '─'.repeat(w + 2)).join(middle) + right;
}

function row(cells, widths) {
  let out = '│';
  for (let i = 0; i < widths.length; i++) {
    const text = cells[i];
    out += ` ${text}${' '.repeat(widths[i] - getStringWidth(text))} │`;
  }
  return out;
}

// head: column titles; columns: one array of cell strings per column (holes
// are empty cells).
function table(head, columns) {
  const widths = head.map((h) => getStringWidth(h));
  const rowCount = Math.max(0, ...columns.map((c) => c.length));
  const rows = [];
  for (let r = 0; r < rowCount; r++) {
    const cells = [];
    for (let c = 0; c < head.length; c++) {
      const column = columns[c];
      const text = column !== undefined && Object.prototype.hasOwnProperty.call(column, r) &&
        column[r] !== undefined ? `${column[r]}` : '';
      cells.push(text);
      const w = getStringWidth(text);
      if (w > widths[c]) widths[c] = w;
    }
    rows.push(cells);
  }
  const out = [
    line(widths, '┌', '┬', '┐'),
    row(head, widths),
    line(widths, '├', '┼', '┤'),
    ...rows.map((cells) => row(cells, widths)),
    line(widths, '└', '┴', '┘'),
  ];
  return out.join('\n');
}

module.exports = table;
