// Sharing and the other pages: citation and copy link, exports, trade figures, entity pages.
import fs from 'node:fs';
import path from 'node:path';
import { test, env, assert, eq, sameSet, goto, card, pageShown, listIds, pathOf, withPerson, firstOfKind, kindsByCount, isInferred, out, shot, titleOf } from './lib.mjs';

test('card: permalink, citation and Copy link', async (t) => {
  const { BASE, DATA } = env;
  const e = firstOfKind(DATA, 'call');
  const page = await t.open();
  await t.contexts[0].grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
  await goto(page, `${BASE}/events/${e.id}?kind=${e.kind}`);
  const permalink = `${BASE}/events/${e.id}`;
  eq((await page.locator('.card .permalink a').textContent()).trim(), permalink, 'permalink (without the filters)');
  const c = await page.locator('.card .citation').textContent();
  assert(c.includes(`“${e.title}”`), `citation names the event: ${c}`);
  assert(c.includes(DATA.title), 'citation names the timeline');
  assert(c.includes(String(e.date).slice(0, 4)), 'citation has the year');
  assert(c.endsWith(permalink), 'citation ends with the permalink');
  eq(c.includes('date inferred'), isInferred(e), 'citation says "date inferred" iff inferred');
  for (const sid of e.sources) {
    const s = DATA.sources.find((x) => x.id === sid);
    const ref = s.file || s.url;
    assert(c.includes(ref), `citation names source ${ref}`);
  }
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.locator('.card .share .status').filter({ hasText: /copied|Copying/ }).waitFor({ timeout: 3000 });
  eq(await page.evaluate(() => navigator.clipboard.readText()), permalink, 'clipboard holds the permalink');
  await page.getByRole('button', { name: 'Copy citation' }).click();
  await page.locator('.card .share .status').filter({ hasText: 'Citation copied.' }).waitFor({ timeout: 3000 });
  eq(await page.evaluate(() => navigator.clipboard.readText()), c, 'clipboard holds the citation');
});

test('card: previous and next follow the filtered list', async (t) => {
  const { BASE, DATA } = env;
  const [[kind, n]] = kindsByCount(DATA);
  assert(n >= 3, 'a kind with 3 events');
  const page = await t.open();
  await goto(page, `${BASE}/?kind=${kind}`);
  const ids = await listIds(page);
  await page.locator(`#events a[data-id="${ids[1]}"]`).click();
  await card(page).waitFor();
  await page.locator('.card .prevnext a.next').click();
  await page.waitForURL(`**/events/${ids[2]}?kind=${kind}`, { timeout: 3000 });
  await page.locator(`aside.card[data-id="${ids[2]}"]`).waitFor({ timeout: 3000 });
  await page.locator('.card .prevnext a.prev').click();
  await page.locator(`aside.card[data-id="${ids[1]}"]`).waitFor({ timeout: 3000 });
  eq(new URL(page.url()).searchParams.get('kind'), kind, 'the filter is kept');
});

test('exports: CSV rows, JSON that the app re-opens without problems, ICS', async (t) => {
  const { BASE, DATA } = env;
  const [[kind, n]] = kindsByCount(DATA);
  const page = await t.open();
  await goto(page, `${BASE}/?kind=${kind}`);
  eq((await listIds(page)).length, n, 'filtered view');
  const grab = async (name) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
    return { name: dl.suggestedFilename(), text: fs.readFileSync(await dl.path(), 'utf8') };
  };
  const csv = await grab('CSV');
  eq(csv.name, 'az-by-timeline.csv', 'CSV file name');
  const rows = csv.text.split(/\r?\n/).filter((l) => l.length);
  assert(rows[0].startsWith('id,kind,date'), `CSV header: ${rows[0]}`);
  eq(rows.length, n + 1, 'CSV: a header and one row per event shown');
  const json = await grab('JSON');
  const parsed = JSON.parse(json.text);
  eq(parsed.events.length, n, 'JSON has the events shown');
  const f = path.join(out, 'export.json');
  fs.writeFileSync(f, json.text);
  const ics = await grab('Calendar (ICS)');
  const unfolded = ics.text.replace(/\r\n[ \t]/g, '');
  assert(unfolded.startsWith('BEGIN:VCALENDAR'), 'ICS starts with BEGIN:VCALENDAR');
  eq((unfolded.match(/^BEGIN:VEVENT\r?$/gm) || []).length, n, 'ICS: one VEVENT per event shown');
  assert(ics.text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75), 'ICS lines are folded at 75 octets');
  // The exported JSON is a dataset the app opens without a single problem.
  await page.getByLabel('Open dataset…').setInputFiles(f);
  await page.waitForFunction(() => /export\.json/.test(document.querySelector('footer.site').textContent), null, { timeout: 5000 });
  eq(await page.locator('details.problems').count(), 0, 'no problems in the exported JSON');
  sameSet(await page.locator('#events a[data-id]').evaluateAll((as) => as.map((a) => a.dataset.id)),
    DATA.events.filter((e) => e.kind === kind).map((e) => e.id), 'the exported events');
});

test('trade page: one chart point per valued figure, each linking to its quote row on /trade', async (t) => {
  const { BASE, DATA } = env;
  const page = await t.open();
  await goto(page, `${BASE}/trade`);
  eq((await page.locator('main h1').textContent()).trim(), 'Trade figures', 'heading');
  const valued = (DATA.figures || []).filter((f) => f.value_musd != null);
  const points = page.locator('svg a.point');
  eq(await points.count(), valued.length, 'one point per valued figure');
  eq(await page.locator('table tbody tr').count(), (DATA.figures || []).length, 'one table row per figure');
  eq(await page.locator('section.gap').count(), (DATA.discrepancies || []).length, 'one section per disagreement');
  await shot(page, 'trade-1280-light');
  // Each point links to its row on this page. (A bare "#figure-…" resolves against <base href>,
  // i.e. to the home page, so what counts is the resolved URL.)
  const links = await points.evaluateAll((as) => as.map((a) => {
    const raw = a.getAttribute('href');
    const u = new URL(raw, document.baseURI);
    return { raw, path: u.pathname, hash: u.hash, label: a.getAttribute('aria-label'), target: !!document.getElementById(u.hash.slice(1)) };
  }));
  for (const l of links) {
    assert(/source/.test(l.label || ''), `the point names its source: ${l.label}`);
    assert(l.target, `the row ${l.hash} exists`);
  }
  const wrong = links.filter((l) => l.path !== '/trade').map((l) => `${l.raw} -> ${l.path}${l.hash}`);
  eq(wrong, [], 'chart links that leave /trade');
  if (links.length) {
    await points.first().click();
    await page.waitForURL((u) => u.hash === links[0].hash, { timeout: 3000 });
    eq(pathOf(page), '/trade', 'clicking a point stays on /trade');
  }
});

test('entity pages list their events; card links lead to them', async (t) => {
  const { BASE, DATA } = env;
  const page = await t.open();
  const person = (DATA.people || []).map((p) => [p, withPerson(DATA, p.id)]).sort((a, b) => b[1].length - a[1].length)[0];
  assert(person, 'a person');
  await goto(page, `${BASE}/people/${person[0].id}`);
  eq((await page.locator('main h1').textContent()).trim(), person[0].name, 'person heading');
  eq(await page.locator('main ol.plain li').count(), person[1].length, `events of ${person[0].id}`);
  for (const v of person[0].variants || []) assert((await page.locator('main').textContent()).includes(v), `variant ${v} shown`);
  eq(await titleOf(page, `${person[0].name} — ${DATA.title}`), `${person[0].name} — ${DATA.title}`, 'document title');
  await page.getByRole('link', { name: 'Show them on the timeline' }).click();
  await page.waitForURL((u) => u.pathname === '/' && u.searchParams.get('person') === person[0].id, { timeout: 3000 });
  eq((await listIds(page)).length, person[1].length, 'the timeline filtered to the person');
  const e = DATA.events.find((x) => x.place);
  if (e) {
    await goto(page, `${BASE}/events/${e.id}`);
    await card(page).locator('.place a').click();
    await page.waitForURL(`**/places/${e.place}`, { timeout: 3000 });
    await pageShown(page);
    const n = DATA.events.filter((x) => x.place === e.place).length;
    eq(await page.locator('main ol.plain li').count(), n, `events at ${e.place}`);
    eq(pathOf(page), `/places/${e.place}`, 'place URL');
  }
  await goto(page, `${BASE}/people/nobody-at-all`);
  assert(/No person with this id/.test(await page.locator('main h1').textContent()), 'unknown person');
});
