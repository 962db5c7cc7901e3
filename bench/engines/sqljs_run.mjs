// One sql.js run (a child process of run.mjs, so that each run has its own heap and peak RSS):
// reads the CSV in 8 MB pieces, inserts every record with one prepared INSERT inside one
// transaction, then runs the operations' SQL. Prints one JSON object.
//   node sqljs_run.mjs FILE OPERATIONS.json
import './wasm_memory_probe.js';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { CsvRecords } from './csv_records.mjs';

const require = createRequire(import.meta.url);
const initSqlJs = require('sql.js');
const [file, opsFile] = process.argv.slice(2);
const operations = JSON.parse(fs.readFileSync(opsFile, 'utf8'));

const SQL = await initSqlJs();
const db = new SQL.Database();
const started = performance.now();
const decoder = new TextDecoder();
const reader = new CsvRecords();
let insert = null, width = 0, rows = 0;
const onRecord = (fields) => {
  if (!insert) {
    width = fields.length;
    db.run(`CREATE TABLE t (${fields.map((f) => `"${f}" TEXT`).join(', ')})`);
    db.run('BEGIN');
    insert = db.prepare(`INSERT INTO t VALUES (${fields.map(() => '?').join(', ')})`);
    return;
  }
  if (fields.length !== width) fields = fields.slice(0, width).concat(Array(Math.max(0, width - fields.length)).fill(''));
  insert.run(fields);
  rows++;
};
const fd = fs.openSync(file, 'r');
const piece = Buffer.allocUnsafe(8 << 20);
let bytes = 0;
for (;;) {
  const got = fs.readSync(fd, piece, 0, piece.length, null);
  bytes += got;
  reader.push(decoder.decode(piece.subarray(0, got), { stream: got > 0 }), got === 0, onRecord);
  if (got === 0) break;
}
fs.closeSync(fd);
insert.free();
db.run('COMMIT');
const ingestMs = performance.now() - started;

const results = {};
for (const op of operations) {
  const t0 = performance.now();
  let total = null, returned = 0;
  for (const [i, sql] of op.sql.entries()) {
    const out = db.exec(sql);
    const values = out.length ? out[0].values : [];
    if (op.kind !== 'values' && i === 0) total = values.length ? Number(values[0][0]) : null; // an UPDATE returns no rows
    else returned = values.length;
  }
  results[op.name] = { ms: performance.now() - t0, total, returned };
}
console.log(JSON.stringify({
  ingest: { ms: ingestMs, rows, bytes, peak_rss_bytes: process.resourceUsage().maxRSS * 1024, wasm_heap_bytes: globalThis.__wasmHeapBytes() },
  operations: results,
}));
