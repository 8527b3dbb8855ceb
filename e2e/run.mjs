// End-to-end tests in real Chromium (playwright-core, Debian's /usr/bin/chromium) against the
// release builds served on 127.0.0.1 by e2e/server.mjs, as a static host would serve them.
//   node e2e/run.mjs [--only substring]
// Every test gets a fresh browser context and fails on any console error or warning or page
// error (except the status line Chromium logs for a document that is itself a 404).
// Ends with one line: "N passed, N failed".
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const out = path.join(here, 'out');
fs.mkdirSync(out, { recursive: true });
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// ---------------------------------------------------------------- servers
async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}
const servers = [];
async function serve(dir, prefix = '/') {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(here, 'server.mjs'), dir, String(port), '--prefix', prefix], { stdio: ['ignore', 'pipe', 'inherit'] });
  servers.push(child);
  await new Promise((resolve, reject) => {
    child.stdout.once('data', resolve);
    child.once('exit', (c) => reject(new Error(`server exited ${c}`)));
  });
  return `http://127.0.0.1:${port}`;
}
function stopServers() { for (const s of servers) s.kill(); }
process.on('exit', stopServers);

// ---------------------------------------------------------------- harness
const tests = [];
const test = (name, fn) => tests.push({ name, fn });
function assert(cond, msg) { if (!cond) throw new Error(msg); }
function eq(a, b, msg) { if (a !== b) throw new Error(`${msg}: expected ${JSON.stringify(b)}, got ${JSON.stringify(a)}`); }

let browser;
let BASE; // root build
let SUB; // sub-path build origin
let DATA; // the embedded dataset, as published
async function open(t, opts = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', acceptDownloads: true, ...opts });
  const page = await context.newPage();
  const problems = [];
  const docs404 = new Set();
  page.on('response', (r) => { if (r.status() === 404 && r.request().resourceType() === 'document') docs404.add(r.url()); });
  page.on('console', (m) => {
    if (m.type() !== 'error' && m.type() !== 'warning') return;
    const text = m.text();
    if (/status of 404/.test(text) && docs404.size > 0) return; // the document itself is a 404
    problems.push(`console ${m.type()}: ${text}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => { problems.push(`dialog opened: ${d.message()}`); d.dismiss().catch(() => {}); });
  t.context = context; t.problems = problems;
  return page;
}
async function ready(page) { await page.waitForFunction(() => window.__ready === true, null, { timeout: 15000 }); }
async function goto(page, url) { await page.goto(url); await ready(page); }
const card = (page) => page.locator('aside.card');
const listLinks = (page) => page.locator('#events a[data-id]');
async function shot(page, name) { await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: false }); }

// ---------------------------------------------------------------- core (issue 2)
test('home lists every event in an ordered list', async (t) => {
  const page = await open(t);
  await goto(page, BASE + '/');
  eq(await listLinks(page).count(), DATA.events.length, 'list items');
  eq(await page.locator('ol#events > li').count(), DATA.events.length, 'li count');
  await shot(page, 'home-1280-light');
});

test('clicking an event opens its card and changes the URL without a reload', async (t) => {
  const page = await open(t);
  await goto(page, BASE + '/');
  await page.evaluate(() => { window.__marker = 1; });
  const first = listLinks(page).nth(2);
  const id = await first.getAttribute('data-id');
  await first.click();
  await card(page).waitFor();
  eq(new URL(page.url()).pathname, `/events/${id}`, 'URL');
  eq(await page.evaluate(() => window.__marker), 1, 'no reload');
  const ev = DATA.events.find((e) => e.id === id);
  eq((await page.locator('#card-title').textContent()).trim(), ev.title, 'card title');
  eq(await page.evaluate(() => document.activeElement && document.activeElement.id), 'card-title', 'focus moves to the title');
  assert((await page.title()).startsWith(ev.title), 'document title follows the route');
  await shot(page, 'card-1280-light');
});

test('a deep link opens that card directly', async (t) => {
  const page = await open(t);
  const call = DATA.events.find((e) => e.kind === 'call');
  const resp = await page.goto(`${BASE}/events/${call.id}`);
  eq(resp.status(), 200, 'static page status');
  await ready(page);
  await card(page).waitFor();
  eq((await page.locator('#card-title').textContent()).trim(), call.title, 'card title');
  eq(await page.locator(`#events a[data-id="${call.id}"][aria-current="page"]`).count(), 1, 'list marks the open event');
});

test('back and forward step through opened cards', async (t) => {
  const page = await open(t);
  await goto(page, BASE + '/');
  const a = await listLinks(page).nth(0).getAttribute('data-id');
  const b = await listLinks(page).nth(3).getAttribute('data-id');
  await listLinks(page).nth(0).click();
  await page.waitForURL(`**/events/${a}`);
  await page.locator(`#events a[data-id="${b}"]`).click();
  await page.waitForURL(`**/events/${b}`);
  await page.goBack();
  await page.waitForURL(`**/events/${a}`);
  eq(await card(page).getAttribute('data-id'), a, 'back shows A');
  await page.goBack();
  await page.waitForURL((u) => u.pathname === '/');
  eq(await card(page).count(), 0, 'back again closes the card');
  await page.goForward();
  await page.waitForURL(`**/events/${a}`);
  eq(await card(page).getAttribute('data-id'), a, 'forward shows A');
  await page.reload(); await ready(page);
  eq(await card(page).getAttribute('data-id'), a, 'reload keeps the card');
});

test('an unknown id shows a helpful not-found card', async (t) => {
  const page = await open(t);
  await goto(page, `${BASE}/events/lukashenko-phone-call-2099`);
  await card(page).waitFor();
  eq((await page.locator('#card-title').textContent()).trim(), 'No event with this id', 'heading');
  assert(await page.locator('.suggestions li a').count() >= 1, 'suggests close events');
  eq(await listLinks(page).count(), DATA.events.length, 'the timeline is still there');
});

// ---------------------------------------------------------------- dataset (issue 3)
test('opening a dataset with errors loads the valid events and lists the problems', async (t) => {
  const page = await open(t);
  await goto(page, BASE + '/');
  await page.locator('input[type=file]').setInputFiles(path.join(here, 'fixtures/mixed.json'));
  await page.waitForFunction(() => document.querySelectorAll('#events a[data-id]').length === 3);
  const panel = page.locator('details.problems');
  await panel.waitFor();
  const summary = await panel.locator('summary').textContent();
  assert(/3 of 5 events/.test(summary) && /2 rejected/.test(summary), `summary: ${summary}`);
  const rows = await panel.locator('tbody tr').allTextContents();
  assert(rows.some((r) => r.includes('bad-date') && r.includes('date') && r.includes('2021-02-30')), `rows: ${rows}`);
  assert(rows.some((r) => r.includes('ok-1') && r.includes('unique')), `rows: ${rows}`);
  await shot(page, 'problems-1280');
});

test('?data= opens a same-origin dataset and refuses other origins', async (t) => {
  const page = await open(t);
  await goto(page, `${BASE}/?data=/data/events.json`);
  await page.waitForFunction(() => /data\/events\.json/.test(document.querySelector('footer').textContent));
  eq(await listLinks(page).count(), DATA.events.length, 'events from ?data');
  await goto(page, `${BASE}/?data=https://example.org/evil.json`);
  await page.locator('.notice.error').waitFor();
  assert(/not on this site/.test(await page.locator('.notice.error').textContent()), 'refusal message');
  eq(await listLinks(page).count(), DATA.events.length, 'embedded dataset kept');
});

test('the dataset and its JSON Schema are published', async (t) => {
  const page = await open(t);
  const d = await (await page.request.get(`${BASE}/data/events.json`)).json();
  eq(d.events.length, DATA.events.length, 'events.json');
  const s = await (await page.request.get(`${BASE}/schema/dataset.schema.json`)).json();
  assert(s.properties && s.properties.events, 'schema has events');
});

// ---------------------------------------------------------------- timeline (issue 4)
test('keyboard only: tab in, arrows, Enter opens, Escape returns focus', async (t) => {
  const page = await open(t);
  await goto(page, BASE + '/');
  const whole = await page.locator('.range').textContent();
  let inList = false;
  for (let i = 0; i < 40 && !inList; i++) {
    await page.keyboard.press('Tab');
    inList = await page.evaluate(() => !!document.activeElement.closest('#events'));
  }
  assert(inList, 'Tab reaches the list');
  eq(await page.locator('#events a[tabindex="0"]').count(), 1, 'one tab stop');
  const firstId = await page.evaluate(() => document.activeElement.dataset.id);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const id = await page.evaluate(() => document.activeElement.dataset.id);
  assert(id && id !== firstId, 'arrows move focus');
  await page.keyboard.press('Enter');
  await card(page).waitFor();
  eq(new URL(page.url()).pathname, `/events/${id}`, 'Enter opens the card');
  await page.keyboard.press('Escape');
  await page.waitForURL((u) => u.pathname === '/');
  await page.waitForFunction((i) => document.activeElement && document.activeElement.dataset.id === i, id);
  const before = await page.locator('.range').textContent();
  await page.keyboard.press('+');
  const after = await page.locator('.range').textContent();
  assert(before !== after, `+ zooms (${before} / ${after})`);
  await page.keyboard.press('0');
  eq(await page.locator('.range').textContent(), whole, '0 shows all');
  await page.keyboard.press('/');
  eq(await page.evaluate(() => document.activeElement.id), 'search', '/ focuses search');
});

test('filters and search live in the URL and are restored from it', async (t) => {
  const page = await open(t);
  await goto(page, BASE + '/');
  await page.getByRole('checkbox', { name: /Phone calls/ }).check();
  await page.waitForURL(/kind=call/);
  const calls = DATA.events.filter((e) => e.kind === 'call').length;
  eq(await listLinks(page).count(), calls, 'only calls');
  await page.reload(); await ready(page);
  assert(await page.getByRole('checkbox', { name: /Phone calls/ }).isChecked(), 'checkbox restored');
  eq(await listLinks(page).count(), calls, 'filter restored');
  await goto(page, `${BASE}/?q=Garabagh`);
  eq(await page.locator('#search').inputValue(), 'Garabagh', 'search box restored');
  const titles = await listLinks(page).allTextContents();
  assert(titles.some((x) => /Karabakh/.test(x)), `Garabagh finds Karabakh: ${titles}`);
  await goto(page, BASE + '/');
  await page.locator('#search').fill('Lukashenka');
  await page.waitForURL(/q=Lukashenka/);
  const n = await listLinks(page).count();
  assert(n > 5, `Lukashenka finds Lukashenko events (${n})`);
  await goto(page, `${BASE}/?person=ilham-aliyev&from=2024&to=2024`);
  eq(await page.locator('#filter-people').inputValue(), 'ilham-aliyev', 'person restored');
  eq(await page.locator('#filter-from').inputValue(), '2024', 'year restored');
  const expect = DATA.events.filter((e) => (e.participants || []).includes('ilham-aliyev') && e.date.startsWith('2024')).length;
  eq(await listLinks(page).count(), expect, 'person and year filter');
});

test('clusters on the axis zoom in when clicked', async (t) => {
  const page = await open(t);
  await goto(page, BASE + '/');
  const cluster = page.locator('.axis .marker.cluster').first();
  assert(await cluster.count() === 1, 'there is a cluster');
  const before = await page.locator('.range').textContent();
  await cluster.click();
  assert(before !== await page.locator('.range').textContent(), 'cluster click zooms');
});

test('phone width: vertical list, full-screen card, no sideways scroll', async (t) => {
  const page = await open(t, { viewport: { width: 375, height: 812 } });
  await goto(page, BASE + '/');
  assert(await page.evaluate(() => document.documentElement.scrollWidth <= 375), 'no horizontal scroll');
  await shot(page, 'home-375-light');
  await listLinks(page).nth(4).click();
  await card(page).waitFor();
  const box = await card(page).boundingBox();
  assert(box.width >= 370 && box.x <= 1, `card fills the screen (${JSON.stringify(box)})`);
  await shot(page, 'card-375-light');
  await page.getByRole('button', { name: 'Close the card' }).click();
  await page.waitForURL((u) => u.pathname === '/');
});

test('dark theme follows the system and the toggle', async (t) => {
  const page = await open(t, { colorScheme: 'dark' });
  await goto(page, BASE + '/');
  eq(await page.getAttribute('html', 'data-theme'), 'dark', 'system dark');
  await shot(page, 'home-1280-dark');
  await listLinks(page).nth(6).click();
  await card(page).waitFor();
  await shot(page, 'card-1280-dark');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  eq(await page.getAttribute('html', 'data-theme'), 'light', 'toggle to light');
  const page2 = await t.context.newPage();
  await page2.setViewportSize({ width: 375, height: 812 });
  await page2.emulateMedia({ colorScheme: 'dark' });
  await goto(page2, BASE + '/');
  eq(await page2.getAttribute('html', 'data-theme'), 'light', 'the choice is remembered');
  await page2.getByRole('button', { name: 'Dark theme' }).click();
  await shot(page2, 'home-375-dark');
});

// ---------------------------------------------------------------- sharing and data out (issue 5)
test('exports: CSV rows, JSON that re-validates, ICS with escaping', async (t) => {
  const page = await open(t);
  await goto(page, `${BASE}/?kind=signing`);
  const n = await listLinks(page).count();
  const grab = async (name) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return fs.readFileSync(await dl.path(), 'utf8');
  };
  const csv = await grab('CSV');
  const rows = csv.split('\r\n').filter((l) => l.length);
  eq(rows.length, n + 1, 'CSV header + rows');
  assert(rows[0].startsWith('id,kind,date'), 'CSV header');
  const json = await grab('JSON');
  const f = path.join(out, 'export.json');
  fs.writeFileSync(f, json);
  const ics = await grab('Calendar (ICS)');
  const unfolded = ics.replace(/\r\n /g, '');
  eq((unfolded.match(/^BEGIN:VEVENT$/gm) || []).length, n, 'ICS events');
  assert(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75), 'ICS lines folded at 75 octets');
  assert(/DTSTART;VALUE=DATE:\d{8}/.test(ics), 'all-day dates');
  // The exported JSON is a dataset our own validator accepts without a problem.
  await page.locator('input[type=file]').setInputFiles(f);
  await page.waitForFunction((k) => document.querySelectorAll('#events a[data-id]').length === k, n);
  eq(await page.locator('details.problems').count(), 0, 'no problems in the exported JSON');
  // Hostile text: ICS escaping of commas, semicolons, backslashes and new lines.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.locator('input[type=file]').setInputFiles(path.join(here, 'fixtures/hostile.json'));
  await page.waitForFunction(() => /Hostile/.test(document.querySelector('.brand .title').textContent));
  const ics2 = (await grab('Calendar (ICS)')).replace(/\r\n /g, '');
  const summary = ics2.split('\r\n').find((l) => l.startsWith('SUMMARY:') && l.includes('visit title'));
  assert(summary && summary.includes('alert(1)') && !/[^\\][,;]/.test(summary.slice(8).replace(/\\[,;\\n]/g, '')), `escaped SUMMARY: ${summary}`);
});

test('every static event page shows its card and Open Graph tags without JavaScript', async (t) => {
  const page = await open(t);
  for (const e of DATA.events) {
    const r = await page.request.get(`${BASE}/events/${e.id}/`);
    eq(r.status(), 200, `${e.id} status`);
    const html = await r.text();
    const title = e.title.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    assert(html.includes(`<meta property="og:title" content="${title}`), `${e.id} og:title`);
    assert(html.includes('og:description') && html.includes('twitter:card') && html.includes('rel="canonical"'), `${e.id} tags`);
    assert(html.includes(`<h2 id="card-title" tabindex="-1">${title}</h2>`), `${e.id} card text`);
    assert(html.includes('Content-Security-Policy'), `${e.id} CSP`);
  }
  const sitemap = await (await page.request.get(`${BASE}/sitemap.xml`)).text();
  for (const e of DATA.events) assert(sitemap.includes(`/events/${e.id}</loc>`), `sitemap lists ${e.id}`);
  // With JavaScript off, the page still reads.
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const p = await ctx.newPage();
  await p.goto(`${BASE}/events/${DATA.events[0].id}/`);
  assert((await p.locator('#static h2').textContent()).includes(DATA.events[0].title), 'readable without JS');
  await ctx.close();
});

test('citation names the event, date, sources and permalink', async (t) => {
  const page = await open(t);
  const e = DATA.events.find((x) => x.kind === 'call');
  await goto(page, `${BASE}/events/${e.id}`);
  const c = await page.locator('.card .citation').textContent();
  assert(c.includes(e.title) && c.includes('May 2021') && c.includes('004_11d92e1d558ef141.txt') && c.includes(`/events/${e.id}`), c);
  assert(c.includes('date inferred'), 'says inferred');
});

test('trade chart points link to their quotes and sources', async (t) => {
  const page = await open(t);
  await goto(page, `${BASE}/trade`);
  const points = page.locator('svg a.point');
  const valued = DATA.figures.filter((f) => f.value_musd != null).length;
  eq(await points.count(), valued, 'one point per valued figure');
  for (let i = 0; i < valued; i++) {
    const href = await points.nth(i).getAttribute('href');
    const label = await points.nth(i).getAttribute('aria-label');
    assert(/source/.test(label), `label names the source: ${label}`);
    eq(await page.locator(href).count(), 1, `target row ${href}`);
  }
  assert(await page.locator('svg .gap-line').count() >= 1, 'disagreement drawn');
  const gap = await page.locator('.gap').first().textContent();
  assert(gap.includes('500') && gap.includes('48'), 'both values side by side');
  await shot(page, 'trade-1280');
});

test('entity pages list the right events', async (t) => {
  const page = await open(t);
  await goto(page, `${BASE}/people/alexander-lukashenko`);
  const expect = DATA.events.filter((e) => (e.participants || []).includes('alexander-lukashenko') || (e.quotes || []).some((q) => q.speaker === 'alexander-lukashenko')).length;
  eq(await page.locator('ol.plain li').count(), expect, 'events of the person');
  assert((await page.textContent('main')).includes('Lukashenka'), 'variants shown');
  await goto(page, `${BASE}/places/karabakh`);
  const k = DATA.events.filter((e) => e.place === 'karabakh').length;
  eq(await page.locator('ol.plain li').count(), k, 'events at the place');
  // Cards link to entity pages.
  await goto(page, `${BASE}/events/${DATA.events.find((e) => e.place === 'baku').id}`);
  await page.locator('.card a', { hasText: 'Baku' }).first().click();
  await page.waitForURL('**/places/baku');
});

// ---------------------------------------------------------------- hardening (issue 7)
test('a full tour only ever requests this origin', async (t) => {
  const page = await open(t);
  const foreign = [];
  page.on('request', (r) => { if (!r.url().startsWith(BASE) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) foreign.push(r.url()); });
  await goto(page, BASE + '/');
  const withAliyev = DATA.events.find((e) => (e.participants || []).includes('ilham-aliyev'));
  await page.locator(`#events a[data-id="${withAliyev.id}"]`).click();
  await page.locator('.card a', { hasText: 'Ilham Aliyev' }).first().click();
  await page.waitForURL('**/people/ilham-aliyev');
  await goto(page, `${BASE}/trade`);
  await goto(page, `${BASE}/about`);
  await goto(page, `${BASE}/?q=Ganja&kind=meeting`);
  eq(foreign.length, 0, `foreign requests: ${foreign}`);
});

test('a hostile dataset shows its text literally and runs nothing', async (t) => {
  const page = await open(t);
  await goto(page, BASE + '/');
  await page.locator('input[type=file]').setInputFiles(path.join(here, 'fixtures/hostile.json'));
  await page.waitForFunction(() => /Hostile/.test(document.querySelector('.brand .title').textContent));
  const link = page.locator('#events a[data-id="x-1"]');
  assert((await link.textContent()).includes('<script>alert(1)</script> visit title'), 'title shown literally');
  await link.click();
  await card(page).waitFor();
  const text = await card(page).textContent();
  assert(text.includes('<img src=x onerror=alert(2)> summary'), 'summary literal');
  assert(text.includes('"><svg onload=alert(3)> quoted'), 'quote literal');
  eq(await page.locator('main script, main img, main iframe, main [onerror], main [onload], main svg[onload]').count(), 0, 'nothing injected');
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert(hrefs.every((h) => !/^\s*javascript:/i.test(h)), 'no javascript: links');
  const rows = await page.locator('details.problems tbody tr').allTextContents();
  assert(rows.some((r) => r.includes('http:// or https://')), 'javascript: source rejected');
  await page.locator('#events a[data-id="x-2"]').click();
  eq(new URL(page.url()).origin, BASE, 'no navigation away');
});

test('thirty odd URLs land on an event, a normalised view or not-found', async (t) => {
  const page = await open(t);
  const id = DATA.events[0].id;
  const cases = [
    [`/events/${id}`, 'card'], [`/events/${id}/`, 'card'], [`/events/${id.toUpperCase()}`, 'card'],
    [`/EVENTS/${id}`, 'card'], [`/events/${id}/index.html`, 'card'], [`/events/${id}?utm_source=x`, 'card'],
    [`/events/${id}?kind=bogus&kind=visit&q=`, 'card'], ['/events/nope', 'notfound'], ['/events/a%2Fb', 'notfound'],
    ['/events/%E2%9C%93', 'notfound'], ['/events/..%2F..%2Fetc', 'notfound'], [`/events/${'x'.repeat(3000)}`, 'notfound'],
    ['/events/%ZZ', 'notfound'], ['/events/%', 'notfound'], ['/events/<script>', 'notfound'],
    ['/?kind=call,call,CALL', 'list'], ['/?from=abc&to=zzz', 'list'], ['/?from=2030&to=2020', 'list'],
    ['/?q=%00%01', 'list'], ['/?q=' + 'a'.repeat(3000), 'list'], ['/?person=nobody', 'list'], ['/?topic=', 'list'],
    ['/index.html', 'list'], ['/?data=', 'list'], ['/nope', 'page'], ['/events', 'page'], ['/people/nobody', 'page'],
    ['/trade/', 'page'], ['/about?x=1', 'page'], ['/events/ünïcödé', 'notfound'], ['//events//' + id, 'card'],
  ];
  assert(cases.length >= 30, 'thirty cases');
  for (const [u, want] of cases) {
    await page.goto(BASE + u);
    await ready(page);
    if (want === 'card') eq(await card(page).getAttribute('data-id'), id, u);
    else if (want === 'notfound') eq((await page.locator('#card-title').textContent()).trim(), 'No event with this id', u);
    else if (want === 'list') assert(await page.locator('#events').count() === 1, `${u} shows the timeline`);
    else assert((await page.locator('main h1').count()) === 1, `${u} shows a page`);
  }
});

test('after the first visit the app works offline', async (t) => {
  const page = await open(t);
  await goto(page, BASE + '/');
  await page.waitForFunction(async () => {
    const r = await navigator.serviceWorker.getRegistration();
    return !!(r && r.active && navigator.serviceWorker.controller);
  }, null, { timeout: 20000 }).catch(async () => { await page.reload(); await ready(page); });
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20000 });
  await t.context.setOffline(true);
  await page.reload();
  await ready(page);
  eq(await listLinks(page).count(), DATA.events.length, 'list offline');
  await listLinks(page).nth(2).click();
  await card(page).waitFor();
  const e = DATA.events[5];
  await page.goto(`${BASE}/events/${e.id}/`);
  await ready(page);
  eq(await card(page).getAttribute('data-id'), e.id, 'event page offline');
  await t.context.setOffline(false);
});

// ---------------------------------------------------------------- sub-path (issue 5)
test('sub-path build: links, assets and routes respect the base', async (t) => {
  const page = await open(t);
  await goto(page, `${SUB}/sub/path/`);
  eq(await listLinks(page).count(), DATA.events.length, 'list');
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const bad = hrefs.filter((h) => h.startsWith('/') && !h.startsWith('/sub/path/'));
  eq(bad.length, 0, `links outside the base: ${bad.slice(0, 5)}`);
  const id = await listLinks(page).nth(3).getAttribute('data-id');
  await listLinks(page).nth(3).click();
  await page.waitForURL(`**/sub/path/events/${id}`);
  await page.reload(); await ready(page);
  eq(await card(page).getAttribute('data-id'), id, 'deep link under the base');
  await page.goBack(); await ready(page);
  await goto(page, `${SUB}/sub/path/trade`);
  assert(await page.locator('svg a.point').count() > 0, 'trade page under the base');
});

// ---------------------------------------------------------------- run
async function main() {
  const dist = path.join(root, 'dist');
  const sub = path.join(root, 'target/dist-sub');
  assert(fs.existsSync(path.join(dist, 'index.html')), 'dist/ is missing: run trunk build --release');
  BASE = await serve(dist);
  SUB = fs.existsSync(path.join(sub, 'index.html')) ? await serve(sub, '/sub/path/') : null;
  DATA = JSON.parse(fs.readFileSync(path.join(dist, 'data/events.json'), 'utf8'));
  browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: FLAGS });
  let passed = 0; let failed = 0;
  for (const t of tests) {
    if (only && !t.name.includes(only)) continue;
    if (t.name.startsWith('sub-path') && !SUB) {
      if (process.env.CI) { failed++; console.log(`not ok - ${t.name}\n    target/dist-sub is missing`); } else console.log(`skip - ${t.name} (no target/dist-sub build)`);
      continue;
    }
    const started = Date.now();
    try {
      await Promise.race([
        t.fn(t),
        new Promise((_, rej) => setTimeout(() => rej(new Error('timed out after 60 s')), 60000)),
      ]);
      if (t.problems && t.problems.length) throw new Error(t.problems.join('\n    '));
      passed++;
      console.log(`ok - ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      console.log(`not ok - ${t.name}\n    ${String(e.message || e).split('\n').join('\n    ')}`);
    } finally {
      if (t.context) await t.context.close().catch(() => {});
    }
  }
  await browser.close();
  stopServers();
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
main().catch((e) => { console.error(e); stopServers(); console.log('0 passed, 1 failed'); process.exit(1); });
