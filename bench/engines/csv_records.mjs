// A small streaming RFC 4180 reader for the sql.js baseline (sql.js has no CSV reader; this one
// is written for speed with indexOf so that the baseline measures sql.js, not the parser).
export class CsvRecords {
  constructor() { this.rest = ''; }

  // Parses `text` after what was left over; calls emit(fields) per complete record.
  push(text, final, emit) {
    const buf = this.rest + text;
    const n = buf.length;
    let i = 0, recordStart = 0, fields = [];
    for (;;) {
      if (i >= n) {
        if (final && fields.length) { fields.push(''); emit(fields); }
        this.rest = final ? '' : buf.slice(recordStart);
        return;
      }
      if (buf.charCodeAt(i) === 34) {
        let value = '', from = i + 1, j = i + 1;
        for (;;) {
          const k = buf.indexOf('"', j);
          if (k < 0 || (k + 1 >= n && !final)) { this.rest = buf.slice(recordStart); return; }
          if (buf.charCodeAt(k + 1) === 34) { value += buf.slice(from, k + 1); j = from = k + 2; continue; }
          value += buf.slice(from, k);
          i = k + 1;
          break;
        }
        fields.push(value);
      } else {
        let j = i;
        for (; j < n; j++) { const c = buf.charCodeAt(j); if (c === 44 || c === 10 || c === 13) break; }
        if (j >= n && !final) { this.rest = buf.slice(recordStart); return; }
        fields.push(buf.slice(i, j));
        i = j;
      }
      const c = buf.charCodeAt(i);
      if (c === 44) { i++; continue; }
      if (c === 13) i++;
      if (buf.charCodeAt(i) === 10) i++;
      if (!(fields.length === 1 && fields[0] === '')) emit(fields);
      fields = [];
      recordStart = i;
    }
  }
}
