// Shared by e2e/run.mjs and the test files: the test registry, the run's environment, what is
// ignored in the console, assertions, and small helpers for the app's DOM.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const out = path.join(here, 'out');
export const fixture = (name) => path.join(here, 'fixtures', name);

// ---------------------------------------------------------------- console messages that are not failures
// Every console error or warning and every page error fails a test, except what is listed here
// (one place; keep it short). `ctx.docs404` holds the URLs of documents that were served as 404.
export const IGNORED = [
  {
    why: 'the status line Chromium logs for a document that is itself a 404 (e.g. /events/nope-123)',
    match: (text, url, ctx) =>
      /^Failed to load resource: the server responded with a status of 404\b/.test(text) && ctx.docs404.has(url),
  },
];

// ---------------------------------------------------------------- registry and environment
export const tests = [];
/** Registers a test. `opts.needs`: 'sub' for the sub-path build. */
export function test(name, fn, opts = {}) {
  if (tests.some((t) => t.name === name)) throw new Error(`duplicate test name: ${name}`);
  tests.push({ name, fn, ...opts });
}

/** Filled by run.mjs before any test runs. */
export const env = {
  BASE: null, // origin of the root build, e.g. http://127.0.0.1:40123
  SUB: null, // origin of the sub-path build (served under /sub/path/), or null
  SUBPATH: '/sub/path/',
  DATA: null, // /data/events.json of the root build, as served
  browser: null,
};

// ---------------------------------------------------------------- assertions
export class AssertionError extends Error {}
export function assert(cond, msg) {
  if (!cond) throw new AssertionError(msg);
}
export function eq(actual, expected, msg) {
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  if (a !== b) throw new AssertionError(`${msg}: expected ${b}, got ${a}`);
}
export function sameSet(actual, expected, msg) {
  const a = [...new Set(actual)].sort();
  const b = [...new Set(expected)].sort();
  const missing = b.filter((x) => !a.includes(x));
  const extra = a.filter((x) => !b.includes(x));
  if (missing.length || extra.length) {
    throw new AssertionError(`${msg}: missing ${JSON.stringify(missing)}, unexpected ${JSON.stringify(extra)}`);
  }
}

// ---------------------------------------------------------------- the app
/** Waits for the app's ready hook (the first timeline is on screen). */
export async function ready(page) {
  await page.waitForFunction(() => window.__ready > 0, null, { timeout: 15000 });
}
/** Navigates and waits for the app; returns the document response. */
export async function goto(page, url) {
  const resp = await page.goto(url);
  await ready(page);
  return resp;
}
export const card = (page) => page.locator('aside.card');
/** The document title once it is `expected` (with `prefix`, once it starts with it), or whatever
 * it is after 3 s: the app writes the title after the next paint. */
export async function titleOf(page, expected, { prefix = false } = {}) {
  await page.waitForFunction(([t, p]) => (p ? document.title.startsWith(t) : document.title === t),
    [expected, prefix], { timeout: 3000 }).catch(() => {});
  return page.title();
}
// An entity, trade or about page is made by the loader worker: wait until it is shown.
export const pageShown = (page) => page.locator('main article:not([aria-busy])').waitFor({ timeout: 5000 });
export const listLinks = (page) => page.locator('ol#events > li.item > a[data-id]');
export const listIds = (page) => listLinks(page).evaluateAll((as) => as.map((a) => a.dataset.id));
export const pathOf = (page) => new URL(page.url()).pathname;
export const searchOf = (page) => new URL(page.url()).searchParams;
export const activeId = (page) => page.evaluate(() => document.activeElement && (document.activeElement.id || document.activeElement.dataset.id || document.activeElement.tagName));
export async function shot(page, name) {
  fs.mkdirSync(out, { recursive: true });
  await page.screenshot({ path: path.join(out, `${name}.png`) });
}

// ---------------------------------------------------------------- the dataset
export const KIND_LABEL = { visit: 'Visit', meeting: 'Meeting', call: 'Phone call', signing: 'Signing', statement: 'Statement', context: 'Context' };
export const KIND_PLURAL = { visit: 'Visits', meeting: 'Meetings', call: 'Phone calls', signing: 'Signings', statement: 'Statements', context: 'Context' };
export const isInferred = (e) => e.date_basis === 'inferred';
export const yearOf = (d) => Number(String(d).slice(0, 4));
/** Folds like the app's search: lower case, no diacritics, punctuation as single spaces. */
export function fold(s) {
  return String(s).normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').replace(/ə/gi, 'e').toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
/** All text an event is searchable by: its own text and the names of the entities it mentions. */
export function haystack(ds, e) {
  const names = (list, ids) => (ids || []).flatMap((id) => {
    const ent = (ds[list] || []).find((x) => x.id === id);
    return ent ? [ent.name || ent.title, ...(ent.variants || [])] : [];
  });
  return ' ' + [
    e.title, e.summary, KIND_LABEL[e.kind],
    ...(e.quotes || []).map((q) => q.text), ...(e.plans || []).map((p) => p.text),
    ...names('people', e.participants), ...names('places', e.place ? [e.place] : []),
    ...names('topics', e.topics), ...names('documents', e.documents),
  ].filter(Boolean).map(fold).join(' ') + ' ';
}
/** Events of a person: participant or quoted speaker (as the app's person filter). */
export const withPerson = (ds, id) => ds.events.filter((e) => (e.participants || []).includes(id) || (e.quotes || []).some((q) => q.speaker === id));
/** The kind with the most events, and others as needed. */
export function kindsByCount(ds) {
  const n = {};
  for (const e of ds.events) n[e.kind] = (n[e.kind] || 0) + 1;
  return Object.entries(n).sort((a, b) => b[1] - a[1]);
}
/** The first event of a kind (falls back to the first event). */
export const firstOfKind = (ds, kind) => ds.events.find((e) => e.kind === kind) || ds.events[0];
