// What the benchmark asks of every engine after ingest: the same questions as a Sightline
// filter (shared/AUTOMATION.md) and as SQL over the CSV's own columns, so that each engine's
// answer can be checked against the others' (the `total` of every run is printed and compared).
import { HEADER, NEWEST, benchUser } from './make_data.mjs';

const q = (name) => `"${name}"`;
const list = (values) => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
const iso = (ms) => new Date(ms).toISOString();

// The Location column is "City, Region, CC"; Sightline's country is its last part.
const notCountry = (dialect, code) => dialect === 'duckdb'
  ? `coalesce(right(${q('Location')}, 2), '') <> '${code}'`
  : `substr(${q('Location')}, -2) <> '${code}'`;
// Every cell of the row: Sightline's free text also searches the raw record, which for a CSV
// row is the row itself.
const wholeRow = (dialect) => dialect === 'duckdb'
  ? `concat_ws(',', ${HEADER.map(q).join(', ')})`
  : HEADER.map(q).join(` || ',' || `);
const like = (dialect) => (dialect === 'duckdb' ? 'ILIKE' : 'LIKE'); // SQLite's LIKE ignores ASCII case

const DAY = 86400000;
const rangeStart = Date.UTC(2025, 5, 1);
const rangeEnd = Date.UTC(2025, 5, 8);

// Insights (query/insights_job.h): one user's or one IP's counts over the 30 days before the
// newest activity. The heavy user is the population's most active (user 0: ~3.4% of the rows at
// 100,000, ~2% at 1,000,000; the generator has no 10% user), the typical one user 150 (~0.1%).
// The SQL asks what the insights answer: the count, admin activities, the distinct countries,
// ISPs and IPs, and the lists behind them (countries, ISPs, IPs or users, each day).
const heavyUser = benchUser(0);
const typicalUser = benchUser(150);
const country = (d) => (d === 'duckdb' ? `right(${q('Location')}, 2)` : `substr(${q('Location')}, -2)`);
const insightsSql = (column, value, other) => (d, table) => {
  const v = value.replace(/'/g, "''");
  // Sightline reads "203.0.113.1:49152" as 203.0.113.1 (the port dropped); the SQL does too.
  const port = column === 'IP address' ? ` OR ${q(column)} LIKE '${v}:%'` : '';
  const where = `(lower(${q(column)}) = lower('${v}')${port}) AND ${q('Date')} >= '${iso(NEWEST - 30 * DAY)}'`;
  const list = (expr) => `SELECT ${expr} AS v, count(*) AS n FROM ${table} WHERE ${where} AND ${expr} <> '' GROUP BY v ORDER BY n DESC`;
  return [`SELECT count(*) FROM ${table} WHERE ${where}`,
    `SELECT sum(CASE WHEN ${q('Administrative activity')} = 'True' THEN 1 ELSE 0 END), count(DISTINCT ${country(d)}),
      count(DISTINCT ${q('Registered ISP')}), count(DISTINCT lower(${q(other)})) FROM ${table} WHERE ${where}`,
    list(country(d)), list(q('Registered ISP')), list(`lower(${q(other)})`),
    `SELECT ${d === 'duckdb' ? `substr(CAST(${q('Date')} AS VARCHAR), 1, 10)` : `substr(${q('Date')}, 1, 10)`} AS day, count(*) FROM ${table} WHERE ${where} GROUP BY day ORDER BY day`];
};

export const OPERATIONS = [
  {
    name: 'filter: indexed, 3 fields',
    what: 'activity type is Download/Upload file, app is OneDrive/SharePoint, country is not US',
    kind: 'query',
    filter: { all: [
      { field: 'activity_type', op: 'eq', values: ['Download file', 'Upload file'] },
      { field: 'app', op: 'eq', values: ['Microsoft OneDrive for Business', 'Microsoft SharePoint Online'] },
      { field: 'country', op: 'neq', values: ['US'] },
    ] },
    where: (d) => `${q('Event Category')} IN (${list(['EVENT_CATEGORY_DOWNLOAD_FILE', 'EVENT_CATEGORY_UPLOAD_FILE'])})
      AND ${q('App')} IN (${list(['Microsoft OneDrive for Business', 'Microsoft SharePoint Online'])}) AND ${notCountry(d, 'US')}`,
  },
  {
    name: 'filter: free text',
    what: 'the word "falcon" anywhere in the record (about 0.5% of rows)',
    kind: 'query',
    filter: { all: [{ field: 'text', op: 'text', values: ['falcon'] }] },
    where: (d) => `${wholeRow(d)} ${like(d)} '%falcon%'`,
  },
  {
    name: 'filter: date range (7 days)',
    what: `${iso(rangeStart).slice(0, 10)} to ${iso(rangeEnd).slice(0, 10)}`,
    kind: 'query',
    filter: { all: [{ field: 'time', op: 'between', values: [iso(rangeStart), iso(rangeEnd - 1)] }] },
    where: (d) => (d === 'duckdb'
      ? `${q('Date')} BETWEEN '${iso(rangeStart)}' AND '${iso(rangeEnd - 1)}'`
      : `${q('Date')} >= '${iso(rangeStart)}' AND ${q('Date')} <= '${iso(rangeEnd - 1)}'`),
  },
  {
    name: 'filter: 4 conditions (reference)',
    what: 'types Log on/Failed log on/Download file, country not US, last 30 days, user agent contains "chrome"',
    kind: 'query',
    filter: { all: [
      { field: 'activity_type', op: 'eq', values: ['Log on', 'Failed log on', 'Download file'] },
      { field: 'country', op: 'neq', values: ['US'] },
      { field: 'time', op: 'last_days', values: [30] },
      { field: 'user_agent', op: 'contains', values: ['chrome'] },
    ] },
    // last_days counts back from the newest loaded activity, which is within a few ms of NEWEST.
    where: (d) => `${q('Event Category')} IN (${list(['EVENT_CATEGORY_LOGIN', 'EVENT_CATEGORY_FAILED_LOGIN', 'EVENT_CATEGORY_DOWNLOAD_FILE'])})
      AND ${notCountry(d, 'US')} AND ${q('Date')} >= '${iso(NEWEST - 30 * DAY)}' AND ${q('User agent')} ${like(d)} '%chrome%'`,
  },
  {
    name: 'value counts: user (top 100)',
    what: 'the 100 most frequent users with their counts',
    kind: 'values',
    field: 'user',
    column: 'User',
    limit: 100,
  },
  {
    name: 'user insights: heavy user',
    what: `${heavyUser.name}, the most active user`,
    kind: 'insights', subject: 'user', value: heavyUser.name,
    statements: insightsSql('User', heavyUser.name, 'IP address'),
  },
  {
    name: 'user insights: typical user',
    what: `${typicalUser.name}`,
    kind: 'insights', subject: 'user', value: typicalUser.name,
    statements: insightsSql('User', typicalUser.name, 'IP address'),
  },
  {
    name: 'IP insights: busiest IP',
    what: `${heavyUser.ip}, the most active user's office address (shared)`,
    kind: 'insights', subject: 'ip', value: heavyUser.ip,
    statements: insightsSql('IP address', heavyUser.ip, 'User'),
  },
  {
    name: 'policy preview: filter-only',
    what: 'testPolicy of a filter-only policy: downloads from outside the US, one alert per match (target: 1M rows under 1 s)',
    kind: 'policy',
    policy: { name: 'Downloads outside the US', severity: 'Medium', filter: { all: [
      { field: 'activity_type', op: 'eq', values: ['Download file'] },
      { field: 'country', op: 'neq', values: ['US'] },
    ] }, daily_alert_limit: 1000000 },
    where: (d) => `${q('Event Category')} = 'EVENT_CATEGORY_DOWNLOAD_FILE' AND ${notCountry(d, 'US')}`,
  },
  {
    name: 'policy preview: repeated',
    what: 'testPolicy of the mass-download template: at least 51 downloads by one user within a minute (target: 1M rows under 3 s)',
    kind: 'policy',
    policy: { name: 'Mass download', severity: 'High', filter: { all: [{ field: 'activity_type', op: 'eq', values: ['Download file'] }] },
      repeated: { min: 51, minutes: 1 }, daily_alert_limit: 5 },
    where: () => `${q('Event Category')} = 'EVENT_CATEGORY_DOWNLOAD_FILE'`,
    // The baselines' comparable work: a sliding count per user over the matches' times.
    window: { partition: `lower(${q('User')})`, range_ms: 59999, min: 51 },
  },
  // Last: it changes the data the operations above read.
  {
    name: 'IP range: apply to all rows',
    what: 'setIpRange ::/0 (every IPv4 and IPv6 address): category, tag and ISP of every activity, column copy kept',
    kind: 'ip_range',
    range: { name: 'Everything', cidrs: ['::/0'], category: 'VPN', tags: ['Bench'], isp: 'Bench ISP' },
    // The baselines write the same three fields of every row that has an address.
    statements: () => [`UPDATE t SET ${q('IP category')} = 'VPN', ${q('Registered ISP')} = 'Bench ISP', ${q('IP tags')} = 'Bench'
      WHERE ${q('IP address')} <> ''`],
  },
];

// The time of a row in epoch milliseconds, for the baselines' windows.
const epochMs = (dialect) => (dialect === 'duckdb'
  ? `epoch_ms(${q('Date')})` // read_csv typed the column as a timestamp
  : `CAST((julianday(${q('Date')}) - 2440587.5) * 86400000 AS INTEGER)`);

// The columns an activity table shows (everything but the raw record), newest first.
const SHOWN = HEADER.filter((h) => h !== 'Raw data').map(q).join(', ');

// SQL statements for one operation: [count, first page] for a filter, [counts] for values,
// the operation's own for the others.
export function sqlFor(op, dialect, table = 't') {
  if (op.kind === 'ip_range') return op.statements(dialect);
  if (op.kind === 'policy' && !op.window) return [`SELECT count(*) FROM ${table} WHERE ${op.where(dialect)}`];
  if (op.kind === 'policy') {
    const w = op.window;
    return [`SELECT count(*) FROM (SELECT count(*) OVER (PARTITION BY ${w.partition} ORDER BY ms RANGE BETWEEN ${w.range_ms} PRECEDING AND CURRENT ROW) AS n
      FROM (SELECT ${q('User')}, ${epochMs(dialect)} AS ms FROM ${table} WHERE ${op.where(dialect)})) WHERE n >= ${w.min}`];
  }
  if (op.kind === 'query') {
    const where = op.where(dialect);
    return [`SELECT count(*) FROM ${table} WHERE ${where}`,
      `SELECT ${SHOWN} FROM ${table} WHERE ${where} ORDER BY ${q('Date')} DESC LIMIT 100`];
  }
  if (op.kind === 'insights') return op.statements(dialect, table);
  const col = q(op.column);
  return [`SELECT ${col}, count(*) AS n FROM ${table} WHERE ${col} IS NOT NULL AND ${col} <> '' GROUP BY ${col} ORDER BY n DESC LIMIT ${op.limit}`];
}

// Exports of the activity log's view as CSV: Sightline's Export job (the page's download,
// built from Blob parts while frames are drawn; natively into a file) beside the sqlite3
// shell writing the same rows, newest first, with the same columns of the file (`.mode csv`,
// `.once FILE`). The default columns are Date, the marks (Starred, Tag, Comment: the shell
// writes what an unmarked row holds), Activity, User, App, IP address, Location, Device type.
export const EXPORT_OPERATIONS = [
  {
    name: 'export csv: default columns, all rows',
    what: 'every activity, newest first, the activity log\'s default columns, as a CSV file',
    kind: 'export',
    sql: `SELECT ${q('Date')}, 'false' AS ${q('Starred')}, '' AS ${q('Tag')}, '' AS ${q('Comment')}, `
      + `${['Activity', 'User', 'App', 'IP address', 'Location', 'Device'].map(q).join(', ')} FROM t ORDER BY ${q('Date')} DESC`,
  },
];

// For Sightline natively only (tools/bench/sightline_bench.cpp): the offline IP location
// (src/enrich/) over every distinct address of the log, after the asset is read. The page loads
// the asset lazily and the baselines have no IP location to compare with.
export const NATIVE_OPERATIONS = [
  {
    name: 'IP location: every distinct IP',
    what: 'country, ASN and ISP of each distinct IP address (fill_ip_locations), the asset already read',
    kind: 'ip_location',
  },
  // Last of all: it rewrites the user-agent fields.
  {
    name: 'user agents: enrich every row',
    what: 'Browser, Operating system, Device type and user agent tags emptied, then the enrichment job to the end (regexes compiled, each distinct agent parsed once, every row written and marked computed)',
    kind: 'user_agent_enrichment',
  },
];

// Operations the benchmark cannot ask yet (listed in the results as not implemented).
export const LATER_OPERATIONS = [];
