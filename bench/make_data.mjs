// The benchmark's data: a Defender for Cloud Apps Activity log CSV export of N rows, made by a
// seeded generator (the same bytes for the same N on every machine) and cached in bench/data/.
// About 1.2 KB per row, most of it the raw API record as a JSON column, with realistic skew
// (a few users, apps and countries carry most rows) and the values that break naive readers:
// commas and doubled quotes in quoted fields, newlines inside quoted fields, non-ASCII text,
// IPv6 with brackets and ports, empty cells. The file is valid RFC 4180 CSV so that every
// baseline reads the same rows (Defender's own unquoted commas are the import tests' business).
//
//   node bench/make_data.mjs 100000      prints the cached file's path, making it when missing
import fs from 'node:fs';
import path from 'node:path';

export const DATA_DIR = path.resolve(import.meta.dirname, 'data');
const GENERATOR_VERSION = 1; // bump when the output changes, so caches are remade
export const NEWEST = Date.UTC(2025, 5, 30, 23, 59, 59, 999);
export const SPAN_DAYS = 90;

// mulberry32: small, fast, and the same sequence in every JavaScript engine.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted(random, entries) {
  const total = entries.reduce((s, e) => s + e[1], 0);
  const cumulative = [];
  let acc = 0;
  for (const [value, w] of entries) { acc += w / total; cumulative.push([acc, value]); }
  return () => {
    const r = random();
    for (const [c, v] of cumulative) if (r < c) return v;
    return cumulative[cumulative.length - 1][1];
  };
}

const CATEGORIES = [
  // [Event Category, Event Type Name suffix, description template, weight, app group, admin]
  ['EVENT_CATEGORY_LOGIN', 'LOGIN', 'Log on', 30, 'any', false],
  ['EVENT_CATEGORY_FAILED_LOGIN', 'LOGIN_FAILED', 'Failed log on (Failure message: "Invalid username or password")', 6, 'any', false],
  ['EVENT_CATEGORY_LOGOUT', 'LOGOUT', 'Log off', 3, 'any', false],
  ['EVENT_CATEGORY_VIEW_FILE', 'FILE_ACCESSED', 'View file: {object}', 14, 'files', false],
  ['EVENT_CATEGORY_DOWNLOAD_FILE', 'FILE_DOWNLOADED', 'Download file: {object}', 12, 'files', false],
  ['EVENT_CATEGORY_UPLOAD_FILE', 'FILE_UPLOADED', 'Upload file: {object}', 6, 'files', false],
  ['EVENT_CATEGORY_EDIT_FILE', 'FILE_MODIFIED', 'Edit file: {object}', 8, 'files', false],
  ['EVENT_CATEGORY_SHARE_FILE', 'SHARING_SET', 'Share file: {object}, with "{other}"', 3, 'files', false],
  ['EVENT_CATEGORY_DELETE_FILE', 'FILE_DELETED', 'Delete file: {object}', 2, 'files', false],
  ['EVENT_CATEGORY_SEND_MAIL', 'SEND', 'Send mail: "{subject}"', 8, 'mail', false],
  ['EVENT_CATEGORY_READ_MAIL', 'MAIL_ITEMS_ACCESSED', 'Read mail: "{subject}"', 6, 'mail', false],
  ['EVENT_CATEGORY_CREATE_INBOX_RULE', 'NEW_INBOX_RULE', 'Create inbox rule "Move, then delete" for {other}', 0.2, 'mail', false],
  ['EVENT_CATEGORY_ADD_USER_TO_ROLE', 'ADD_MEMBER_TO_ROLE', 'Add member to role: Global Administrator, {other}', 0.2, 'admin', true],
  ['EVENT_CATEGORY_RESET_PASSWORD', 'RESET_PASSWORD', 'Reset user password: {other}', 0.3, 'admin', true],
  ['EVENT_CATEGORY_UPDATE_USER', 'UPDATE_USER', 'Update user: {other}', 0.8, 'admin', true],
];

const APPS = {
  any: [['Microsoft Entra ID', 30], ['Microsoft Exchange Online', 20], ['Microsoft Teams', 15],
    ['Microsoft SharePoint Online', 10], ['Microsoft OneDrive for Business', 10], ['Salesforce', 5], ['Box', 3],
    ['Google Workspace', 3], ['Amazon Web Services', 2], ['Slack', 2]],
  files: [['Microsoft OneDrive for Business', 45], ['Microsoft SharePoint Online', 35], ['Box', 10], ['Google Workspace', 6], ['Slack', 4]],
  mail: [['Microsoft Exchange Online', 95], ['Google Workspace', 5]],
  admin: [['Microsoft Entra ID', 85], ['Amazon Web Services', 10], ['Salesforce', 5]],
};

const PLACES = [
  // [code, weight, [[city, region]...], [isp...]]
  ['US', 45, [['Redmond', 'Washington'], ['New York', 'New York'], ['Austin', 'Texas'], ['San José', 'California']], ['Comcast Cable Communications, LLC', 'Microsoft Corporation', 'Verizon Business']],
  ['GB', 8, [['London', 'England'], ['Manchester', 'England']], ['British Telecommunications PLC', 'Virgin Media']],
  ['DE', 7, [['Berlin', 'Berlin'], ['Köln', 'Nordrhein-Westfalen'], ['München', 'Bayern']], ['Deutsche Telekom AG', 'Vodafone GmbH']],
  ['FR', 6, [['Paris', 'Île-de-France'], ['Lyon', 'Auvergne-Rhône-Alpes']], ['Orange S.A.', 'Free SAS']],
  ['IN', 6, [['Bengaluru', 'Karnataka'], ['Mumbai', 'Maharashtra']], ['Bharti Airtel Ltd.', 'Reliance Jio Infocomm Limited']],
  ['CA', 4, [['Toronto', 'Ontario'], ['Montréal', 'Québec']], ['Bell Canada', 'Rogers Communications Canada Inc.']],
  ['JP', 4, [['東京', 'Tokyo'], ['Osaka', 'Osaka']], ['NTT Communications Corporation', 'KDDI CORPORATION']],
  ['BR', 3, [['São Paulo', 'São Paulo'], ['Rio de Janeiro', 'Rio de Janeiro']], ['Claro S.A.', 'TELEFÔNICA BRASIL S.A']],
  ['NL', 3, [['Amsterdam', 'North Holland']], ['KPN B.V.', 'Amazon.com, Inc.']],
  ['AU', 3, [['Sydney', 'New South Wales']], ['Telstra Corporation Ltd', 'Optus']],
  ['CH', 2, [['Zürich', 'Zürich']], ['Swisscom (Schweiz) AG']],
  ['KR', 2, [['Seoul', 'Seoul']], ['Korea Telecom']],
  ['CN', 1.5, [['Beijing', 'Beijing']], ['China Telecom']],
  ['RU', 1, [['Москва', 'Moscow']], ['Rostelecom']],
  ['NG', 1, [['Lagos', 'Lagos']], ['MTN Nigeria']],
  ['', 1, [['', '']], ['']],
];

const USER_AGENTS = [
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36', 25, 'PC'],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87', 20, 'PC'],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0', 6, 'PC'],
  ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', 8, 'PC'],
  ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 8, 'Mobile'],
  ['Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.71 Mobile Safari/537.36', 5, 'Mobile'],
  ['Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 2, 'Tablet'],
  ['Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17726; Pro)', 12, 'PC'],
  ['Mozilla/5.0 (Windows NT 6.1; Trident/7.0; rv:11.0) like Gecko', 1, 'PC'],
  ['python-requests/2.31.0', 1, 'Other'],
  ['curl/8.4.0', 0.5, 'Other'],
  ['', 1.5, 'Other'],
];

const OBJECT_WORDS = ['Budget', 'Roadmap', 'Minutes', 'Invoice', 'Contract', 'Payroll', 'Design', 'Report', 'Forecast', 'Résumé'];
const EXTENSIONS = ['.xlsx', '.docx', '.pptx', '.pdf', '.txt', '.csv', '.zip'];
const SUBJECTS = ['Re: Q3 numbers, final', 'Lunch?', 'Invoice #4471 — overdue', 'FW: "Urgent" wire transfer', 'Offsite, agenda + travel', '週次レポート', 'Build 🚀 shipped'];
const FIRST = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'niaj', 'olivia', 'peggy', 'rupert', 'sybil', 'trent', 'victor', 'walter', 'zoë', 'ångström', 'josé', 'łukasz', 'ümit'];
const LAST = ['smith', 'jones', 'garcia', 'müller', 'dubois', 'rossi', 'tanaka', 'kowalski', 'o\'brien', 'nguyen', 'silva', 'patel', 'kim', 'ivanova', 'okafor'];
const DOMAINS = [['contoso.com', 80], ['fabrikam.com', 15], ['contoso.onmicrosoft.com', 3], ['gmail.com', 2]];

export const HEADER = ['Activity', 'User', 'App', 'IP address', 'Location', 'Device', 'Date', 'Event ID', 'Event Category',
  'Event Type Name', 'Registered ISP', 'IP category', 'IP tags', 'User agent', 'Activity objects',
  'Administrative activity', 'Result', 'Raw data'];

function csvCell(value) {
  const s = String(value);
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

const hex = (random, n) => { let s = ''; while (s.length < n) s += Math.floor(random() * 4294967296).toString(16).padStart(8, '0'); return s.slice(0, n); };
const uuid = (random) => { const h = hex(random, 32); return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`; };

// User `i` of the population: its name, home place, home IP and usual browser. Users are made
// first, in index order, so user i is the same whatever the row count.
function makeUser(i, random, pickDomain, pickPlace, pickAgent) {
  const domain = pickDomain();
  const name = i % 97 === 5 ? `svc-sync${i}@${domain}` : `${FIRST[i % FIRST.length]}.${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? i : ''}@${domain}`;
  const place = i % 3 === 0 ? PLACES[0] : pickPlace();
  const corporate = domain !== 'gmail.com' && random() < 0.6;
  const ip = corporate ? `203.0.113.${1 + (i % 250)}` : `${11 + Math.floor(random() * 180)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${1 + Math.floor(random() * 254)}`;
  return { name, place, city: place[2][i % place[2].length], isp: place[3][i % place[3].length], ip, corporate, agent: pickAgent() };
}

// The user at `index` of the generated population (0 is the most active: user picks are skewed
// towards low indexes), for operations that ask about one user or its home IP (operations.mjs).
export function benchUser(index, seed = 20250630) {
  const random = rng(seed);
  const pickPlace = weighted(random, PLACES.map((p) => [p, p[1]]));
  const pickAgent = weighted(random, USER_AGENTS.map((u) => [u, u[1]]));
  const pickDomain = weighted(random, DOMAINS);
  let user = null;
  for (let i = 0; i <= index; i++) user = makeUser(i, random, pickDomain, pickPlace, pickAgent);
  return user;
}

// The generator: make(rows) yields CSV text pieces, header first.
export function* generate(rows, seed = 20250630) {
  const random = rng(seed);
  const pickCategory = weighted(random, CATEGORIES.map((c) => [c, c[3]]));
  const pickApp = Object.fromEntries(Object.entries(APPS).map(([k, v]) => [k, weighted(random, v)]));
  const pickPlace = weighted(random, PLACES.map((p) => [p, p[1]]));
  const pickAgent = weighted(random, USER_AGENTS.map((u) => [u, u[1]]));
  const pickDomain = weighted(random, DOMAINS);

  // Users: a skewed population, each with a home place, home IP and usual browser.
  const userCount = Math.max(200, Math.round(Math.sqrt(rows) * 6));
  const users = [];
  for (let i = 0; i < userCount; i++) users.push(makeUser(i, random, pickDomain, pickPlace, pickAgent));
  const pickUser = () => users[Math.floor(userCount * Math.pow(random(), 2.2))];

  yield HEADER.join(',') + '\r\n';
  const step = (SPAN_DAYS * 86400000) / rows;
  const batch = [];
  for (let i = 0; i < rows; i++) {
    const user = pickUser();
    const cat = pickCategory();
    const app = pickApp[cat[4]]();
    const admin = cat[5];
    // Mostly at home; now and then travelling or on a phone network elsewhere.
    let place = user.place, city = user.city, isp = user.isp, ip = user.ip, ipCategory = user.corporate ? 'Corporate' : '', ipTags = '';
    const roll = random();
    if (roll < 0.08) {
      place = pickPlace();
      city = place[2][Math.floor(random() * place[2].length)];
      isp = place[3][Math.floor(random() * place[3].length)];
      ip = `${11 + Math.floor(random() * 180)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${1 + Math.floor(random() * 254)}`;
      ipCategory = '';
    }
    if (roll < 0.004) { ipCategory = 'Risky'; ipTags = 'Tor; Anonymous proxy'; }
    else if (roll < 0.03) { ip = `2001:db8:${(i % 65536).toString(16)}::${(1 + (i % 4093)).toString(16)}`; if (roll < 0.015) ip = `[${ip}]:443`; }
    else if (roll < 0.04) ip = `${ip}:${49152 + (i % 16000)}`;
    else if (roll < 0.05) ip = '';
    if (app === 'Amazon Web Services' || roll > 0.995) ipTags = ipTags || 'Amazon Web Services; Cloud provider';
    const [agent, , device] = roll < 0.03 ? pickAgent() : user.agent;
    const location = place[0] ? `${city[0]}, ${city[1]}, ${place[0]}` : '';

    const word = OBJECT_WORDS[Math.floor(random() * OBJECT_WORDS.length)];
    const special = random();
    let object = `${word} ${2020 + Math.floor(random() * 6)}-${Math.floor(random() * 1000)}${EXTENSIONS[Math.floor(random() * EXTENSIONS.length)]}`;
    if (special < 0.01) object = `Project Falcon roadmap, "v${1 + (i % 9)}".pptx`;
    else if (special < 0.013) object = `notes\nsecond line ${i % 100}.txt`;
    else if (special < 0.02) object = `報告書 ${i % 50} 🚀.pdf`;
    const other = users[Math.floor(random() * userCount)].name;
    const subject = SUBJECTS[Math.floor(random() * SUBJECTS.length)];
    const description = cat[2].replace('{object}', object).replace('{other}', other).replace('{subject}', subject);
    const objects = cat[4] === 'files' ? object : cat[4] === 'admin' ? other : '';
    const failed = cat[0] === 'EVENT_CATEGORY_FAILED_LOGIN';
    const time = NEWEST - Math.floor(i * step + random() * step);
    const iso = new Date(time).toISOString();
    const id = hex(random, 16) + i.toString(16).padStart(8, '0');
    const typeName = `EVENT_${app.replace(/^Microsoft /, '').split(' ')[0].toUpperCase()}_${cat[1]}`;

    const raw = JSON.stringify({
      _id: id, saasId: 11161 + (app.length % 7), timestamp: time, description, eventType: 233580 + (cat[3] * 10 | 0),
      eventTypeValue: typeName, appName: app,
      user: { userName: user.name, userTags: admin ? ['Admin'] : [] },
      device: { clientIP: ip, countryCode: place[0] },
      location: { countryCode: place[0], city: city[0], region: city[1], organizationSearchable: isp, anonymousProxy: ipCategory === 'Risky' },
      rawDataJson: {
        CreationTime: iso.slice(0, 19), Id: uuid(random), Operation: cat[1], RecordType: 6, UserType: admin ? 2 : 0,
        Workload: app.replace(/^Microsoft /, ''), ClientIP: ip, UserId: user.name,
        ObjectId: objects ? `https://contoso-my.sharepoint.com/personal/${user.name.replace(/[@.]/g, '_')}/Documents/${object}` : '',
        ResultStatus: failed ? 'Failed' : 'Succeeded',
      },
    });
    const cells = [description, user.name, app, ip, location, device, iso, id, cat[0], typeName,
      isp, ipCategory, ipTags, agent, objects, admin ? 'True' : 'False', failed ? 'Failure' : 'Success', raw];
    batch.push(cells.map(csvCell).join(','));
    if (batch.length === 2000) { yield batch.join('\r\n') + '\r\n'; batch.length = 0; }
  }
  if (batch.length) yield batch.join('\r\n') + '\r\n';
}

// Path of the cached file for `rows` rows, made first if missing (written to a temporary name
// and renamed, so an interrupted run never leaves a truncated cache behind).
export function ensureData(rows, log = () => {}) {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const file = path.join(DATA_DIR, `defender_activity_${rows}_v${GENERATOR_VERSION}.csv`);
  if (fs.existsSync(file)) return file;
  log(`generating ${rows.toLocaleString('en-US')} rows -> ${path.relative(process.cwd(), file)}`);
  const started = Date.now();
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w');
  try {
    for (const piece of generate(rows)) fs.writeSync(fd, piece);
    fs.closeSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.renameSync(tmp, file);
  log(`generated ${(fs.statSync(file).size / 1e6).toFixed(0)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = Number(process.argv[2] || 100000);
  console.log(ensureData(rows, (m) => console.error(m)));
}
