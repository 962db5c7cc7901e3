// ./sightline bench [--quick] [--runs N] [--engines a,b] [--budget SECONDS]
// Measures Sightline natively (tools/bench/sightline-bench) and in headless Chromium (the
// automation API) side by side with the sqlite3 shell, sql.js and DuckDB-Wasm on the same
// generated Defender CSV files in the same run, and prints one table of medians with their
// spread and Sightline's ratio to each baseline. Writes bench/results/latest.json (and a
// timestamped copy) and the latest table into bench/README.md. See bench/README.md.
import { execFileSync, execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const HERE = import.meta.dirname;
const RESULTS_DIR = path.join(HERE, 'results');
// The offline IP location asset (cmake/IpLocation.cmake): the native build's copy, the same
// bytes as build/web/ip-location.bin.
const IP_LOCATION_ASSET = path.join(HERE, '..', 'build', 'native', 'ip-location.bin');

// --- arguments ---------------------------------------------------------------------------------
const ENGINES = [
  { id: 'native', label: 'Sightline native', sightline: true },
  { id: 'wasm', label: 'Sightline wasm (Chromium)', sightline: true },
  { id: 'sqlite', label: 'sqlite3 shell' },
  { id: 'sqljs', label: 'sql.js' },
  { id: 'duckdb', label: 'DuckDB-Wasm' },
];
const RUN_ORDER = ['native', 'sqlite', 'duckdb', 'sqljs', 'wasm'];
function parseArgs(argv) {
  const args = { quick: false, runs: 3, engines: ENGINES.map((e) => e.id), budget: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') args.quick = true;
    else if (a === '--runs') args.runs = Math.max(1, Number(argv[++i]));
    else if (a === '--engines') args.engines = argv[++i].split(',');
    else if (a === '--budget') args.budget = Number(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log('usage: ./sightline bench [--quick] [--runs N] [--engines native,wasm,sqlite,sqljs,duckdb] [--budget SECONDS]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a} (see --help)`);
  }
  for (const e of args.engines) if (!ENGINES.some((x) => x.id === e)) throw new Error(`unknown engine ${e}`);
  // The whole command must finish in 3 (quick) or 20 (full) minutes on 2 cores; what is left
  // after building and generating data is shared out among the engines' runs.
  args.budget ??= args.quick ? 140 : 1080;
  return args;
}

const log = (message) => console.error(`\x1b[1m[bench]\x1b[0m ${message}`);

// npm dependencies live in bench/node_modules, installed from the lock file on first use.
function ensureNodeModules() {
  if (fs.existsSync(path.join(HERE, 'node_modules', 'sql.js')) && fs.existsSync(path.join(HERE, 'node_modules', '@duckdb'))
      && fs.existsSync(path.join(HERE, 'node_modules', 'playwright-core'))) return;
  log('installing bench/node_modules (npm ci)');
  execSync('npm ci --no-audit --no-fund', { cwd: HERE, stdio: 'inherit' });
}

// --- statistics ----------------------------------------------------------------------------------
function summary(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median, min: v[0], max: v[v.length - 1], runs: v.length };
}

function machine(chromiumVersion) {
  let osName = os.type();
  try { osName = /PRETTY_NAME="([^"]+)"/.exec(fs.readFileSync('/etc/os-release', 'utf8'))[1]; } catch { /* not Linux */ }
  let sqliteVersion = '';
  try { sqliteVersion = execFileSync('sqlite3', ['--version'], { encoding: 'utf8' }).split(' ')[0]; } catch { /* missing */ }
  const pkg = (name) => { try { return JSON.parse(fs.readFileSync(path.join(HERE, 'node_modules', name, 'package.json'), 'utf8')).version; } catch { return ''; } };
  return {
    // Without trade-mark signs ("(R)", "(TM)"), which the doc checks would read as calls.
    cpu: os.cpus()[0]?.model?.replace(/\((R|TM)\)/gi, '').replace(/\s+/g, ' ').trim() || 'unknown', cores: os.cpus().length, memory_gb: Math.round(os.totalmem() / 2 ** 30),
    os: osName, kernel: os.release(), node: process.version, chromium: chromiumVersion || '', sqlite3_shell: sqliteVersion,
    sql_js: pkg('sql.js'), duckdb_wasm: pkg('@duckdb/duckdb-wasm'), load_average_at_start: os.loadavg().map((x) => +x.toFixed(2)),
  };
}

// --- running ---------------------------------------------------------------------------------------
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  ensureNodeModules();
  // Imported after npm ci: these modules import the npm packages.
  const { ensureData } = await import('./make_data.mjs');
  const { OPERATIONS, EXPORT_OPERATIONS, NATIVE_OPERATIONS, LATER_OPERATIONS, sqlFor } = await import('./operations.mjs');
  const { runSightlineNative, NATIVE_BENCH } = await import('./engines/sightline_native.mjs');
  const { runSqliteShell } = await import('./engines/sqlite_shell.mjs');
  const { SightlineBrowser } = await import('./engines/sightline_browser.mjs');
  const { runChild } = await import('./engines/child_run.mjs');

  const sizes = args.quick ? [100000] : [100000, 1000000];
  const files = sizes.map((rows) => ensureData(rows, log));
  const opsFile = path.join(os.tmpdir(), `sightline-bench-ops-${process.pid}.json`);
  // Each operation's own inputs: a filter, a field, a range, an insights subject or a policy.
  const inputs = (o) => ({ name: o.name, kind: o.kind, filter: o.filter ?? null, field: o.field, limit: o.limit,
    range: o.range, subject: o.subject, value: o.value, policy: o.policy });
  fs.writeFileSync(opsFile, JSON.stringify(OPERATIONS.map((o) => ({
    ...inputs(o), sql: sqlFor(o, 'sqlite'), duckdb_sql: sqlFor(o, 'duckdb'),
  }))));
  const browserOps = OPERATIONS.map(inputs);
  // The exports go to Sightline and the sqlite3 shell only (sql.js and DuckDB-Wasm read opsFile).
  const nativeOpsFile = path.join(os.tmpdir(), `sightline-bench-native-ops-${process.pid}.json`);
  fs.writeFileSync(nativeOpsFile, JSON.stringify([...JSON.parse(fs.readFileSync(opsFile, 'utf8')),
    ...EXPORT_OPERATIONS.map((o) => ({ name: o.name, kind: o.kind, filter: o.filter ?? null })),
    ...NATIVE_OPERATIONS.map((o) => ({ name: o.name, kind: o.kind, asset: IP_LOCATION_ASSET }))]));
  browserOps.push(...EXPORT_OPERATIONS.map((o) => ({ name: o.name, kind: o.kind, filter: o.filter ?? null })));
  const exportNames = EXPORT_OPERATIONS.map((o) => o.name);
  const nativeNames = NATIVE_OPERATIONS.map((o) => o.name);

  let browser = null;
  if (args.engines.includes('wasm')) {
    if (!fs.existsSync(path.join(HERE, '..', 'build', 'web', 'sightline.wasm'))) throw new Error('build/web is missing: run ./sightline build');
    browser = await SightlineBrowser.start(path.dirname(files[0]));
  }
  if (args.engines.includes('native') && !fs.existsSync(NATIVE_BENCH)) throw new Error(`${NATIVE_BENCH} is missing: run ./sightline build`);

  const runOnce = {
    native: (file) => runSightlineNative(file, nativeOpsFile),
    wasm: (file, timeoutMs) => browser.run(file, browserOps, timeoutMs),
    sqlite: (file) => runSqliteShell(file, JSON.parse(fs.readFileSync(opsFile, 'utf8')), EXPORT_OPERATIONS),
    sqljs: (file, timeoutMs) => runChild(path.join(HERE, 'engines', 'sqljs_run.mjs'), file, opsFile, timeoutMs),
    duckdb: (file, timeoutMs) => runChild(path.join(HERE, 'engines', 'duckdb_run.mjs'), file, opsFile, timeoutMs),
  };

  const measureStart = Date.now();
  const budgetEnd = started + args.budget * 1000;
  const results = { sizes: [] };
  let slotsLeft = sizes.length * args.engines.length;
  for (const [si, rows] of sizes.entries()) {
    const file = files[si];
    const entry = { rows, file: path.basename(file), bytes: fs.statSync(file).size, engines: {} };
    results.sizes.push(entry);
    // Quick engines first: the time they leave over goes to the slow ones.
    for (const id of RUN_ORDER.filter((e) => args.engines.includes(e))) {
      const label = ENGINES.find((e) => e.id === id).label;
      // This engine's share of the time that is left; runs stop early when the next one would
      // overrun it, and a single run may take at most twice the share and never more than what
      // is left of the whole budget (then it is cut off).
      const share = Math.max(10000, (budgetEnd - Date.now()) / slotsLeft--);
      const engineEnd = Date.now() + share;
      const runs = [];
      let failure = null;
      for (let r = 0; r < args.runs; r++) {
        const t0 = Date.now();
        try {
          const out = await runOnce[id](file, Math.max(20000, Math.min(2 * share, budgetEnd - Date.now())));
          runs.push(out);
          log(`${rows.toLocaleString('en-US')} rows, ${label}, run ${r + 1}/${args.runs}: ingest ${(out.ingest.ms / 1000).toFixed(2)} s (${((Date.now() - t0) / 1000).toFixed(1)} s in all)`);
        } catch (e) {
          failure = String(e.message || e).split('\n')[0].slice(0, 200);
          log(`${rows.toLocaleString('en-US')} rows, ${label}, run ${r + 1}: FAILED ${failure}`);
          break;
        }
        const took = Date.now() - t0;
        if (r + 1 < args.runs && Date.now() + took > engineEnd) {
          log(`${label}: stopping after ${runs.length} run(s), the next would overrun this engine's time budget`);
          break;
        }
      }
      entry.engines[id] = { runs, failure, summary: summarise(runs, [...OPERATIONS.map((o) => o.name), ...exportNames, ...nativeNames]) };
    }
  }
  if (browser) results.chromium = await browser.version();
  if (browser) await browser.close();
  fs.rmSync(opsFile, { force: true });
  fs.rmSync(nativeOpsFile, { force: true });

  results.mode = args.quick ? 'quick' : 'full';
  results.requested_runs = args.runs;
  results.date = new Date().toISOString();
  results.machine = machine(results.chromium);
  results.seconds_total = (Date.now() - started) / 1000;
  results.seconds_measuring = (Date.now() - measureStart) / 1000;
  results.operations = [...OPERATIONS.map((o) => ({ name: o.name, what: o.what, filter: o.filter ?? null, sql: sqlFor(o, 'sqlite') })),
    ...EXPORT_OPERATIONS.map((o) => ({ name: o.name, what: o.what, filter: o.filter ?? null, sql: [o.sql] })),
    ...NATIVE_OPERATIONS.map((o) => ({ name: o.name, what: o.what, filter: null, sql: [] }))];
  results.not_implemented = LATER_OPERATIONS;
  results.ip_location_asset = ipLocationAssetSize();

  const table = renderTables(results, OPERATIONS, [...exportNames, ...nativeNames], LATER_OPERATIONS, exportNames, nativeNames,
    NATIVE_OPERATIONS.filter((o) => o.kind === 'ip_location').map((o) => o.name));
  console.log(table);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const json = JSON.stringify(results, null, 1);
  fs.writeFileSync(path.join(RESULTS_DIR, 'latest.json'), json);
  fs.writeFileSync(path.join(RESULTS_DIR, `${results.date.replace(/[:.]/g, '-')}-${results.mode}.json`), json);
  updateReadme(results, table);
  log(`results: bench/results/latest.json; table in bench/README.md (${results.seconds_total.toFixed(0)} s in all)`);
}

// What the IP location asset adds to the static folder: its bytes, and gzipped (level 9, as a
// static host compresses it), the issue's budget being 15 MB compressed.
function ipLocationAssetSize() {
  if (!fs.existsSync(IP_LOCATION_ASSET)) return null;
  const bytes = fs.readFileSync(IP_LOCATION_ASSET);
  return { bytes: bytes.length, gzip_bytes: zlib.gzipSync(bytes, { level: 9 }).length };
}

// Medians and spreads of one engine's runs.
function summarise(runs, opNames) {
  const s = {
    ingest_ms: summary(runs.map((r) => r.ingest.ms)),
    background_ms: summary(runs.map((r) => r.ingest.background_ms).filter((x) => x != null)),
    rows: runs[0]?.ingest.rows ?? null,
    bytes: runs[0]?.ingest.bytes ?? null,
    peak_rss_bytes: summary(runs.map((r) => r.ingest.peak_rss_bytes ?? r.peak_rss_bytes)),
    wasm_heap_bytes: summary(runs.map((r) => r.ingest.wasm_heap_bytes)),
    // The page's memory: its wasm heap, the file's bytes it keeps in JavaScript as the records'
    // raw text (src/store/kept_sources.h) and the parse worker's wasm heap.
    page_memory_bytes: summary(runs.map((r) => r.ingest.wasm_heap_bytes != null
      ? r.ingest.wasm_heap_bytes + (r.ingest.kept_file_bytes ?? 0) + (r.ingest.parse_worker_heap_bytes ?? 0) : null)
      .filter((x) => x != null)),
    kept_file_bytes: summary(runs.map((r) => r.ingest.kept_file_bytes).filter((x) => x != null)),
    parse_worker_heap_bytes: summary(runs.map((r) => r.ingest.parse_worker_heap_bytes).filter((x) => x != null)),
    operations: {},
  };
  for (const name of opNames) {
    const per = runs.map((r) => r.operations?.[name]).filter(Boolean);
    if (!per.length) continue;
    s.operations[name] = { ms: summary(per.map((p) => p.ms)), total: per[0].total ?? null, located: per[0].located ?? null,
      load_ms: summary(per.map((p) => p.load_ms).filter((x) => x != null)) };
  }
  return s;
}

// --- the table ---------------------------------------------------------------------------------------
const fmtNum = (x, digits = 3) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(digits > 1 ? 1 : 0) : x.toPrecision(digits));
const spread = (s) => (s.runs > 1 && s.median > 0 ? ` ±${Math.round(((s.max - s.min) / 2 / s.median) * 100)}%` : '');
const fmtMs = (s) => (s ? (s.median >= 1000 ? `${fmtNum(s.median / 1000)} s` : `${fmtNum(s.median)} ms`) + spread(s) : null);
const fmtBytes = (b) => (b >= 2 ** 30 ? `${(b / 2 ** 30).toFixed(2)} GiB` : `${(b / 2 ** 20).toFixed(0)} MiB`);

function renderTables(results, OPERATIONS, EXTRA, LATER, exportNames = [], nativeNames = [], locationNames = []) {
  const out = [];
  const ids = ENGINES.map((e) => e.id);
  const baselines = ENGINES.filter((e) => !e.sightline);
  const sightlines = ENGINES.filter((e) => e.sightline);
  out.push(`Sightline bench, ${results.mode} mode, ${results.date.slice(0, 16).replace('T', ' ')} UTC. ` +
    `Figures: median of up to ${results.requested_runs} runs, ±: half the min–max spread as % of the median.`);
  const m = results.machine;
  out.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memory_gb} GB RAM, ${m.os}; load average at start ${m.load_average_at_start.join(' ')}. ` +
    `Node ${m.node}, Chromium ${m.chromium}, sqlite3 ${m.sqlite3_shell}, sql.js ${m.sql_js}, DuckDB-Wasm ${m.duckdb_wasm}.`);
  const asset = results.ip_location_asset;
  if (asset) out.push(`IP location asset (build/web/ip-location.bin): ${(asset.bytes / 1e6).toFixed(1)} MB, ${(asset.gzip_bytes / 1e6).toFixed(1)} MB gzipped (budget: 15 MB gzipped).`);
  out.push('Ratios: Sightline ÷ baseline of the same figure (time, memory): below 1 means Sightline is faster / smaller.');
  for (const size of results.sizes) {
    out.push('');
    out.push(`### ${size.rows.toLocaleString('en-US')} rows, ${(size.bytes / 1e6).toFixed(0)} MB CSV (${size.file})`);
    out.push('');
    const head = ['operation', ...ENGINES.map((e) => e.label)];
    for (const s of sightlines) for (const b of baselines) head.push(`${s.id === 'native' ? 'native' : 'wasm'} ÷ ${b.label}`);
    const rows = [];
    const eng = (id) => size.engines[id];
    const runsNote = (id) => {
      const e = eng(id);
      if (!e) return 'not run';
      if (!e.runs.length) return `failed: ${e.failure}`;
      const n = e.runs.length;
      return `${n} run${n > 1 ? 's' : ''}${e.failure ? ` (then failed: ${e.failure})` : ''}`;
    };
    const ratioCells = (getter, kind) => {
      const cells = [];
      for (const s of sightlines) for (const b of baselines) {
        const a = getter(s.id), c = getter(b.id);
        cells.push(a != null && c != null && c > 0 ? `${(kind === 'speed' ? c / a : a / c).toFixed(2)}` : '');
      }
      return cells;
    };
    const line = (name, cell, getter, kind = 'time') => rows.push([name, ...ids.map((id) => (eng(id)?.runs.length ? cell(id) ?? '—' : '')),
      ...(getter ? ratioCells(getter, kind) : sightlines.flatMap(() => baselines.map(() => '')))]);
    rows.push(['runs', ...ids.map(runsNote), ...sightlines.flatMap(() => baselines.map(() => ''))]);
    const ing = (id) => eng(id)?.summary.ingest_ms;
    line('ingest: time', (id) => fmtMs(ing(id)), (id) => ing(id)?.median);
    const bg = (id) => eng(id)?.summary.background_ms;
    line('ingest: then background work (column copy, indexes)', (id) => (bg(id)?.median != null && ENGINES.find((e) => e.id === id).sightline ? fmtMs(bg(id)) : null));
    line('ingest: rows/s', (id) => (ing(id) && eng(id).summary.rows ? Math.round(eng(id).summary.rows / (ing(id).median / 1000)).toLocaleString('en-US') : null));
    line('ingest: MB/s', (id) => (ing(id) ? (size.bytes / 1e6 / (ing(id).median / 1000)).toFixed(1) : null));
    const mem = (id) => (id === 'wasm' ? eng(id)?.summary.page_memory_bytes : eng(id)?.summary.peak_rss_bytes);
    line('peak memory (RSS; page: wasm heaps + file kept in JS)', (id) => (mem(id)?.median ? fmtBytes(mem(id).median) : null), (id) => mem(id)?.median);
    const heap = (id) => (id === 'wasm' ? eng(id)?.summary.wasm_heap_bytes : null);
    const kept = (id) => (id === 'wasm' ? eng(id)?.summary.kept_file_bytes : null);
    const parser = (id) => (id === 'wasm' ? eng(id)?.summary.parse_worker_heap_bytes : null);
    const orDash = (s) => (s?.median != null ? fmtBytes(s.median) : '—');
    line('page: wasm heap / file kept in JS / parse worker heap',
      (id) => (heap(id)?.median ? `${fmtBytes(heap(id).median)} / ${orDash(kept(id))} / ${orDash(parser(id))}` : null));
    const frames = (id) => (id === 'wasm' ? eng(id)?.runs.map((r) => r.ingest.frame_intervals).filter(Boolean) : null);
    line('page: frame interval during ingest and background work (median / p95 / worst)', (id) => {
      const f = frames(id);
      if (!f?.length) return null;
      const med = (k) => summary(f.map((x) => x[k])).median.toFixed(0);
      return `${med('median_ms')} / ${med('p95_ms')} / ${med('worst_ms')} ms`;
    });
    // The app's own work per drawn frame while scrolling, per import slice (one chunk parsed
    // and stored without yielding) and per slice of the background work after it (the count,
    // the column copy, the indexes): window.sightline.workTimes in the page.
    const workTimes = (pick) => (id) => {
      const w = id === 'wasm' ? eng(id)?.runs.map(pick).filter((x) => x && x.count) : null;
      if (!w?.length) return null;
      const med = (k) => summary(w.map((x) => x[k])).median.toFixed(1);
      return `${med('median_ms')} / ${med('p95_ms')} / ${med('worst_ms')} ms`;
    };
    line('app: work per frame while scrolling (median / p95 / worst)', workTimes((r) => r.scrolling?.frames));
    line('page: idle CPU, 5 s with nothing to do (% of one core)', (id) => {
      const idle = id === 'wasm' ? eng(id)?.runs.map((r) => r.idle?.cpu_pct).filter((x) => x != null) : null;
      return idle?.length ? `${summary(idle).median.toFixed(2)}%` : null;
    });
    // While the page exports: how often it drew (animation frames) and how long each slice of
    // the export's work held the page (window.sightline.workTimes' background slices).
    for (const name of exportNames) {
      line(`page: frame interval during ${name} (median / p95 / worst)`, (id) => {
        const f = id === 'wasm' ? eng(id)?.runs.map((r) => r.operations?.[name]?.frame_intervals).filter((x) => x && x.count) : null;
        if (!f?.length) return null;
        const med = (k) => summary(f.map((x) => x[k])).median.toFixed(0);
        return `${med('median_ms')} / ${med('p95_ms')} / ${med('worst_ms')} ms`;
      });
      line(`app: work per slice of ${name} (median / p95 / worst)`, workTimes((r) => r.operations?.[name]?.slices));
    }
    line('app: work per import slice (median / p95 / worst)', workTimes((r) => r.ingest.import_slices));
    line('app: work per background slice after ingest (median / p95 / worst)', workTimes((r) => r.ingest.background_slices));
    for (const op of [...OPERATIONS.map((o) => o.name), ...EXTRA]) {
      const opMs = (id) => eng(id)?.summary.operations[op]?.ms;
      const missing = nativeNames.includes(op) ? 'native only' : 'n/a (not implemented)';
      line(op, (id) => fmtMs(opMs(id)) ?? (EXTRA.includes(op) && eng(id)?.runs.length && ENGINES.find((e) => e.id === id).sightline ? missing : null),
        (id) => opMs(id)?.median);
    }
    for (const name of locationNames) {
      const op = (id) => eng(id)?.summary.operations[name];
      line(`${name}: distinct IPs (located) / reading the asset`, (id) => (op(id)?.total != null
        ? `${op(id).total.toLocaleString('en-US')} (${(op(id).located ?? 0).toLocaleString('en-US')}) / ${fmtMs(op(id).load_ms) ?? '—'}` : null));
    }
    for (const later of LATER) rows.push([later, 'n/a (not implemented)', 'n/a (not implemented)', '', '', '', ...sightlines.flatMap(() => baselines.map(() => ''))]);
    out.push(markdownTable(head, rows));
    // Every engine answered the same question: say where the counts differ.
    const mismatches = [];
    for (const op of OPERATIONS.filter((o) => o.kind !== 'values')) {
      const totals = ids.map((id) => [id, eng(id)?.summary.operations[op.name]?.total]).filter(([, t]) => t != null);
      if (new Set(totals.map(([, t]) => t)).size > 1) mismatches.push(`${op.name}: ${totals.map(([id, t]) => `${id} ${t}`).join(', ')}`);
    }
    const rowsSeen = ids.map((id) => [id, eng(id)?.summary.rows]).filter(([, r]) => r != null);
    if (new Set(rowsSeen.map(([, r]) => r)).size > 1) mismatches.push(`rows ingested: ${rowsSeen.map(([id, r]) => `${id} ${r}`).join(', ')}`);
    out.push('');
    out.push(mismatches.length ? `Counts that differ between engines: ${mismatches.join('; ')}` : 'Every engine returned the same counts for every filter.');
  }
  return out.join('\n');
}

function markdownTable(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const fmt = (cells) => `| ${cells.map((c, i) => String(c ?? '').padEnd(widths[i])).join(' | ')} |`;
  return [fmt(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(fmt)].join('\n');
}

// Replaces the README's section for this mode (between its markers) with the new table.
function updateReadme(results, table) {
  const readme = path.join(HERE, 'README.md');
  if (!fs.existsSync(readme)) return;
  const begin = `<!-- bench:${results.mode}:begin -->`, end = `<!-- bench:${results.mode}:end -->`;
  const text = fs.readFileSync(readme, 'utf8');
  const a = text.indexOf(begin), b = text.indexOf(end);
  if (a < 0 || b < a) return;
  fs.writeFileSync(readme, `${text.slice(0, a + begin.length)}\n${table}\n${text.slice(b)}`);
}

main().catch((e) => {
  console.error(`\x1b[31m[bench] FAILED: ${e.stack || e}\x1b[0m`);
  process.exit(1);
});
