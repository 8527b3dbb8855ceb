// Filters and search: state in the query string, restored from it; search folds name variants,
// case and diacritics.
import {
  test, env, assert, eq, sameSet, goto, ready, listIds, searchOf, titleOf,
  KIND_PLURAL, fold, haystack, withPerson, yearOf,
} from './lib.mjs';

const endYear = (e) => yearOf(e.end_date || e.date);
const kindBox = (page, kind) => page.getByRole('checkbox', { name: new RegExp(`^${KIND_PLURAL[kind]} \\(\\d+\\)$`) });
/** Ids of the events the app's search should find for a one-word query `q`: a query that is a
 *  whole name or variant stands for its group; otherwise each group naming the word joins in. */
function searchExpect(ds, q) {
  const f = fold(q);
  const groups = ['people', 'places', 'topics'].flatMap((list) => (ds[list] || [])
    .map((ent) => [...new Set([ent.name, ...(ent.variants || [])].map(fold).filter(Boolean))]))
    .filter((g) => g.length > 1);
  const whole = groups.find((g) => g.includes(f));
  const alts = whole || [...new Set([f, ...groups.filter((g) => g.some((n) => n === f || n.split(' ').includes(f))).flat()])];
  return ds.events.filter((e) => alts.some((a) => haystack(ds, e).includes(a))).map((e) => e.id);
}

test('kind filter: checkbox writes ?kind=, reload restores it, history is replaced', async (t) => {
  const { BASE, DATA } = env;
  const kind = DATA.events.some((e) => e.kind === 'call') ? 'call' : DATA.events[0].kind;
  const ofKind = DATA.events.filter((e) => e.kind === kind).map((e) => e.id);
  const page = await t.open();
  await goto(page, BASE + '/');
  const box = page.getByRole('checkbox', { name: `${KIND_PLURAL[kind]} (${ofKind.length})`, exact: true });
  eq(await box.count(), 1, `a checkbox named "${KIND_PLURAL[kind]} (${ofKind.length})"`);
  const len = await page.evaluate(() => history.length);
  await box.check();
  await page.waitForURL((u) => u.searchParams.get('kind') === kind, { timeout: 3000 });
  sameSet(await listIds(page), ofKind, `only ${kind} events`);
  eq(await page.evaluate(() => history.length), len, 'a filter change replaces the history entry');
  eq((await page.locator('.shown').textContent()).trim().split(' ·')[0], `${ofKind.length} of ${DATA.events.length} events`, 'count line');
  // Two kinds.
  const other = Object.keys(KIND_PLURAL).find((k) => k !== kind && DATA.events.some((e) => e.kind === k));
  await kindBox(page, other).check();
  await page.waitForURL((u) => (u.searchParams.get('kind') || '').split(',').length === 2, { timeout: 3000 });
  sameSet((searchOf(page).get('kind') || '').split(','), [kind, other], 'two kinds in the URL');
  sameSet(await listIds(page), DATA.events.filter((e) => e.kind === kind || e.kind === other).map((e) => e.id), 'both kinds listed');
  await kindBox(page, other).uncheck();
  await page.waitForURL((u) => u.searchParams.get('kind') === kind, { timeout: 3000 });
  await page.reload();
  await ready(page);
  assert(await box.isChecked(), 'checkbox restored after reload');
  assert(!(await kindBox(page, other).isChecked()), 'other kind unchecked after reload');
  sameSet(await listIds(page), ofKind, 'filter restored after reload');
  await box.uncheck();
  await page.waitForURL((u) => !u.searchParams.has('kind'), { timeout: 3000 });
  eq(await listIds(page).then((x) => x.length), DATA.events.length, 'unchecking shows all again');
});

test('loading /?kind=call restores the checkbox and the filtered list', async (t) => {
  const { BASE, DATA } = env;
  const page = await t.open();
  await goto(page, `${BASE}/?kind=call`);
  const calls = DATA.events.filter((e) => e.kind === 'call').map((e) => e.id);
  assert(await kindBox(page, 'call').isChecked(), 'Phone calls checked');
  for (const k of Object.keys(KIND_PLURAL).filter((k) => k !== 'call')) {
    assert(!(await kindBox(page, k).isChecked()), `${k} not checked`);
  }
  sameSet(await listIds(page), calls, 'only calls listed');
  const title = await titleOf(page, `${calls.length} event`, { prefix: true });
  assert(title === `${calls.length} events — ${DATA.title}` || title === `${calls.length} event — ${DATA.title}`, `document title counts the filtered view: ${title}`);
});

test('search: ?q=Garabagh restores the box and finds the Karabakh events', async (t) => {
  const { BASE, DATA } = env;
  const page = await t.open();
  await goto(page, `${BASE}/?q=Garabagh`);
  eq(await page.getByLabel('Search events').inputValue(), 'Garabagh', 'search box restored');
  const ids = await listIds(page);
  const karabakhInTitle = DATA.events.filter((e) => /karabakh|garabagh/i.test(e.title)).map((e) => e.id);
  assert(karabakhInTitle.length > 0, 'the dataset has an event with Karabakh in its title');
  for (const id of karabakhInTitle) assert(ids.includes(id), `Garabagh finds ${id}; got ${ids}`);
  sameSet(ids, searchExpect(DATA, 'Garabagh'), 'Garabagh finds exactly the events that mention Karabakh in any spelling');
});

test('search: typing Lukashenka finds the Lukashenko events (variants, case, diacritics)', async (t) => {
  const { BASE, DATA } = env;
  const page = await t.open();
  await goto(page, BASE + '/');
  const box = page.getByLabel('Search events');
  await box.fill('Lukashenka');
  await page.waitForURL((u) => u.searchParams.get('q') === 'Lukashenka', { timeout: 3000 });
  const ids = await listIds(page);
  const inTitle = DATA.events.filter((e) => /lukashenk/i.test(e.title)).map((e) => e.id);
  assert(inTitle.length > 0, 'the dataset has an event with Lukashenko in its title');
  for (const id of inTitle) assert(ids.includes(id), `Lukashenka finds ${id}`);
  sameSet(ids, searchExpect(DATA, 'Lukashenka'), 'Lukashenka finds every event naming him in any spelling');
  for (const q of ['LUKASHENKA', 'lukashénka', 'Lukashenko']) {
    await box.fill(q);
    await page.waitForURL((u) => u.searchParams.get('q') === q, { timeout: 3000 });
    sameSet(await listIds(page), ids, `${q} finds the same events`);
  }
  await box.fill('zzzzqqqq');
  await page.locator('.list .empty').waitFor({ timeout: 3000 });
  eq((await listIds(page)).length, 0, 'nonsense finds nothing');
  await box.fill('');
  await page.waitForURL((u) => !u.searchParams.has('q'), { timeout: 3000 });
  eq((await listIds(page)).length, DATA.events.length, 'clearing the box shows all');
});

test('person, topic and year filters write the URL and are restored from it', async (t) => {
  const { BASE, DATA } = env;
  const people = (DATA.people || []).map((p) => [p.id, withPerson(DATA, p.id).length]).filter(([, n]) => n > 0);
  assert(people.length > 0, 'the dataset has a person with events');
  const [person] = people.find(([, n]) => n < DATA.events.length) || people[0];
  const years = [...new Set(DATA.events.map((e) => yearOf(e.date)))].sort();
  const year = years[years.length - 1];
  const page = await t.open();
  await goto(page, BASE + '/');
  await page.getByLabel('Person', { exact: true }).selectOption(person);
  await page.waitForURL((u) => u.searchParams.get('person') === person, { timeout: 3000 });
  sameSet(await listIds(page), withPerson(DATA, person).map((e) => e.id), `events of ${person}`);
  await page.getByLabel('From year').fill(String(year));
  await page.getByLabel('From year').press('Tab');
  await page.waitForURL((u) => u.searchParams.get('from') === String(year), { timeout: 3000 });
  await page.getByLabel('To year').fill(String(year));
  await page.getByLabel('To year').press('Tab');
  await page.waitForURL((u) => u.searchParams.get('to') === String(year), { timeout: 3000 });
  const expect = withPerson(DATA, person).filter((e) => endYear(e) >= year && yearOf(e.date) <= year).map((e) => e.id);
  sameSet(await listIds(page), expect, `events of ${person} in ${year}`);
  await page.reload();
  await ready(page);
  eq(await page.locator('#filter-people').inputValue(), person, 'person restored');
  eq(await page.locator('#filter-from').inputValue(), String(year), 'from restored');
  eq(await page.locator('#filter-to').inputValue(), String(year), 'to restored');
  sameSet(await listIds(page), expect, 'list restored');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.waitForURL((u) => u.search === '', { timeout: 3000 });
  eq((await listIds(page)).length, DATA.events.length, 'Clear filters shows all');
  eq(await page.locator('#filter-people').inputValue(), '', 'person cleared');
  eq(await page.locator('#filter-from').inputValue(), '', 'from cleared');
  // Topic, straight from a URL.
  const topic = (DATA.topics || []).find((tp) => DATA.events.some((e) => (e.topics || []).includes(tp.id)));
  if (topic) {
    await goto(page, `${BASE}/?topic=${topic.id}`);
    eq(await page.locator('#filter-topics').inputValue(), topic.id, 'topic restored');
    sameSet(await listIds(page), DATA.events.filter((e) => (e.topics || []).includes(topic.id)).map((e) => e.id), `events on ${topic.id}`);
  }
});

test('keyboard: a filter control keeps the focus while the filters redraw around it', async (t) => {
  const { BASE, DATA } = env;
  const kind = DATA.events[0].kind;
  const page = await t.open();
  await goto(page, BASE + '/');
  // Space on a focused kind checkbox: the kinds are redrawn with new counts, the focus stays.
  await kindBox(page, kind).focus();
  await page.keyboard.press('Space');
  await page.waitForURL((u) => u.searchParams.get('kind') === kind, { timeout: 3000 });
  await page.waitForFunction((id) => document.activeElement && document.activeElement.id === id, `kind-${kind}`, { timeout: 3000 });
  assert(await kindBox(page, kind).isChecked(), 'the focused checkbox is the checked one');
  await page.keyboard.press('Space');
  await page.waitForURL((u) => !u.searchParams.has('kind'), { timeout: 3000 });
  eq(await page.evaluate(() => document.activeElement.id), `kind-${kind}`, 'focus stays after unchecking');
  // Tab from the first year field to the second commits the first: the focus is where Tab put it.
  const year = yearOf(DATA.events[0].date);
  await page.locator('#filter-from').focus();
  await page.keyboard.type(String(year));
  await page.keyboard.press('Tab');
  await page.waitForURL((u) => u.searchParams.get('from') === String(year), { timeout: 3000 });
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'filter-to', null, { timeout: 3000 });
  eq(await page.locator('#filter-from').inputValue(), String(year), 'the committed year is shown');
});
