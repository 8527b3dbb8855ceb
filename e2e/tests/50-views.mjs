// Viewports and themes: phone width, dark theme (system and toggle), and the screenshots
// (home and an open card at 1280x900 and 375x812, light and dark) in e2e/out/.
import { test, env, assert, eq, goto, card, listLinks, shot } from './lib.mjs';

const PHONE = { width: 375, height: 812 };
const noSideways = (page) => page.evaluate(() => document.documentElement.scrollWidth);
/** Relative luminance (0..1) of the page background. */
const bgLuminance = (page) => page.evaluate(() => {
  let el = document.body;
  let c = getComputedStyle(el).backgroundColor;
  if (/rgba\(0, 0, 0, 0\)|transparent/.test(c)) c = getComputedStyle(document.documentElement).backgroundColor;
  const [r, g, b] = c.match(/[\d.]+/g).slice(0, 3).map((v) => Number(v) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
});

test('phone width (375 px): list visible, card full-screen, no sideways scroll', async (t) => {
  const { BASE, DATA } = env;
  const page = await t.open({ viewport: PHONE });
  await goto(page, BASE + '/');
  assert(await page.locator('ol#events').isVisible(), 'the list is visible');
  const first = listLinks(page).first();
  assert(await first.isVisible(), 'the first event is visible');
  const lb = await page.locator('ol#events').boundingBox();
  assert(lb.x >= 0 && lb.x + lb.width <= PHONE.width + 0.5, `the list fits the width: ${JSON.stringify(lb)}`);
  assert(await noSideways(page) <= PHONE.width, `no horizontal scroll on the home page (scrollWidth ${await noSideways(page)})`);
  await shot(page, 'home-375-light');
  const e = DATA.events[Math.min(6, DATA.events.length - 1)];
  await page.locator(`#events a[data-id="${e.id}"]`).click();
  await card(page).waitFor();
  const box = await card(page).boundingBox();
  assert(Math.abs(box.x) <= 1 && Math.abs(box.y) <= 1 && box.width >= PHONE.width - 1 && box.height >= PHONE.height - 1,
    `the card fills the screen: ${JSON.stringify(box)}`);
  assert(await noSideways(page) <= PHONE.width, `no horizontal scroll with the card open (scrollWidth ${await noSideways(page)})`);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'card-title');
  assert(await page.getByRole('button', { name: 'Close the card' }).isVisible(), 'the close button is on screen');
  await shot(page, 'card-375-light');
  await page.getByRole('button', { name: 'Close the card' }).click();
  await page.waitForURL((u) => u.pathname === '/', { timeout: 3000 });
  assert(await page.locator('ol#events').isVisible(), 'back to the list');
  // Every static page and view fits too.
  for (const u of ['/trade', '/about', `/events/${e.id}`]) {
    await goto(page, BASE + u);
    assert(await noSideways(page) <= PHONE.width, `no horizontal scroll on ${u} (scrollWidth ${await noSideways(page)})`);
  }
});

test('dark theme: the system preference applies; screenshots in dark', async (t) => {
  const { BASE, DATA } = env;
  const e = DATA.events[Math.min(6, DATA.events.length - 1)];
  for (const [w, vp] of [[1280, { width: 1280, height: 900 }], [375, PHONE]]) {
    const page = await t.open({ colorScheme: 'dark', viewport: vp });
    await goto(page, BASE + '/');
    eq(await page.getAttribute('html', 'data-theme'), 'dark', `html[data-theme] at ${w}`);
    eq(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed'), 'true', 'the toggle shows pressed');
    assert(await bgLuminance(page) < 0.1, `dark background (luminance ${await bgLuminance(page)})`);
    await shot(page, `home-${w}-dark`);
    await page.locator(`#events a[data-id="${e.id}"]`).click();
    await card(page).waitFor();
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'card-title');
    await shot(page, `card-${w}-dark`);
  }
});

test('dark theme: the "Dark theme" toggle switches, is pressed, and is remembered', async (t) => {
  const { BASE } = env;
  const page = await t.open({ colorScheme: 'light' });
  await goto(page, BASE + '/');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  eq(await page.getAttribute('html', 'data-theme'), 'light', 'light by default in a light system');
  eq(await toggle.getAttribute('aria-pressed'), 'false', 'not pressed');
  assert(await bgLuminance(page) > 0.8, 'light background');
  await toggle.click();
  eq(await page.getAttribute('html', 'data-theme'), 'dark', 'dark after the toggle');
  eq(await toggle.getAttribute('aria-pressed'), 'true', 'pressed');
  assert(await bgLuminance(page) < 0.1, 'dark background after the toggle');
  await goto(page, BASE + '/about');
  eq(await page.getAttribute('html', 'data-theme'), 'dark', 'the choice is remembered across loads');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  eq(await page.getAttribute('html', 'data-theme'), 'light', 'toggled back to light');
  // A remembered light choice beats a dark system.
  const page2 = await t.contexts[0].newPage();
  await page2.emulateMedia({ colorScheme: 'dark' });
  await goto(page2, BASE + '/');
  eq(await page2.getAttribute('html', 'data-theme'), 'light', 'remembered light choice wins over the system');
});
