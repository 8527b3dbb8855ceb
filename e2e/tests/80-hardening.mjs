// Hardening: nothing leaves 127.0.0.1, hostile datasets stay text, odd URLs land somewhere
// sensible, and the app works offline after a first visit.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, env, assert, eq, goto, ready, card, pageShown, listIds, fixture, here, titleOf } from './lib.mjs';

test('a tour of the app requests nothing outside 127.0.0.1', async (t) => {
  const { BASE, DATA } = env;
  const context = await t.newContext();
  const seen = [];
  context.on('request', (r) => seen.push(r.url()));
  const page = await context.newPage();
  await goto(page, BASE + '/');
  const e = DATA.events.find((x) => (x.participants || []).length) || DATA.events[0];
  await page.locator(`#events a[data-id="${e.id}"]`).click();
  await card(page).waitFor();
  const person = card(page).locator('.people a').first();
  if (await person.count()) {
    await person.click();
    await page.waitForURL('**/people/**', { timeout: 3000 });
  }
  await page.getByRole('link', { name: 'Trade figures' }).click();
  await page.waitForURL('**/trade', { timeout: 3000 });
  await page.getByRole('link', { name: 'Sources & method' }).click();
  await page.waitForURL('**/about', { timeout: 3000 });
  await page.getByRole('link', { name: 'Timeline', exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/', { timeout: 3000 });
  await page.getByLabel('Search events').fill('Baku');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'CSV' }).click();
  await goto(page, `${BASE}/events/${DATA.events[0].id}`);
  await goto(page, `${BASE}/?data=/data/events.json`);
  await goto(page, `${BASE}/nope`);
  await page.getByLabel('Open dataset…').setInputFiles(fixture('hostile.json'));
  await page.waitForTimeout(300);
  const foreign = seen.filter((u) => { const x = new URL(u); return !['blob:', 'data:'].includes(x.protocol) && x.hostname !== '127.0.0.1'; });
  eq(foreign, [], 'requests outside 127.0.0.1');
  assert(seen.length > 5, `the tour made requests (${seen.length})`);
});

test('a hostile dataset (file picker) shows its text literally and runs nothing', async (t) => {
  const { BASE } = env;
  const hostile = JSON.parse(fs.readFileSync(fixture('hostile.json'), 'utf8'));
  const ev = (id) => hostile.events.find((e) => e.id === id);
  const page = await t.open({ acceptDownloads: true });
  await goto(page, BASE + '/');
  await page.getByLabel('Open dataset…').setInputFiles(fixture('hostile.json'));
  await page.waitForFunction((title) => document.querySelector('.brand .title').textContent === title, hostile.title, { timeout: 5000 });
  const link = page.locator('#events a[data-id="x-1"]');
  assert((await link.textContent()).endsWith(ev('x-1').title), `title shown literally: ${await link.textContent()}`);
  await link.click();
  await card(page).waitFor();
  const text = await card(page).textContent();
  for (const s of [ev('x-1').title, ev('x-1').summary, ev('x-1').quotes[0].text, ev('x-1').plans[0].text,
    hostile.people[0].name, hostile.people[0].role, hostile.places[0].name, hostile.topics[0].name]) {
    assert(text.includes(s), `card shows literally: ${s}`);
  }
  const literal = await titleOf(page, ev('x-1').title, { prefix: true });
  assert(literal.startsWith(ev('x-1').title), `document title literal: ${literal}`);
  // Hovering and focusing the links with handler-looking text does nothing.
  for (const a of await card(page).locator('a').all()) await a.hover().catch(() => {});
  const dom = () => page.evaluate(() => ({
    injected: document.body.querySelectorAll('script, img, iframe, object, embed, foreignObject, svg [onload]').length,
    handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`)),
    jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => a.protocol === 'javascript:').map((a) => a.getAttribute('href')),
  }));
  const check = async (where) => {
    const d = await dom();
    eq(d.injected, 0, `${where}: no injected script/img/iframe elements`);
    eq(d.handlers, [], `${where}: no inline event handler attributes`);
    eq(d.jsLinks, [], `${where}: no javascript: links`);
  };
  await check('card');
  // The javascript: source and the bad id are rejected, and the table says so (as text).
  const rows = await page.locator('details.problems tbody tr').allTextContents();
  assert(rows.some((r) => /http:\/\/ or https:\/\//.test(r)), `javascript: URL rejected: ${rows}`);
  assert(rows.some((r) => r.includes('<script>alert(8)</script>')), 'the bad id is shown as text in the table');
  eq(await page.locator('#events a[data-id="x-3"]').count(), 0, 'the event citing a javascript: source is rejected');
  // Person and place pages.
  await card(page).locator('.people a').first().click();
  await page.waitForURL('**/people/p1', { timeout: 3000 });
  eq((await page.locator('main h1').textContent()), hostile.people[0].name, 'person page heading literal');
  await check('person page');
  await page.goBack();
  await card(page).waitFor();
  await page.locator('#events a[data-id="x-2"]').click();
  await page.locator('aside.card[data-id="x-2"]').waitFor({ timeout: 3000 });
  eq(new URL(page.url()).origin, BASE, 'a title like javascript:… navigates nowhere else');
  await check('second card');
  // ICS escapes commas, semicolons and backslashes in text.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Calendar (ICS)' }).click()]);
  const ics = fs.readFileSync(await dl.path(), 'utf8').replace(/\r\n[ \t]/g, '');
  const summary = ics.split('\r\n').find((l) => l.startsWith('SUMMARY:') && l.includes('visit title'));
  assert(summary, 'the hostile event is in the ICS');
  const rest = summary.slice('SUMMARY:'.length).replace(/\\[\\,;nN]/g, '');
  assert(!/[,;\\]/.test(rest), `SUMMARY escapes , ; and \\: ${summary}`);
});

test('thirty odd URLs land on an event, a normalised view or a not-found page', async (t) => {
  const { BASE, DATA } = env;
  const page = await t.open();
  const id = DATA.events[0].id;
  const cases = [
    [`/events/${id}`, 'card'], [`/events/${id}/`, 'card'], [`/events/${id.toUpperCase()}`, 'card'],
    [`/EVENTS/${id}`, 'card'], [`/events/${id}/index.html`, 'card'], [`/events/${id}?utm_source=x`, 'card'],
    [`/events/${id}?kind=bogus&kind=${DATA.events[0].kind}&q=`, 'card'], ['/events/nope', 'notfound'], ['/events/a%2Fb', 'notfound'],
    ['/events/%E2%9C%93', 'notfound'], ['/events/..%2F..%2Fetc', 'notfound'], [`/events/${'x'.repeat(3000)}`, 'notfound'],
    ['/events/%ZZ', 'notfound'], ['/events/%', 'notfound'], ['/events/<script>', 'notfound'],
    ['/?kind=call,call,CALL', 'list'], ['/?from=abc&to=zzz', 'list'], ['/?from=2030&to=2020', 'list'],
    ['/?q=%00%01', 'list'], ['/?q=' + 'a'.repeat(3000), 'list'], ['/?person=nobody', 'list'], ['/?topic=', 'list'],
    ['/index.html', 'list'], ['/?data=', 'list'], ['/nope', 'page'], ['/events', 'page'], ['/people/nobody', 'page'],
    ['/trade/', 'page'], ['/about?x=1', 'page'], ['/events/ünïcödé', 'notfound'], ['//events//' + id, 'card'],
  ];
  assert(cases.length >= 30, 'thirty cases');
  const failures = [];
  for (const [u, want] of cases) {
    try {
      await page.goto(BASE + u);
      await ready(page);
      if (want === 'card') eq(await card(page).getAttribute('data-id', { timeout: 2000 }), id, 'card');
      else if (want === 'notfound') eq((await page.locator('#card-title').textContent({ timeout: 2000 })).trim(), 'No event with this id', 'not-found card');
      else if (want === 'list') assert(await page.locator('ol#events').count() === 1, 'the timeline');
      else {
        await pageShown(page);
        assert(await page.locator('main h1').count() === 1, 'a page with a heading');
      }
    } catch (e) {
      failures.push(`${u.slice(0, 80)}: ${String(e.message).split('\n')[0]}`);
    }
  }
  eq(failures, [], 'odd URLs');
});

test('after a first visit the app works offline (service worker)', async (t) => {
  const { BASE, DATA } = env;
  const page = await t.open();
  await goto(page, BASE + '/');
  const controlled = () => page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 8000 });
  await page.waitForFunction(async () => {
    const r = await navigator.serviceWorker.getRegistration();
    return !!(r && r.active);
  }, null, { timeout: 8000 }).catch(() => { throw new Error('no active service worker after 8 s'); });
  await controlled().catch(async () => { await page.reload(); await ready(page); await controlled(); });
  await t.contexts[0].setOffline(true);
  await page.reload();
  await ready(page);
  eq((await listIds(page)).length, DATA.events.length, 'the list offline');
  const e = DATA.events[DATA.events.length - 1];
  await goto(page, `${BASE}/events/${e.id}`);
  eq(await card(page).getAttribute('data-id'), e.id, 'an event page offline');
  await t.contexts[0].setOffline(false);
});

// The one timed assertion the project allows (a correctness bound, not a speed target): opening
// a huge or hostile dataset never blocks the main thread for more than a second. The inputs are
// generated here, not committed.
test('huge and deeply nested files never freeze the tab for more than a second', async (t) => {
  const { BASE } = env;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'azby-huge-'));
  const event = (i) => ({ id: `e-${i}`, kind: ['visit', 'meeting', 'call', 'statement', 'context'][i % 5],
    title: `Generated event number ${i} with a reasonably long title for realism`, summary: 'Padding text '.repeat(12),
    date: `${1900 + (i % 120)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, sources: ['s'] });
  const big = { sources: [{ id: 's', title: 'Generated', url: 'https://example.org/' }], events: [] };
  for (let i = 0; i < 40000; i++) big.events.push(event(i));
  const files = {
    'huge-valid.json': JSON.stringify(big), // ~16 MB, loads
    'fifty-mb.json': '{"events": [' + '{"id": "x", "kind": "call", "title": "padding", "date": "2021"},'.repeat(800000) + '{}]}', // refused by size
    'deep.json': '{"events": ' + '['.repeat(200000) + ']'.repeat(200000) + '}', // refused as JSON
  };
  const page = await t.open();
  await goto(page, BASE + '/');
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); })
      .observe({ type: 'longtask' });
  });
  for (const [name, text] of Object.entries(files)) {
    const f = path.join(tmp, name);
    fs.writeFileSync(f, text);
    await page.locator('input[type=file]').setInputFiles(f);
    await page.waitForFunction((n) => document.querySelector('footer').textContent.includes(n) || /Could not open/.test(document.body.textContent), name, { timeout: 20000 });
    if (name !== 'huge-valid.json') {
      assert(/Could not open/.test(await page.locator('.notice.error').textContent()), `${name}: a clear message`);
      await page.getByRole('button', { name: 'Dismiss' }).click();
    }
  }
  const longest = await page.evaluate(() => window.__longest);
  assert(longest < 1000, `longest main-thread task ${Math.round(longest)} ms`);
  fs.rmSync(tmp, { recursive: true, force: true });
});

// A new release replaces the cached one cleanly: one cache per release, the old one deleted once
// the new service worker activates, and the page then runs on the new release's files.
test('a new release replaces the offline copy cleanly (versioned cache)', async (t) => {
  const { spawn } = await import('node:child_process');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'azby-release-'));
  fs.cpSync(path.join(here, '..', 'dist'), tmp, { recursive: true });
  const srv = spawn(process.execPath, [path.join(here, 'server.mjs'), tmp, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    // server.mjs prints its address; port 0 picks a free one.
    const line = await new Promise((r) => srv.stdout.once('data', (d) => r(String(d))));
    const origin = line.match(/http:\/\/127\.0\.0\.1:\d+/)[0];
    const page = await t.open();
    await goto(page, origin + '/');
    const cacheNames = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('azby-')).sort());
    // (waitForFunction treats a promise as truthy, so async conditions are polled from here.)
    const until = async (what, cond, ms = 15000) => {
      const end = Date.now() + ms;
      for (;;) {
        const v = await what();
        if (cond(v)) return v;
        if (Date.now() > end) throw new Error(`timed out waiting; last value ${JSON.stringify(v)}`);
        await page.waitForTimeout(200);
      }
    };
    const active = () => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.active);
    await until(active, (v) => v);
    const first = await until(cacheNames, (v) => v.length === 1);
    // Publish a "new release": the service worker's version changes.
    const sw = path.join(tmp, 'sw.js');
    fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/const VERSION = '([^']+)'/, "const VERSION = '$1-next'"));
    await page.evaluate(async () => { const r = await navigator.serviceWorker.getRegistration(); await r.update(); });
    await until(cacheNames, (v) => v.length === 1 && v[0] !== first[0]);
    const second = await cacheNames();
    assert(second[0].endsWith('-next'), `the new release's cache: ${second}`);
    await page.reload();
    await ready(page);
    assert((await listIds(page)).length > 0, 'the app runs on the new release');
  } finally {
    srv.kill();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('a WebAssembly trap (how the release build panics) shows the recovery message', async (t) => {
  const { BASE } = env;
  const page = await t.open();
  // A trap reaches the page as an uncaught RuntimeError: thrown from an event handler, or
  // rejecting a task's promise. Both are made here as the browser would report them.
  const traps = [
    () => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }),
    () => { Promise.reject(new WebAssembly.RuntimeError('unreachable')); },
  ];
  for (const trap of traps) {
    await goto(page, BASE + '/');
    // Another uncaught error is not a crash of the app.
    await page.evaluate(() => setTimeout(() => { throw new Error('not ours'); }));
    await page.waitForTimeout(100);
    eq(await page.locator('#crash').count(), 0, 'an ordinary error shows no recovery message');
    await page.evaluate(trap);
    const crash = page.locator('#crash[role=alert]');
    await crash.waitFor({ timeout: 5000 });
    assert(/reload the page/.test(await crash.textContent()), `message: ${await crash.textContent()}`);
    eq(await crash.locator('a').getAttribute('href'), page.url(), 'the reload link is this page');
  }
  // The uncaught errors made above are expected here.
  t.problems = t.problems.filter((p) => !/page error: (unreachable|not ours)/.test(p));
});
