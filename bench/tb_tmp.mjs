import { SightlineBrowser } from './engines/sightline_browser.mjs';
const b = await SightlineBrowser.start('/work/main/bench/data');
const context = await b.browser.newContext();
const page = await context.newPage();
await page.goto(b.server.url);
try { await page.waitForFunction(() => window.sightline && window.sightline.ready, null, {timeout: 30000}); await page.evaluate(() => window.sightline.ready); console.log('ready'); } catch (e) { console.log('ERR', e.message.slice(0, 200)); }
await b.close();
