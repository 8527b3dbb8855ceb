// Keyboard use: one tab stop in the list (roving tabindex), arrows, Enter, Escape, / and zoom keys.
import { test, env, assert, eq, goto, card, pathOf } from './lib.mjs';

const focusedId = (page) => page.evaluate(() => document.activeElement && document.activeElement.dataset.id);
const stops = (page) => page.locator('#events a[tabindex="0"]').evaluateAll((as) => as.map((a) => a.dataset.id));

test('keyboard: one tab stop in the list, arrows move it, Enter opens, Escape returns', async (t) => {
  const { BASE, DATA } = env;
  assert(DATA.events.length >= 3, 'needs 3 events');
  const page = await t.open();
  await goto(page, BASE + '/');
  const ids = await page.locator('#events a[data-id]').evaluateAll((as) => as.map((a) => a.dataset.id));
  eq(await stops(page), [ids[0]], 'before any focus the first item is the only tab stop');
  eq(await page.locator('#events a[tabindex="-1"]').count(), ids.length - 1, 'the others are tabindex=-1');
  // Tab from the top of the page reaches the list at its tab stop.
  let inList = false;
  for (let i = 0; i < 80 && !inList; i++) {
    await page.keyboard.press('Tab');
    inList = await page.evaluate(() => !!document.activeElement.closest('#events'));
  }
  assert(inList, 'Tab reaches the list');
  eq(await focusedId(page), ids[0], 'Tab lands on the tab stop');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  eq(await focusedId(page), ids[2], 'ArrowDown twice moves focus two items');
  eq(await stops(page), [ids[2]], 'the tab stop follows focus');
  await page.keyboard.press('ArrowUp');
  eq(await focusedId(page), ids[1], 'ArrowUp moves focus back');
  await page.keyboard.press('End');
  eq(await focusedId(page), ids[ids.length - 1], 'End goes to the last');
  await page.keyboard.press('Home');
  eq(await focusedId(page), ids[0], 'Home goes to the first');
  await page.keyboard.press('ArrowUp');
  eq(await focusedId(page), ids[0], 'ArrowUp at the top stays');
  // Tab leaves the list in one step (one tab stop), Shift+Tab comes back to the same item.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  assert(!(await page.evaluate(() => !!document.activeElement.closest('#events'))), 'Tab leaves the list');
  await page.keyboard.press('Shift+Tab');
  eq(await focusedId(page), ids[1], 'Shift+Tab returns to the remembered item');
  // Enter opens; Escape closes and returns focus.
  await page.keyboard.press('Enter');
  await card(page).waitFor({ timeout: 3000 });
  eq(pathOf(page), `/events/${ids[1]}`, 'Enter opens the focused event');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'card-title', null, { timeout: 3000 });
  await page.keyboard.press('Escape');
  await page.waitForURL((u) => u.pathname === '/', { timeout: 3000 });
  await page.waitForFunction((id) => document.activeElement && document.activeElement.dataset.id === id, ids[1], { timeout: 3000 })
    .catch(() => { throw new Error('focus did not return to the list item'); });
  eq(await stops(page), [ids[1]], 'still one tab stop, on the item');
});

test('keyboard: / focuses search; + and - zoom the axis; 0 shows all', async (t) => {
  const { BASE } = env;
  const page = await t.open();
  await goto(page, BASE + '/');
  const range = () => page.locator('.range').textContent();
  const all = await range();
  assert(/^Showing \w{3} \d{4} to \w{3} \d{4}$/.test(all), `range label: ${all}`);
  await page.locator('#events a[tabindex="0"]').focus();
  await page.keyboard.press('+');
  const zoomed = await range();
  assert(zoomed !== all, `+ zooms in (${all} -> ${zoomed})`);
  await page.keyboard.press('+');
  const zoomed2 = await range();
  assert(zoomed2 !== zoomed, `+ again zooms further (${zoomed} -> ${zoomed2})`);
  await page.keyboard.press('-');
  assert(await range() !== zoomed2, '- zooms back out');
  await page.keyboard.press('0');
  eq(await range(), all, '0 shows all');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  assert(await range() !== all, 'the Zoom in button zooms');
  await page.getByRole('button', { name: 'Show all' }).click();
  eq(await range(), all, 'Show all');
  // `/` from anywhere outside a text field focuses the search box (and is not typed into it).
  await page.locator('#events a[tabindex="0"]').focus();
  await page.keyboard.press('/');
  eq(await page.evaluate(() => document.activeElement.id), 'search', '/ focuses #search');
  eq(await page.getByLabel('Search events').inputValue(), '', 'the slash is not typed');
  // In the search box, `/` is just a character.
  await page.keyboard.type('a/b');
  eq(await page.getByLabel('Search events').inputValue(), 'a/b', '/ types inside the box');
});

test('the "Skip to the events" link moves to the list without losing filters or the open card; Enter on a row keeps them', async (t) => {
  const { BASE, DATA } = env;
  const kind = DATA.events[DATA.events.length - 1].kind;
  const page = await t.open();
  const failures = [];
  for (const u of [`/?kind=${kind}`, `/events/${DATA.events[0].id}`, '/']) try {
    await goto(page, BASE + u);
    await page.evaluate(() => { window.__marker = 'same document'; });
    const before = new URL(page.url());
    const skip = page.getByRole('link', { name: 'Skip to the events' });
    await skip.focus();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    const after = new URL(page.url());
    eq(after.pathname + after.search, before.pathname + before.search, `${u}: the skip link keeps the path and query`);
    eq(await page.evaluate(() => window.__marker), 'same document', `${u}: no reload`);
    if (u.startsWith('/events/')) eq(await card(page).count(), 1, `${u}: the card stays open`);
    // Focus moves to the list's tab stop, so arrows work at once.
    assert(await page.evaluate(() => !!document.activeElement.closest('#events')), `${u}: the skip link focuses the list`);
    // Rows link to the bare event; opening one from the keyboard keeps the filter.
    if (u.startsWith('/?kind=')) {
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname.startsWith('/events/'), { timeout: 3000 });
      eq(new URL(page.url()).searchParams.get('kind'), kind, `${u}: Enter on a row keeps the filter`);
    }
  } catch (e) { failures.push(e.message); }
  eq(failures, [], 'skip link');
});

test('mouse, then keyboard: a clicked row becomes the tab stop; a mouse press opens the card; arrows go on from the pressed row', async (t) => {
  const { BASE, DATA } = env;
  assert(DATA.events.length >= 5, 'needs 5 events');
  const page = await t.open();
  await goto(page, BASE + '/');
  const ids = await page.locator('#events a[data-id]').evaluateAll((as) => as.map((a) => a.dataset.id));
  // Keyboard first, so the tab stop is somewhere else than what the mouse will click.
  await page.locator(`#events a[data-id="${ids[0]}"]`).focus();
  await page.keyboard.press('ArrowDown');
  eq(await stops(page), [ids[1]], 'the keyboard moved the tab stop');
  // A click opens the card; the clicked row is marked open and holds the only tab stop after Escape.
  await page.locator(`#events a[data-id="${ids[3]}"]`).click();
  await card(page).waitFor({ timeout: 3000 });
  eq(await page.locator(`#events a[data-id="${ids[3]}"]`).getAttribute('aria-current'), 'page', 'the clicked row is marked open');
  await page.keyboard.press('Escape');
  await page.waitForFunction((id) => document.activeElement && document.activeElement.dataset.id === id, ids[3], { timeout: 3000 })
    .catch(() => { throw new Error('focus did not return to the clicked row'); });
  eq(await stops(page), [ids[3]], 'one tab stop, on the clicked row');
  await page.keyboard.press('ArrowDown');
  eq(await focusedId(page), ids[4], 'ArrowDown goes on from the clicked row');
  // A mouse press opens its row's card at once, before the click (a press dragged off the row
  // too); Escape returns to the pressed row and arrows go on from there.
  const box = await page.locator(`#events a[data-id="${ids[1]}"]`).boundingBox();
  await page.mouse.move(box.x + 10, box.y + box.height / 2);
  await page.mouse.down();
  await page.locator(`aside.card[data-id="${ids[1]}"]`).waitFor({ timeout: 3000 });
  await page.mouse.move(box.x + 10, box.y - 400);
  await page.mouse.up();
  eq(pathOf(page), `/events/${ids[1]}`, 'the press opened its card');
  await page.keyboard.press('Escape');
  await page.waitForFunction((id) => document.activeElement && document.activeElement.dataset.id === id, ids[1], { timeout: 3000 })
    .catch(() => { throw new Error('focus did not return to the pressed row'); });
  await page.keyboard.press('ArrowDown');
  eq(await focusedId(page), ids[2], 'ArrowDown goes on from the pressed row');
  eq(await stops(page), [ids[2]], 'and the tab stop follows');
});
