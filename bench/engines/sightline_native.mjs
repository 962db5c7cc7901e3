// Sightline natively: one run of tools/bench/sightline-bench (a fresh process per run, so that
// its peak RSS is this run's).
import { execFile } from 'node:child_process';
import path from 'node:path';

export const NATIVE_BENCH = path.resolve(import.meta.dirname, '..', '..', 'build', 'native', 'tools', 'bench', 'sightline-bench');

export function runSightlineNative(file, operationsFile) {
  return new Promise((resolve, reject) => {
    execFile(NATIVE_BENCH, [file, operationsFile], { maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`sightline-bench failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout));
    });
  });
}
