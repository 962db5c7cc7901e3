// The native sqlite3 shell as a baseline: `.import` into an in-memory database, the operations
// as SQL (timed by the shell's own .timer), and the exports of bench/operations.mjs.
// Import time comes from `date +%s%N` around .import; peak RSS from the shell's /proc status.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// `exports` (bench/operations.mjs EXPORT_OPERATIONS): each written with `.mode csv` and
// `.once FILE`, timed by .timer like the rest.
export async function runSqliteShell(file, operations, exports = []) {
  const exportPath = path.join(os.tmpdir(), `sightline-bench-export-${process.pid}.csv`);
  const lines = ['.bail on', '.shell date +%s%N', `.import --csv '${file}' t`, '.shell date +%s%N', '.timer on'];
  for (const op of operations) {
    lines.push(`.print @@op ${op.name}`);
    for (const sql of op.sql) lines.push(sql.replace(/\s+/g, ' ') + ';');
  }
  for (const op of exports) {
    lines.push(`.print @@op ${op.name}`, '.mode csv', '.headers on', `.once '${exportPath}'`, op.sql.replace(/\s+/g, ' ') + ';',
      '.mode list', '.headers off');
  }
  lines.push('.timer off', '.print @@rows', 'SELECT count(*) FROM t;', '.shell grep VmHWM /proc/$PPID/status');
  const out = await new Promise((resolve, reject) => {
    const child = spawn('sqlite3', [':memory:'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`sqlite3 exited ${code}: ${stderr.slice(0, 400)}`))));
    child.stdin.end(lines.join('\n') + '\n');
  });
  fs.rmSync(exportPath, { force: true });

  const text = out.split('\n');
  const [t0, t1] = text.filter((l) => /^\d{16,}$/.test(l)).map(BigInt);
  const result = { ingest: { ms: Number(t1 - t0) / 1e6, bytes: fs.statSync(file).size }, operations: {} };
  let current = null, statement = 0;
  for (let i = 0; i < text.length; i++) {
    const line = text[i];
    if (line.startsWith('@@op ')) {
      current = { ms: 0, total: null };
      result.operations[line.slice(5)] = current;
      statement = 0;
    } else if (line.startsWith('@@rows')) {
      result.ingest.rows = Number(text[i + 1]);
      current = null;
    } else if (line.startsWith('Run Time: real ') && current) {
      current.ms += Number(line.split(' ')[3]) * 1000;
      statement++;
    } else if (line.startsWith('VmHWM:')) {
      result.ingest.peak_rss_bytes = Number(line.replace(/\D/g, '')) * 1024;
    } else if (current && statement === 0 && current.total === null && /^\d+$/.test(line)) {
      current.total = Number(line);
    }
  }
  return result;
}
