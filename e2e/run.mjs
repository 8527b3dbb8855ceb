// End-to-end tests in real Chromium (playwright-core, Debian's /usr/bin/chromium) against the
// release builds served on 127.0.0.1 by e2e/server.mjs, as a static host would serve them:
// dist/ at / and target/dist-sub/ at /sub/path/. No test framework: the tests are in
// e2e/tests/*.mjs (registered with `test()` from e2e/tests/lib.mjs) and run one by one, each in a
// fresh browser context with a 30 s limit. A test fails on any console error or warning or page
// error or dialog, except what e2e/tests/lib.mjs lists in IGNORED.
//   node e2e/run.mjs [--only <substring>] [--list]
// Prints `ok - name` / `not ok - name` (with the error) per test and ends with exactly one line
// `N passed, N failed`; exits non-zero on any failure. Screenshots go to e2e/out/.
// Without target/dist-sub (or $E2E_SUB_DIST) the sub-path tests are skipped, unless CI is set
// (then they fail).
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { pathToFileURL } from 'node:url';
import { tests, env, here, out, IGNORED } from './tests/lib.mjs';

const root = path.resolve(here, '..');
const TIMEOUT = 30_000;
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const argv = process.argv.slice(2);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : null;

// ---------------------------------------------------------------- servers
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}
const servers = [];
async function serve(dir, prefix = '/') {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(here, 'server.mjs'), dir, String(port), '--prefix', prefix],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  servers.push(child);
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server for ${dir} did not start`)), 10_000);
    child.stdout.once('data', () => { clearTimeout(timer); resolve(); });
    child.once('exit', (c) => { clearTimeout(timer); reject(new Error(`server for ${dir} exited with ${c}`)); });
  });
  return `http://127.0.0.1:${port}`;
}
function stopServers() {
  for (const s of servers) if (s.exitCode === null && !s.killed) s.kill();
}
process.on('exit', stopServers);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { stopServers(); process.exit(130); });

// ---------------------------------------------------------------- per-test browser contexts
function makeT(name) {
  const t = {
    name,
    problems: [],
    contexts: [],
    pages: [],
    /** A fresh context (1280x900, light unless told) whose pages report console problems. */
    async newContext(opts = {}) {
      const context = await env.browser.newContext({
        viewport: { width: 1280, height: 900 }, colorScheme: 'light', acceptDownloads: true, ...opts,
      });
      t.contexts.push(context);
      const docs404 = new Set();
      const watch = (page) => {
        t.pages.push(page);
        page.on('response', (r) => {
          if (r.status() === 404 && r.request().resourceType() === 'document') docs404.add(r.url());
        });
        page.on('console', (m) => {
          if (m.type() !== 'error' && m.type() !== 'warning') return;
          const text = m.text();
          const url = (m.location() && m.location().url) || '';
          if (IGNORED.some((i) => i.match(text, url, { docs404 }))) return;
          t.problems.push(`console ${m.type()}: ${text}${url ? ` (${url})` : ''} [on ${page.url()}]`);
        });
        page.on('pageerror', (e) => t.problems.push(`page error: ${e.message} [on ${page.url()}]`));
        page.on('dialog', (d) => {
          t.problems.push(`a ${d.type()} dialog opened: ${JSON.stringify(d.message())} [on ${page.url()}]`);
          d.dismiss().catch(() => {});
        });
      };
      context.on('page', watch);
      return context;
    },
    /** A page in a fresh context. */
    async open(opts = {}) {
      const context = await t.newContext(opts);
      return context.newPage();
    },
  };
  return t;
}

async function runOne(test) {
  const t = makeT(test.name);
  const started = Date.now();
  let timer;
  try {
    const body = Promise.resolve().then(() => test.fn(t));
    body.catch(() => {}); // a test cut off by the time limit may still reject later
    await Promise.race([
      body,
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${TIMEOUT / 1000} s`)), TIMEOUT); }),
    ]);
    if (t.problems.length) throw new Error(`console or page problems:\n${t.problems.join('\n')}`);
    return { ok: true, ms: Date.now() - started };
  } catch (e) {
    // Keep what the page looked like, for the report.
    const last = t.pages.filter((p) => !p.isClosed()).pop();
    if (last) {
      const slug = test.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      await last.screenshot({ path: path.join(out, `FAIL-${slug}.png`), timeout: 3000 }).catch(() => {});
    }
    const extra = t.problems.length && !String(e.message).startsWith('console or page problems')
      ? `\nalso: ${t.problems.join('\nalso: ')}` : '';
    return { ok: false, error: `${e.message || e}${extra}` };
  } finally {
    clearTimeout(timer);
    for (const c of t.contexts) await c.close().catch(() => {});
  }
}

// ---------------------------------------------------------------- main
async function main() {
  fs.mkdirSync(out, { recursive: true });
  for (const f of fs.readdirSync(out)) if (f.startsWith('FAIL-')) fs.rmSync(path.join(out, f));
  const dir = path.join(here, 'tests');
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.mjs') && f !== 'lib.mjs').sort()) {
    await import(pathToFileURL(path.join(dir, f)).href);
  }
  const selected = tests.filter((t) => !only || t.name.includes(only));
  if (argv.includes('--list')) {
    for (const t of selected) console.log(t.name);
    return 0;
  }

  const dist = path.join(root, 'dist');
  const sub = process.env.E2E_SUB_DIST ? path.resolve(process.env.E2E_SUB_DIST) : path.join(root, 'target', 'dist-sub');
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    console.log('not ok - dist/ exists\n    dist/index.html is missing: run `bash scripts/build.sh` first');
    console.log('0 passed, 1 failed');
    return 1;
  }
  env.BASE = await serve(dist);
  if (fs.existsSync(path.join(sub, 'index.html'))) env.SUB = await serve(sub, env.SUBPATH);
  const resp = await fetch(`${env.BASE}/data/events.json`);
  if (!resp.ok) throw new Error(`GET /data/events.json: HTTP ${resp.status}`);
  env.DATA = await resp.json();
  env.browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: FLAGS });

  let passed = 0;
  let failed = 0;
  for (const test of selected) {
    if (test.needs === 'sub' && !env.SUB) {
      if (process.env.CI) {
        failed++;
        console.log(`not ok - ${test.name}\n    target/dist-sub/index.html is missing (CI is set, so this is a failure): run \`bash scripts/build.sh --public-url /sub/path/ --dist target/dist-sub\``);
      } else {
        console.log(`SKIP - ${test.name} (target/dist-sub is missing; build it with \`bash scripts/build.sh --public-url /sub/path/ --dist target/dist-sub\`)`);
      }
      continue;
    }
    const r = await runOne(test);
    if (r.ok) {
      passed++;
      console.log(`ok - ${test.name} (${r.ms} ms)`);
    } else {
      failed++;
      console.log(`not ok - ${test.name}\n    ${r.error.split('\n').join('\n    ')}`);
    }
  }
  await env.browser.close().catch(() => {});
  stopServers();
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
  console.log(`not ok - test run\n    ${String(e && e.stack || e).split('\n').join('\n    ')}`);
  stopServers();
  console.log('0 passed, 1 failed');
  process.exit(1);
});
