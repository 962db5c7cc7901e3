// One DuckDB-Wasm run (a child process of run.mjs): its own CSV reader into a table, then the
// operations' SQL, on the blocking Node build (the same wasm as in a browser, on this thread).
//   node duckdb_run.mjs FILE OPERATIONS.json
import './wasm_memory_probe.js';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
const [file, opsFile] = process.argv.slice(2);
const operations = JSON.parse(fs.readFileSync(opsFile, 'utf8'));

const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
const bundles = {
  mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
  eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') },
};
const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
await db.instantiate(() => {});
const conn = db.connect();
db.registerFileURL('activity.csv', path.resolve(file), duckdb.DuckDBDataProtocol.NODE_FS, false);

const started = performance.now();
conn.query(`CREATE TABLE t AS SELECT * FROM read_csv('activity.csv', header = true)`);
const ingestMs = performance.now() - started;
const rows = Number(conn.query('SELECT count(*) AS n FROM t').toArray()[0].n);

const results = {};
for (const op of operations) {
  const t0 = performance.now();
  let total = null, returned = 0;
  for (const [i, sql] of op.duckdb_sql.entries()) {
    const values = conn.query(sql).toArray();
    if (op.kind !== 'values' && i === 0) total = Number(Object.values(values[0])[0]);
    else returned = values.length;
  }
  results[op.name] = { ms: performance.now() - t0, total, returned };
}
console.log(JSON.stringify({
  ingest: { ms: ingestMs, rows, bytes: fs.statSync(file).size, peak_rss_bytes: process.resourceUsage().maxRSS * 1024, wasm_heap_bytes: globalThis.__wasmHeapBytes() },
  operations: results,
}));
conn.close();
