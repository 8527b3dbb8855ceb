// What the release build publishes besides the app: /data/events.json, a static page per event
// (/events/<id>/index.html), /404.html served for unknown paths, /sitemap.xml.
import { test, env, assert, eq, sameSet, goto, card, listIds, titleOf } from './lib.mjs';

test('/data/events.json is published as JSON and matches the home list', async (t) => {
  const { BASE, DATA } = env;
  const page = await t.open();
  const r = await page.request.get(`${BASE}/data/events.json`);
  eq(r.status(), 200, 'status');
  assert(/^application\/json/.test(r.headers()['content-type']), `content type ${r.headers()['content-type']}`);
  const d = await r.json();
  eq(d.schema_version, 1, 'schema_version');
  assert(Array.isArray(d.events) && d.events.length > 0, 'has events');
  await goto(page, BASE + '/');
  sameSet(await listIds(page), d.events.map((e) => e.id), 'the app shows exactly the published events');
  eq(new Set(DATA.events.map((e) => e.id)).size, DATA.events.length, 'ids are unique');
  const s = await page.request.get(`${BASE}/schema/dataset.schema.json`);
  eq(s.status(), 200, 'the JSON Schema is published');
  assert((await s.json()).properties?.events, 'the schema describes events');
  // The footer links to both.
  const hrefs = await page.locator('footer.site a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert(hrefs.includes('/data/events.json') && hrefs.includes('/schema/dataset.schema.json'), `footer links: ${hrefs}`);
});

test('static pages: /events/<id>/index.html exists for every event, with head tags and the card', async (t) => {
  const { BASE, DATA } = env;
  // Read as a crawler would: no JavaScript.
  const page = await t.open({ javaScriptEnabled: false });
  const missing = [];
  for (const e of DATA.events) {
    const r = await page.request.get(`${BASE}/events/${e.id}/index.html`);
    if (r.status() !== 200) missing.push(`${e.id} (HTTP ${r.status()})`);
  }
  assert(missing.length === 0, `no static page for ${missing.length} of ${DATA.events.length} events: ${missing.slice(0, 5).join(', ')}`);
  for (const e of DATA.events) {
    const resp = await page.goto(`${BASE}/events/${e.id}`);
    eq(resp.status(), 200, `${e.id}: /events/<id> is served (the directory's index.html)`);
    const head = await page.evaluate(() => {
      const m = (sel) => document.querySelector(sel)?.getAttribute('content') ?? null;
      return {
        title: document.title,
        og: m('meta[property="og:title"]'),
        ogUrl: m('meta[property="og:url"]'),
        ogDesc: m('meta[property="og:description"]'),
        desc: m('meta[name="description"]'),
        twitter: m('meta[name="twitter:card"]'),
        canonical: document.querySelector('link[rel=canonical]')?.getAttribute('href') ?? null,
        csp: m('meta[http-equiv="Content-Security-Policy"]'),
        h2: document.querySelector('#static #card-title')?.textContent ?? null,
        titles: document.querySelectorAll('head > title').length,
      };
    });
    const where = `${e.id}: `;
    eq(head.title, `${e.title} — ${DATA.title}`, `${where}<title>`);
    eq(head.titles, 1, `${where}one <title>`);
    eq(head.og, head.title, `${where}og:title`);
    assert(head.ogDesc && head.ogDesc.length > 20 && head.desc === head.ogDesc, `${where}og:description and description: ${head.ogDesc}`);
    eq(head.twitter, 'summary', `${where}twitter:card`);
    assert(head.canonical && new URL(head.canonical).pathname === `/events/${e.id}`, `${where}canonical: ${head.canonical}`);
    eq(head.ogUrl, head.canonical, `${where}og:url`);
    assert(head.csp && /default-src 'self'/.test(head.csp), `${where}Content-Security-Policy meta: ${head.csp}`);
    eq(head.h2, e.title, `${where}the card heading in #static`);
  }
});

test('static pages: with JavaScript the app takes over the event page', async (t) => {
  const { BASE, DATA } = env;
  const page = await t.open();
  const e = DATA.events[DATA.events.length - 1];
  const resp = await goto(page, `${BASE}/events/${e.id}/`);
  eq(resp.status(), 200, 'a real page, not the 404 fallback');
  eq(await page.locator('#static').count(), 0, '#static removed');
  eq(await card(page).getAttribute('data-id'), e.id, 'the app shows the card');
  eq(await page.locator('#card-title').count(), 1, 'one card heading');
  eq(await page.locator('head > title').count(), 1, 'one <title> in <head>');
  eq(await titleOf(page, `${e.title} — ${DATA.title}`), `${e.title} — ${DATA.title}`, 'title');
});

test('static pages: the app keeps the site header it finds (title painted once), skip link first', async (t) => {
  const { BASE, DATA } = env;
  const page = await t.open();
  // Recorded from the first byte: any header or title node taken out of the document.
  await page.addInitScript(() => {
    window.__removed = [];
    new MutationObserver((ms) => {
      for (const m of ms) for (const n of m.removedNodes) {
        if (n.nodeType === 1 && (n.matches('header.site, .title') || n.querySelector('header.site, .title'))) window.__removed.push(n.outerHTML.slice(0, 80));
      }
    }).observe(document, { childList: true, subtree: true });
  });
  for (const path of ['/', `/events/${DATA.events[0].id}/`]) {
    await goto(page, BASE + path);
    eq(await page.evaluate(() => window.__removed), [], `${path}: no header node removed while the app starts`);
    eq(await page.locator('header.site').count(), 1, `${path}: one site header`);
    eq((await page.locator('header.site .title').textContent()).trim(), DATA.title, `${path}: the title`);
    eq(await page.locator('header.site .title').getAttribute('href'), '/', `${path}: the title links home`);
    eq(await page.locator('header.site nav a').count(), 3, `${path}: the app added its navigation`);
    eq(await page.locator('header.site #search').count(), 1, `${path}: and its search box`);
    const first = await page.evaluate(() => document.querySelector('a[href], button, input, select, [tabindex="0"]').className);
    eq(first, 'skip', `${path}: the skip link is the first tab stop`);
  }
});

test('static pages: the home page lists every event without JavaScript', async (t) => {
  const { BASE, DATA } = env;
  const page = await t.open({ javaScriptEnabled: false });
  const resp = await page.goto(BASE + '/');
  eq(resp.status(), 200, 'status');
  const hrefs = await page.locator('#static a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const e of DATA.events) assert(hrefs.includes(`/events/${e.id}`), `home links /events/${e.id} without JS`);
  eq(await titleOf(page, DATA.title), DATA.title, 'title');
});

test('404: unknown paths get /404.html with status 404, and the app says "Page not found"', async (t) => {
  const { BASE, DATA } = env;
  const page = await t.open();
  const direct = await page.request.get(`${BASE}/404.html`);
  eq(direct.status(), 200, '/404.html exists');
  const body = await direct.text();
  assert(/<script type="?module/.test(body), '404.html boots the app');
  assert(/<base href="?\/"?>/.test(body), '404.html has <base href="/"> so deep 404s load the app from the root');
  for (const u of ['/nope', '/events/a/b/c', '/deep/er/path/x.html']) {
    const resp = await goto(page, BASE + u);
    eq(resp.status(), 404, `${u} status`);
    eq((await page.locator('main h1').textContent()).trim(), 'Page not found', `${u} heading`);
    const title = await titleOf(page, 'Page not found', { prefix: true });
    assert(title.startsWith('Page not found'), `${u} title: ${title}`);
    await page.getByRole('link', { name: 'Go to the timeline' }).click();
    await page.waitForURL((x) => x.pathname === '/', { timeout: 3000 });
    eq((await listIds(page)).length, DATA.events.length, `${u}: back to the timeline`);
  }
});

test('/sitemap.xml is valid and lists home, trade, about and every event page', async (t) => {
  const { BASE, DATA } = env;
  const page = await t.open();
  const r = await page.request.get(`${BASE}/sitemap.xml`);
  eq(r.status(), 200, 'status');
  const xml = await r.text();
  const locs = await page.evaluate((x) => {
    const doc = new DOMParser().parseFromString(x, 'application/xml');
    if (doc.querySelector('parsererror')) return null;
    return [...doc.getElementsByTagName('loc')].map((l) => l.textContent);
  }, xml);
  assert(locs, 'sitemap.xml parses as XML');
  const paths = locs.map((l) => new URL(l).pathname);
  for (const e of DATA.events) assert(paths.includes(`/events/${e.id}`), `sitemap lists /events/${e.id}`);
  for (const p of ['/', '/trade', '/about']) assert(paths.includes(p), `sitemap lists ${p}`);
  eq(new Set(locs).size, locs.length, 'no duplicate URLs');
  assert(locs.every((l) => /^https?:\/\//.test(l)), 'absolute URLs');
  // Every listed page exists on this server.
  for (const p of paths) {
    const s = (await page.request.get(BASE + p)).status();
    eq(s, 200, `${p} from the sitemap is served`);
  }
  const robots = await (await page.request.get(`${BASE}/robots.txt`)).text();
  assert(/Sitemap: \S+\/sitemap\.xml/.test(robots), `robots.txt points to the sitemap: ${robots}`);
});
