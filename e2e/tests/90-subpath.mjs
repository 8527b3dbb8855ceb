// The same app built with --public-url /sub/path/ (target/dist-sub), served only under /sub/path/.
import { test, env, assert, eq, goto, ready, card, listIds, pathOf, titleOf } from './lib.mjs';

// Skipped (or failed, under CI) when target/dist-sub is missing.
const subTest = (name, fn) => test(name, fn, { needs: 'sub' });
const SUB = () => `${env.SUB}${env.SUBPATH}`;
/** Links on the page whose attribute or resolved URL leaves the base. */
const linksOutside = (page, base) => page.evaluate((base) => {
  const bad = [];
  for (const a of document.querySelectorAll('a[href], link[href], script[src]')) {
    const raw = a.getAttribute('href') ?? a.getAttribute('src');
    const abs = new URL(raw, document.baseURI).href;
    if (raw.startsWith('/') && !raw.startsWith(new URL(base).pathname)) bad.push(raw);
    else if (new URL(abs).origin === location.origin && !abs.startsWith(base)) bad.push(`${raw} -> ${abs}`);
  }
  return bad;
}, base);

async function subData(page) {
  const r = await page.request.get(`${SUB()}data/events.json`);
  eq(r.status(), 200, 'the sub-path build publishes data/events.json');
  return r.json();
}

subTest('sub-path: home loads under /sub/path/ and every link stays under it', async (t) => {
  const context = await t.newContext();
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  const data = await subData(page);
  const resp = await goto(page, SUB());
  eq(resp.status(), 200, 'status');
  eq((await listIds(page)).length, data.events.length, 'the list');
  eq(await linksOutside(page, SUB()), [], 'links outside /sub/path/ on the home page');
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const rooted = hrefs.filter((h) => h.startsWith('/'));
  assert(rooted.length > data.events.length, 'the page has root-relative links to check');
  assert(rooted.every((h) => h.startsWith('/sub/path/')), `every root-relative href starts with /sub/path/: ${rooted.filter((h) => !h.startsWith('/sub/path/')).slice(0, 5)}`);
  const outside = requests.filter((u) => new URL(u).protocol.startsWith('http') && !u.startsWith(SUB()));
  eq(outside, [], 'requests outside /sub/path/');
  for (const [name, path] of [['Trade figures', 'trade'], ['Sources & method', 'about']]) {
    await page.getByRole('link', { name }).click();
    await page.waitForURL(`${SUB()}${path}`, { timeout: 3000 });
    eq(await linksOutside(page, SUB()), [], `links outside /sub/path/ on ${path}`);
  }
});

subTest('sub-path: clicking an event goes to /sub/path/events/<id>; the deep link loads', async (t) => {
  const page = await t.open();
  const data = await subData(page);
  await goto(page, SUB());
  const e = data.events[Math.min(3, data.events.length - 1)];
  await page.locator(`#events a[data-id="${e.id}"]`).click();
  await page.waitForURL(`${SUB()}events/${e.id}`, { timeout: 3000 });
  eq(pathOf(page), `/sub/path/events/${e.id}`, 'card URL');
  eq(await card(page).getAttribute('data-id'), e.id, 'card');
  eq(await linksOutside(page, SUB()), [], 'links outside /sub/path/ with a card open');
  const permalink = (await page.locator('.card .permalink a').textContent()).trim();
  eq(permalink, `${SUB()}events/${e.id}`, 'permalink under the base');
  await page.keyboard.press('Escape');
  await page.waitForURL(SUB(), { timeout: 3000 });
  // Deep link, fresh load.
  const resp = await goto(page, `${SUB()}events/${e.id}`);
  eq(resp.status(), 200, 'the static event page under the base');
  eq(await card(page).getAttribute('data-id'), e.id, 'deep link shows the card');
  eq(await titleOf(page, `${e.title} — ${data.title}`), `${e.title} — ${data.title}`, 'title');
  await page.reload();
  await ready(page);
  eq(await card(page).getAttribute('data-id'), e.id, 'reload keeps the card');
  // Unknown id and unknown path under the base.
  const nf = await goto(page, `${SUB()}events/nope-123`);
  eq(nf.status(), 404, 'unknown event: 404');
  eq((await page.locator('#card-title').textContent()).trim(), 'No event with this id', 'not-found card under the base');
  eq(await linksOutside(page, SUB()), [], 'links outside /sub/path/ on the not-found card');
  const np = await goto(page, `${SUB()}a/b/c`);
  eq(np.status(), 404, 'unknown path: 404');
  eq((await page.locator('main h1').textContent()).trim(), 'Page not found', 'not-found page under the base');
  await page.getByRole('link', { name: 'Go to the timeline' }).click();
  await page.waitForURL(SUB(), { timeout: 3000 });
});

subTest('sub-path: filters, search and ?data= work under the base', async (t) => {
  const page = await t.open();
  const data = await subData(page);
  await goto(page, `${SUB()}?kind=call`);
  eq((await listIds(page)).length, data.events.filter((e) => e.kind === 'call').length, 'kind filter from the URL');
  await page.getByLabel('Search events').fill('Lukashenka');
  await page.waitForURL((u) => u.pathname === '/sub/path/' && u.searchParams.get('q') === 'Lukashenka', { timeout: 3000 });
  await goto(page, `${SUB()}?data=/sub/path/data/events.json`);
  await page.waitForFunction(() => /\/sub\/path\/data\/events\.json/.test(document.querySelector('footer.site').textContent), null, { timeout: 5000 });
  eq((await listIds(page)).length, data.events.length, '?data= under the base');
  const sm = await page.request.get(`${SUB()}sitemap.xml`);
  eq(sm.status(), 200, 'sitemap under the base');
  const locs = [...(await sm.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  assert(locs.length > 0 && locs.every((p) => p.startsWith('/sub/path/')), `sitemap URLs under /sub/path/: ${locs.filter((p) => !p.startsWith('/sub/path/')).slice(0, 3)}`);
});
