// Runs one baseline run (sqljs_run.mjs, duckdb_run.mjs) in a child Node process: its own heap,
// its own peak RSS, and a run that overruns its time limit or memory is cut off, not the bench.
import { spawn } from 'node:child_process';

export function runChild(script, file, operationsFile, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=8192', script, file, operationsFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '', timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) reject(new Error(`cut off after ${(timeoutMs / 1000).toFixed(0)} s (its time budget)`));
      else if (code !== 0) reject(new Error(`exited ${code}: ${stderr.trim().split('\n').slice(-3).join(' ').slice(0, 300)}`));
      else resolve(JSON.parse(stdout.trim().split('\n').pop()));
    });
  });
}
