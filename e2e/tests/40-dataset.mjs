// "Open your own dataset": the file picker and ?data=<same-origin URL>; partial loads list their
// problems; a file with nothing usable never replaces what is shown.
import { test, env, assert, eq, sameSet, goto, card, listIds, pathOf, fixture, shot } from './lib.mjs';
import fs from 'node:fs';

const picker = (page) => page.getByLabel('Open dataset…');

test('file picker: a dataset with 2 bad events of 5 loads 3 and lists the problems', async (t) => {
  const { BASE } = env;
  const mixed = JSON.parse(fs.readFileSync(fixture('mixed.json'), 'utf8'));
  const page = await t.open();
  await goto(page, BASE + '/');
  eq(await picker(page).getAttribute('type'), 'file', 'the "Open dataset…" label names a file input');
  await picker(page).setInputFiles(fixture('mixed.json'));
  await page.waitForFunction(() => document.querySelectorAll('#events a[data-id]').length === 3, null, { timeout: 5000 });
  sameSet(await listIds(page), ['ok-1', 'ok-2', 'ok-3'], 'the valid events');
  const panel = page.locator('details.problems');
  await panel.waitFor({ timeout: 3000 });
  assert(await panel.evaluate((d) => d.open), 'the problems panel is open');
  const summary = (await panel.locator('summary').textContent()).trim();
  assert(/^3 of 5 events loaded\b.*\bmixed\.json\b.*\b2 rejected\b/.test(summary), `summary says 3 of 5 loaded, 2 rejected: ${summary}`);
  eq(await panel.locator('thead th').allTextContents(), ['Item', 'Field', 'Problem'], 'table header');
  const rows = await panel.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
  assert(rows.length >= 2, `at least two problem rows: ${JSON.stringify(rows)}`);
  assert(rows.every((r) => r.length === 3), 'rows have item, field, problem');
  assert(rows.some(([item, field, msg]) => item === 'bad-date' && /date/.test(field) && /2021-02-30/.test(msg)), `a row for bad-date's date: ${JSON.stringify(rows)}`);
  assert(rows.some(([item, field, msg]) => item === 'ok-1' && field === 'id' && /unique|earlier/.test(msg)), `a row for the duplicate id: ${JSON.stringify(rows)}`);
  eq((await page.locator('header.site .brand .title').textContent()).trim(), mixed.title, 'the header shows the dataset title');
  assert((await page.locator('footer.site').textContent()).includes('mixed.json'), 'the footer names the file');
  await shot(page, 'problems-1280-light');
  // Its events open like any other.
  await page.locator('#events a[data-id="ok-2"]').click();
  await card(page).waitFor();
  eq(pathOf(page), '/events/ok-2', 'card URL');
  eq((await page.locator('#card-title').textContent()).trim(), 'Second valid call', 'card of a loaded event');
});

test('file picker: a file with nothing usable keeps the current dataset and says why', async (t) => {
  const { BASE, DATA } = env;
  const page = await t.open();
  await goto(page, BASE + '/');
  const allBad = { schema_version: 1, title: 'All bad', events: [{ id: 'x', kind: 'nope', title: 't', date: '2021-13-01', sources: [] }] };
  await picker(page).setInputFiles({ name: 'all-bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(allBad)) });
  const alert = page.getByRole('alert');
  await alert.waitFor({ timeout: 3000 });
  assert(/all-bad\.json/.test(await alert.textContent()), `the error names the file: ${await alert.textContent()}`);
  assert(/unchanged/.test(await alert.textContent()), 'says the dataset is unchanged');
  eq((await listIds(page)).length, DATA.events.length, 'the embedded dataset is still shown');
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await alert.waitFor({ state: 'detached', timeout: 3000 });
  await picker(page).setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"events": [') });
  await page.getByRole('alert').waitFor({ timeout: 3000 });
  assert(/broken\.json/.test(await page.getByRole('alert').textContent()), 'invalid JSON is reported');
  eq((await listIds(page)).length, DATA.events.length, 'still the embedded dataset');
});

test('?data=/data/events.json opens a same-origin dataset; other origins are refused', async (t) => {
  const { BASE, DATA } = env;
  const page = await t.open();
  await goto(page, `${BASE}/?data=/data/events.json`);
  await page.waitForFunction(() => /\/data\/events\.json/.test(document.querySelector('footer.site').textContent), null, { timeout: 5000 });
  sameSet(await listIds(page), DATA.events.map((e) => e.id), 'the events of /data/events.json');
  eq(await page.locator('details.problems').count(), 0, 'the published dataset has no problems');
  // Links keep the dataset parameter.
  const e = DATA.events[0];
  await page.locator(`#events a[data-id="${e.id}"]`).click();
  await card(page).waitFor();
  eq(pathOf(page), `/events/${e.id}`, 'card URL');
  eq(new URL(page.url()).searchParams.get('data'), '/data/events.json', 'the card URL keeps ?data=');
  // Another origin is refused with a message; the embedded dataset stays.
  await goto(page, `${BASE}/?data=https://example.org/evil.json`);
  const alert = page.getByRole('alert');
  await alert.waitFor({ timeout: 3000 });
  assert(/not on this site/.test(await alert.textContent()), `refusal: ${await alert.textContent()}`);
  eq((await listIds(page)).length, DATA.events.length, 'embedded dataset kept');
});

test('a dense axis (3,000 visits over a century): cluster counts fit their discs and no two markers overlap, wide and on a phone', async (t) => {
  const { BASE } = env;
  // Denser towards the end, as real records are: counts of one to four digits.
  const events = Array.from({ length: 3000 }, (_, i) => ({
    id: `dense-${i}`, kind: 'visit', title: `Dense visit ${i + 1}`,
    date: new Date(Date.UTC(1900, 0, 1 + Math.round(44000 * Math.sqrt(i / 3000)))).toISOString().slice(0, 10), sources: ['w'],
  }));
  const dense = { schema_version: 1, title: 'Dense test data', sources: [{ id: 'w', title: 'A test page', url: 'https://example.org/test' }], events };
  for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 800 }]) {
    const page = await t.open({ viewport });
    await goto(page, BASE + '/');
    await picker(page).setInputFiles({ name: 'dense.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(dense)) });
    await page.waitForFunction(() => document.querySelector('#events a[data-id="dense-0"]') && document.querySelector('.axis .marker.cluster'), null, { timeout: 10000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const axis = await page.evaluate(() => [...document.querySelectorAll('.axis .marker')].map((m) => {
      const box = (el) => { const r = el.getBoundingClientRect(); return { l: r.left, r: r.right, t: r.top, w: r.width }; };
      const text = m.querySelector('text');
      return { halo: box(m.querySelector('.halo')), bubble: m.querySelector('.bubble') && box(m.querySelector('.bubble')), text: text && box(text), label: text && text.textContent };
    }));
    assert(axis.length > 3, `${viewport.width} px: markers drawn (${axis.length})`);
    const labels = axis.filter((m) => m.label).map((m) => m.label);
    assert(labels.some((l) => l.length >= 3), `${viewport.width} px: some counts have three or more characters (${labels.join(' ')})`);
    for (const m of axis.filter((m) => m.text)) {
      assert(m.text.w <= m.bubble.w - 2, `${viewport.width} px: the count "${m.label}" (${m.text.w.toFixed(1)} px) fits its disc (${m.bubble.w.toFixed(1)} px)`);
    }
    // One lane here: markers left to right never overlap (their 24 px or larger targets).
    const row = axis.map((m) => m.halo).sort((a, b) => a.l - b.l);
    for (let k = 1; k < row.length; k++) {
      assert(row[k].l >= row[k - 1].r - 0.5, `${viewport.width} px: markers ${k - 1} and ${k} overlap (${row[k - 1].r.toFixed(1)} > ${row[k].l.toFixed(1)})`);
    }
    await page.context().close();
  }
});

test('a long dataset (2,000 events) is windowed: numbered rows, none missing on screen wherever the list is scrolled', async (t) => {
  const { BASE } = env;
  const kinds = ['visit', 'meeting', 'call', 'statement'];
  const events = Array.from({ length: 2000 }, (_, i) => ({
    id: `long-${i}`, kind: kinds[i % kinds.length], title: `Long event number ${i + 1}`,
    date: new Date(Date.UTC(1990, 0, 1 + i * 3)).toISOString().slice(0, 10), sources: ['w'],
  }));
  const long = { schema_version: 1, title: 'Long test data', sources: [{ id: 'w', title: 'A test page', url: 'https://example.org/test' }], events };
  const page = await t.open();
  await goto(page, BASE + '/');
  await picker(page).setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(long)) });
  await page.waitForFunction(() => document.querySelector('#events.windowed a[data-id="long-0"]'), null, { timeout: 10000 });
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // Every point down the list's part of the viewport is on a drawn row, not on the padding that
  // stands for rows outside the window.
  const gaps = () => page.evaluate(() => {
    const ol = document.querySelector('#events');
    const r = ol.getBoundingClientRect();
    const top = Math.max(0, r.top), bottom = Math.min(innerHeight, r.bottom);
    const missing = [];
    for (let y = top + 2; y < bottom - 2; y += 16) {
      const hit = document.elementFromPoint(r.left + 60, y);
      if (!(hit && hit.closest('#events li.item'))) missing.push(Math.round(y));
    }
    return { missing, drawn: ol.children.length, checked: Math.max(0, Math.floor((bottom - top - 4) / 16)) };
  });
  const first = page.locator('#events li.item').first();
  eq(await first.getAttribute('aria-setsize'), '2000', 'rows say how many there are');
  eq(await first.getAttribute('aria-posinset'), '1', 'and where each one stands');
  const total = await page.evaluate(() => document.documentElement.scrollHeight);
  for (const at of [0, 'list', 0.5, 1]) {
    await page.evaluate((at) => {
      const ol = document.querySelector('#events');
      const y = at === 'list' ? ol.getBoundingClientRect().top + scrollY
        : at * (document.documentElement.scrollHeight - innerHeight);
      scrollTo(0, y);
    }, at);
    await frames();
    const g = await gaps();
    assert(g.checked > 0, `the list is on screen at ${at}`);
    eq(g.missing, [], `no blank rows on screen at scroll position ${at} (of ${total} px)`);
    assert(g.drawn < 60, `at ${at} only a window of the 2,000 rows is drawn (${g.drawn})`);
  }
  const last = page.locator('#events li.item').last();
  eq(await last.getAttribute('aria-posinset'), '2000', 'the end of the page shows the last row');
  eq((await last.locator('.what').textContent()).trim(), 'Long event number 2000', 'the last event');
});
