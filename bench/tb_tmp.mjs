import { SightlineBrowser } from '/work/main/bench/engines/sightline_browser.mjs';
import { OPERATIONS } from '/work/main/bench/operations.mjs';
const b = await SightlineBrowser.start('/work/main/bench/data');
console.log(await b.version());
console.time('run');
const ops = OPERATIONS.map(o => ({name:o.name, kind:o.kind, filter:o.filter, field:o.field, limit:o.limit}));
console.log(JSON.stringify(await b.run('/work/main/bench/data/defender_activity_100000_v1.csv', ops)));
console.timeEnd('run');
await b.close();
