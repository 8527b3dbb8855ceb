// The timeline and its cards: list, opening and closing cards, deep links, history, not found,
// and the axis under the mouse (drag and wheel).
import {
  test, env, assert, eq, sameSet, goto, ready, card, listLinks, listIds, pathOf, searchOf, activeId, shot, titleOf,
  KIND_LABEL, isInferred, yearOf, firstOfKind,
} from './lib.mjs';

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const cardTitle = (page) => page.locator('#card-title');

test('home lists every event of /data/events.json in an ordered list', async (t) => {
  const { BASE, DATA } = env;
  const page = await t.open();
  await goto(page, BASE + '/');
  eq(await page.locator('ol#events > li.item').count(), DATA.events.length, 'li.item count');
  sameSet(await listIds(page), DATA.events.map((e) => e.id), 'event ids in the list');
  // Time order: each item's <time datetime> never goes backwards.
  const dates = await page.locator('ol#events time').evaluateAll((ts) => ts.map((x) => x.getAttribute('datetime')));
  for (let i = 1; i < dates.length; i++) assert(dates[i - 1].slice(0, 4) <= dates[i].slice(0, 4), `list out of year order at ${i}: ${dates[i - 1]} then ${dates[i]}`);
  eq(await titleOf(page, DATA.title), DATA.title, 'document title on the home page');
  await shot(page, 'home-1280-light');
});

test('each list link is named by its text: kind, date, (inferred), title', async (t) => {
  const { BASE, DATA } = env;
  const page = await t.open();
  await goto(page, BASE + '/');
  for (const e of DATA.events) {
    const link = page.locator(`#events a[data-id="${e.id}"]`);
    eq(await link.getAttribute('aria-label'), null, `${e.id}: no aria-label overriding the visible text`);
    const date = (await link.locator('time').textContent()).trim();
    assert(date.includes(String(yearOf(e.date))), `${e.id}: the date shows the year: ${date}`);
    const name = [KIND_LABEL[e.kind], date, ...(isInferred(e) ? ['inferred'] : []), e.title].join(' ');
    // The accessible name as Chromium computes it, found by role.
    eq(await page.getByRole('link', { name, exact: true }).count(), 1, `${e.id}: a link named ${JSON.stringify(name)}`);
  }
});

test('clicking an event opens its card in place (pushState, no reload), focused', async (t) => {
  const { BASE, DATA } = env;
  const page = await t.open();
  await goto(page, BASE + '/');
  await page.evaluate(() => { window.__marker = 'same document'; });
  const e = DATA.events[Math.min(2, DATA.events.length - 1)];
  await page.getByRole('link', { name: new RegExp(`${esc(e.title)}$`) }).first().click();
  await card(page).waitFor();
  eq(pathOf(page), `/events/${e.id}`, 'URL');
  eq(await page.evaluate(() => window.__marker), 'same document', 'no reload');
  eq(await card(page).getAttribute('data-id'), e.id, 'card data-id');
  eq((await cardTitle(page).textContent()).trim(), e.title, 'card heading');
  eq(await card(page).getAttribute('aria-labelledby'), 'card-title', 'card is labelled by its heading');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'card-title', null, { timeout: 3000 })
    .catch(() => { throw new Error('focus did not move to h2#card-title'); });
  eq(await titleOf(page, `${e.title} — ${DATA.title}`), `${e.title} — ${DATA.title}`, 'document title follows the card');
  eq(await page.locator(`#events a[data-id="${e.id}"]`).getAttribute('aria-current'), 'page', 'list marks the open event');
  await shot(page, 'card-1280-light');
});

test('Escape closes the card, the URL returns to / and focus to the list link', async (t) => {
  const { BASE, DATA } = env;
  const page = await t.open();
  await goto(page, BASE + '/');
  const e = DATA.events[Math.min(4, DATA.events.length - 1)];
  await page.locator(`#events a[data-id="${e.id}"]`).click();
  await card(page).waitFor();
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'card-title');
  await page.keyboard.press('Escape');
  await page.waitForURL((u) => u.pathname === '/', { timeout: 3000 });
  eq(await card(page).count(), 0, 'card closed');
  await page.waitForFunction((id) => document.activeElement && document.activeElement.dataset.id === id, e.id, { timeout: 3000 })
    .catch(() => { throw new Error('focus did not return to the event\'s list link'); });
  eq(await titleOf(page, DATA.title), DATA.title, 'document title back to the site title');
  // The close button does the same.
  await page.locator(`#events a[data-id="${e.id}"]`).click();
  await card(page).waitFor();
  await page.getByRole('button', { name: 'Close the card' }).click();
  await page.waitForURL((u) => u.pathname === '/', { timeout: 3000 });
  eq(await card(page).count(), 0, 'card closed by the button');
  await page.waitForFunction((id) => document.activeElement && document.activeElement.dataset.id === id, e.id, { timeout: 3000 })
    .catch(() => { throw new Error('focus did not return to the list link after the close button'); });
});

test('a deep link /events/<id> loads that card directly', async (t) => {
  const { BASE, DATA } = env;
  const page = await t.open();
  const e = firstOfKind(DATA, 'call');
  await goto(page, `${BASE}/events/${e.id}`);
  await card(page).waitFor();
  eq(await card(page).getAttribute('data-id'), e.id, 'card');
  eq((await cardTitle(page).textContent()).trim(), e.title, 'card heading');
  eq(await titleOf(page, `${e.title} — ${DATA.title}`), `${e.title} — ${DATA.title}`, 'document title');
  eq(await page.locator(`#events a[data-id="${e.id}"][aria-current="page"]`).count(), 1, 'list marks the open event');
  eq(await page.locator('#static').count(), 0, 'the static copy gave way to the app');
  eq(await page.locator('#card-title').count(), 1, 'one card heading');
});

test('back and forward step through opened cards', async (t) => {
  const { BASE, DATA } = env;
  assert(DATA.events.length >= 4, 'needs 4 events');
  const page = await t.open();
  await goto(page, BASE + '/');
  const [a, b] = [DATA.events[0].id, DATA.events[3].id];
  await page.locator(`#events a[data-id="${a}"]`).click();
  await page.waitForURL(`**/events/${a}`);
  await page.locator(`#events a[data-id="${b}"]`).click();
  await page.waitForURL(`**/events/${b}`);
  eq(await card(page).getAttribute('data-id'), b, 'B open');
  await page.goBack();
  await page.waitForURL(`**/events/${a}`);
  await page.locator(`aside.card[data-id="${a}"]`).waitFor({ timeout: 3000 });
  await page.goBack();
  await page.waitForURL((u) => u.pathname === '/');
  await card(page).waitFor({ state: 'detached', timeout: 3000 });
  await page.goForward();
  await page.waitForURL(`**/events/${a}`);
  await page.locator(`aside.card[data-id="${a}"]`).waitFor({ timeout: 3000 });
  const title = `${DATA.events[0].title} — ${DATA.title}`;
  eq(await titleOf(page, title), title, 'title after forward');
  await page.reload();
  await ready(page);
  eq(await card(page).getAttribute('data-id'), a, 'reload keeps the card');
});

test('an unknown id shows "No event with this id" with suggestions', async (t) => {
  const { BASE, DATA } = env;
  const page = await t.open();
  const resp = await goto(page, `${BASE}/events/nope-123`);
  eq(resp.status(), 404, 'an unknown event is served as 404.html with status 404');
  await card(page).waitFor();
  eq((await cardTitle(page).textContent()).trim(), 'No event with this id', 'heading');
  assert(await page.locator('.card ul.suggestions').isVisible(), 'suggestions list');
  eq(await listLinks(page).count(), DATA.events.length, 'the timeline is still there');
  const notFound = await titleOf(page, 'Event not found', { prefix: true });
  assert(notFound.startsWith('Event not found'), `document title: ${notFound}`);
  // A near miss suggests the event it resembles.
  const e = DATA.events[0];
  await goto(page, `${BASE}/events/${e.id}x`);
  const sugg = await page.locator('.card ul.suggestions a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert(sugg.includes(`/events/${e.id}`), `suggestions for ${e.id}x include ${e.id}: ${sugg}`);
  await page.locator(`.card ul.suggestions a[href="/events/${e.id}"]`).click();
  await page.locator(`aside.card[data-id="${e.id}"]`).waitFor({ timeout: 3000 });
});

test('the open event is marked on the axis, and typing in search keeps the card and the typing', async (t) => {
  const { BASE, DATA } = env;
  const page = await t.open();
  const e = DATA.events.find((x) => x.kind === 'visit') || DATA.events[0];
  await goto(page, BASE + '/events/' + e.id);
  await card(page).waitFor();
  // The axis follows a frame after the card: the marker holding the event gets `current`.
  await page.waitForFunction((href) => {
    const m = document.querySelector('.marks .marker.current');
    if (!m) return false;
    if (!m.classList.contains('cluster')) return (m.getAttribute('href') || '').endsWith(href);
    return true;
  }, '/events/' + e.id, { timeout: 3000 });
  eq(await page.locator('.marks .marker.current').count(), 1, 'exactly one marker is current');
  // Focus in the list marks that event's marker as focused, without redrawing the axis.
  const svg = await page.locator('.marks > svg').elementHandle();
  await listLinks(page).first().focus();
  await page.waitForFunction(() => document.querySelector('.marks .marker.focused'), undefined, { timeout: 3000 });
  assert(await svg.evaluate((s) => s.isConnected), 'focusing a row does not redraw the axis');
  // Typing with the card open: each keystroke lands in the box, the card stays.
  const title = DATA.events.find((x) => x.id === e.id).title;
  const word = title.split(/\s+/).find((w) => w.length > 4) || title.slice(0, 5);
  await page.click('#search');
  await page.keyboard.type(word.slice(0, 5), { delay: 30 });
  eq(await page.inputValue('#search'), word.slice(0, 5), 'every typed character is in the box');
  eq(await activeId(page), 'search', 'focus stays in the search box');
  eq(await page.locator(`aside.card[data-id="${e.id}"]`).count(), 1, 'the card stays open');
  assert(searchOf(page).get('q') === word.slice(0, 5), 'the search is in the URL');
});

test('mouse on the axis: a drag moves the markers with the pointer, the wheel zooms in and out', async (t) => {
  const { BASE, DATA } = env;
  const page = await t.open();
  // An event's page zooms the axis to the event (two years at most).
  const e = DATA.events.find((x) => x.kind === 'visit') || DATA.events[0];
  await goto(page, BASE + '/events/' + e.id);
  await page.waitForSelector('.marks .marker.current');
  const range = () => page.locator('.range').textContent();
  const before = await range();
  // Opening the card scrolled its row into view: bring the axis back.
  await page.locator('.timeline').scrollIntoViewIfNeeded();
  await page.waitForTimeout(100);
  const box = await page.locator('.axis').boundingBox();
  // The marker on screen nearest the middle of the axis, and where it is.
  const m0 = await page.evaluate(([left, right]) => {
    let best = null;
    const mid = (left + right) / 2;
    document.querySelectorAll('.axis .marker').forEach((m, i) => {
      const r = m.getBoundingClientRect();
      const x = r.left + r.width / 2;
      if (r.width > 0 && x > left && x < right && (!best || Math.abs(x - mid) < Math.abs(best.x - mid))) best = { i, x };
    });
    return best;
  }, [box.x, box.x + box.width]);
  assert(m0, 'a marker is on screen on the axis');
  const svg = await page.locator('.marks > svg').elementHandle();
  // Drag 120 px to the left: everything drawn moves 120 px left and later dates come into view.
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width / 2, y);
  await page.mouse.down();
  for (let k = 1; k <= 6; k++) await page.mouse.move(box.x + box.width / 2 - 20 * k, y);
  await page.mouse.up();
  await page.waitForTimeout(100);
  const x1 = await page.evaluate((i) => {
    const r = document.querySelectorAll('.axis .marker')[i].getBoundingClientRect();
    return r.left + r.width / 2;
  }, m0.i);
  assert(Math.abs(x1 - (m0.x - 120)) <= 2, `the marker follows the pointer: ${m0.x} -> ${x1}, expected ${m0.x - 120}`);
  assert(await svg.evaluate((s) => s.isConnected), 'a short drag moves the drawn axis without drawing it again');
  const dragged = await range();
  assert(dragged !== before, `the shown range follows the drag (${before} -> ${dragged})`);
  // The wheel over the axis zooms: up zooms in (a shorter range), down zooms back out.
  await page.mouse.move(box.x + box.width / 2, y);
  const years = (s) => { const m = s.match(/(\d{4}) to \w{3} (\d{4})/); return m ? Number(m[2]) - Number(m[1]) : NaN; };
  await page.mouse.wheel(0, -400);
  await page.waitForFunction((r) => document.querySelector('.range').textContent !== r, dragged, { timeout: 3000 });
  const zoomedIn = await range();
  assert(years(zoomedIn) <= years(dragged), `the wheel zooms in: ${dragged} -> ${zoomedIn}`);
  await page.mouse.wheel(0, 800);
  await page.waitForFunction((r) => document.querySelector('.range').textContent !== r, zoomedIn, { timeout: 3000 });
  const zoomedOut = await range();
  assert(years(zoomedOut) > years(zoomedIn), `the wheel zooms out: ${zoomedIn} -> ${zoomedOut}`);
});
