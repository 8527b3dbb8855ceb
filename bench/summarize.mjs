#!/usr/bin/env node
// Reads one bench/run.sh run (measure.mjs JSON per page and size, Lighthouse reports), prints
// our figure, the faster anchor's figure, the ratio and PASS/FAIL per target, and writes
// BENCHMARKS.md (date, machine, commit, verdict, every page's numbers, Lighthouse, method).
//
//   node bench/summarize.mjs --results DIR --sizes "seed 1000 10000" --runs 3 [--quick 0|1]
//                            [--seed-build DIR] [--commit-file FILE] [--out BENCHMARKS.md]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';

const args = process.argv.slice(2);
const opt = { results: null, sizes: 'seed 1000 10000', runs: '?', quick: '0', seedBuild: null, commitFile: null, out: null };
for (let i = 0; i < args.length; i++) {
  const k = args[i].replace(/^--/, '').replace(/-([a-z])/g, (_, c) => c.toUpperCase());
  if (!(k in opt)) { console.error(`summarize.mjs: unknown argument ${args[i]}`); process.exit(2); }
  opt[k] = args[++i];
}
if (!opt.results) { console.error('usage: node summarize.mjs --results DIR [--sizes ...] [--out FILE]'); process.exit(2); }
const sizes = opt.sizes.split(/\s+/).filter(Boolean);
const quick = opt.quick === '1';
const numeric = sizes.filter((s) => s !== 'seed').map(Number).sort((a, b) => a - b);
const big = numeric.length ? String(numeric[numeric.length - 1]) : 'seed';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

// ------------------------------------------------------------------ inputs
const load = (name, n) => {
  try { return JSON.parse(fs.readFileSync(path.join(opt.results, `${name}-${n}.json`), 'utf8')); } catch { return null; }
};
const targets = JSON.parse(fs.readFileSync(path.join(root, 'bench/targets.json'), 'utf8')).targets;
const OURS = targets.filter((t) => t.name.startsWith('ours')).map((t) => t.name);
const ANCHORS = targets.filter((t) => !t.name.startsWith('ours')).map((t) => t.name);
const label = Object.fromEntries(targets.map((t) => [t.name, t.label || t.name]));
const R = {};
for (const n of sizes) for (const t of targets) { const r = load(t.name, n); if (r) (R[n] ||= {})[t.name] = r; }
const med = (r, k) => (r && r.ok_runs && r.summary && r.summary[k] ? r.summary[k].median : null);
const sizeName = (n) => (n === 'seed' ? 'seed (26)' : Number(n).toLocaleString('en-US'));
const f = (v, d = 0) => (v == null ? '–' : Number(v).toFixed(d));
const kib = (v) => (v == null ? '–' : (v / 1024).toFixed(1));

// ------------------------------------------------------------------ machine, commit
const sh = (cmd, a) => { try { return execFileSync(cmd, a, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return null; } };
const chromium = Object.values(R).flatMap((x) => Object.values(x)).map((d) => d.chromium).find(Boolean)
  || sh(process.env.CHROME_PATH || '/usr/bin/chromium', ['--version']) || 'unknown';
const cpuModel = (() => { try { return (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) || [])[1]; } catch { return null; } })() || os.cpus()[0]?.model || 'unknown';
const nproc = sh('nproc', []) || String(os.cpus().length);
// The commit the builds were made from (run.sh notes it before building); else the current one.
let commit = null;
try { commit = fs.readFileSync(opt.commitFile, 'utf8').trim(); } catch { /* not given */ }
if (!commit) {
  commit = sh('git', ['-C', root, 'rev-parse', '--short', 'HEAD']) || 'unknown';
  const dirty = (sh('git', ['-C', root, 'status', '--porcelain', '--untracked-files=no', '--', 'src', 'style', 'index.html', 'public', 'data',
    'scripts', 'build.rs', 'Cargo.toml', 'Cargo.lock', 'Trunk.toml']) || '').length > 0;
  if (dirty) commit += ' plus uncommitted changes to the app';
}
// When the pages were measured (each result notes when its page finished).
const stamps = Object.values(R).flatMap((x) => Object.values(x)).map((d) => d.date).filter(Boolean).sort();
const date = stamps.length
  ? `${stamps[0].slice(0, 10)}, pages measured ${stamps[0].slice(11, 16)}–${stamps[stamps.length - 1].slice(11, 16)} UTC`
  : new Date().toISOString().replace(/\.\d+Z$/, 'Z');

// ------------------------------------------------------------------ build sizes
function buildSizes(dir) {
  if (!dir || !fs.existsSync(path.join(dir, 'index.html'))) return null;
  const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 6 }).length;
  const files = fs.readdirSync(dir).filter((x) => /\.(js|wasm|css)$/.test(x) && x !== 'sw.js').concat('index.html');
  const shell = files.map((x) => ({ file: x, raw: fs.statSync(path.join(dir, x)).size, gzip: gz(path.join(dir, x)) }));
  let precache = null;
  try {
    const sw = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
    const list = JSON.parse(sw.match(/const FILES = (\[.*?\]);/s)[1]);
    precache = { files: list.length, gzip: list.reduce((s, x) => { try { return s + gz(path.join(dir, x)); } catch { return s; } }, 0) };
  } catch { /* no service worker */ }
  return { shell, precache };
}
const seedSizes = buildSizes(opt.seedBuild);

// ------------------------------------------------------------------ verdict
const rows = []; // {target, n, page, ours, anchor, anchorName, ratio, limit, result}
const fasterAnchor = (n, key) => {
  let best = null;
  for (const a of ANCHORS) {
    const v = med(R[n]?.[a], key);
    if (v != null && (best == null || v < best.v)) best = { v, name: a };
  }
  return best;
};
const verdict = (ok) => (ok == null ? 'n/a' : ok ? 'PASS' : 'FAIL');
const quickNote = (n) => (quick && n !== '10000' ? ` (quick run: at ${sizeName(n)}, not 10,000)` : '');
function add(target, n, page, key, limitFn, limitText, unit, digits = 0) {
  const r = R[n]?.[page];
  const ours = med(r, key);
  const a = fasterAnchor(n, key);
  const limit = limitFn(a);
  const ok = ours == null || limit == null ? null : ours <= limit;
  rows.push({ target, n, page, ours: ours == null ? (r ? 'not measured' : 'no data') : `${f(ours, digits)} ${unit}`,
    anchor: a ? `${f(a.v, digits)} ${unit} (${a.name})` : '–', ratio: ours != null && a ? `${(ours / a.v).toFixed(2)}×` : '–',
    limit: limitText(limit), result: verdict(ok) });
}
const firstLoadSize = sizes.includes('seed') ? 'seed' : sizes[0];
add('First load, gzip bytes on the wire (goal)', firstLoadSize, 'ours-seed', 'bytes_total', () => 60 * 1024, () => '≤ 60.0 KiB', 'B');
add('First load, gzip bytes on the wire (ceiling)', firstLoadSize, 'ours-seed', 'bytes_total', () => 90 * 1024, () => '≤ 90.0 KiB', 'B');
for (const row of rows) { // show KiB
  const m = row.ours.match(/^(\d+) B$/); if (m) row.ours = `${kib(Number(m[1]))} KiB`;
  const a = row.anchor.match(/^(\d+) B (.*)$/); if (a) row.anchor = `${kib(Number(a[1]))} KiB ${a[2]}`;
}
for (const n of sizes) {
  for (const page of (n === 'seed' ? ['ours-seed'] : ['ours-data', 'ours-embedded'])) {
    add('Time to first rendered timeline ≤ ½ faster anchor', n, page, 'ready_ms', (a) => (a ? a.v / 2 : null), (l) => (l == null ? '½ anchor' : `≤ ${f(l)} ms`), 'ms');
  }
}
for (const page of (big === 'seed' ? ['ours-seed'] : ['ours-data', 'ours-embedded'])) {
  add(`Click to card ≤ 16 ms${quickNote(big)}`, big, page, 'interaction_ms', () => 16, () => '≤ 16 ms', 'ms', 1);
}
for (const page of (big === 'seed' ? ['ours-seed'] : ['ours-data', 'ours-embedded'])) {
  add(`Search keystroke to results ≤ 16 ms${quickNote(big)}`, big, page, 'search_ms', () => 16, () => '≤ 16 ms', 'ms', 1);
}
for (const page of (big === 'seed' ? ['ours-seed'] : ['ours-data', 'ours-embedded'])) {
  add(`Zoom/pan frame p95 ≤ 16.7 ms${quickNote(big)}`, big, page, 'scroll_frame_p95_ms', () => 17.5, () => '≤ 16.7 ms (≤ 17.5 = one headless frame)', 'ms', 1);
  const r = R[big]?.[page];
  const moved = r && r.summary?.scroll_drag_moved_items;
  if (moved && (moved.min === 0 || r.summary.scroll_wheel_moved_items?.min === 0)) rows[rows.length - 1].result += ' (drag or wheel moved nothing in a run)';
}
for (const n of sizes) {
  for (const page of (n === 'seed' ? ['ours-seed'] : ['ours-data', 'ours-embedded'])) {
    const r = R[n]?.[page];
    const js = med(r, 'js_heap_mb');
    const wasm = med(r, 'wasm_memory_mb') || 0;
    const a = fasterAnchor(n, 'js_heap_mb');
    const aw = a ? med(R[n][a.name], 'wasm_memory_mb') || 0 : 0;
    rows.push({ target: 'Memory after load: JS heap + wasm memory (no target; smaller anchor shown)', n, page,
      ours: js == null ? 'no data' : `${f(js, 1)} + ${f(wasm, 1)} = ${f(js + wasm, 1)} MB`,
      anchor: a ? `${f(a.v + aw, 1)} MB (${a.name})` : '–', ratio: js != null && a ? `${((js + wasm) / (a.v + aw)).toFixed(2)}×` : '–', limit: '–', result: 'info' });
  }
}

// Lighthouse
const lh = [];
for (const page of ['home', 'event']) {
  const file = path.join(opt.results, 'lighthouse', `${page}.json`);
  let rep = null;
  try { rep = JSON.parse(fs.readFileSync(file, 'utf8')); } catch { /* not run or failed */ }
  let text = '';
  try { text = fs.readFileSync(path.join(opt.results, 'lighthouse', `${page}.txt`), 'utf8').trim(); } catch { /* none */ }
  const score = (k) => (rep && rep.categories[k] && rep.categories[k].score != null ? Math.round(rep.categories[k].score * 100) : null);
  const below = text.match(/^audits below 90: (.*)$/m)?.[1] || '';
  const metrics = (text.match(/^LCP .*$/m)?.[0] || '').replace(/ \| /g, ', ');
  const runs = text.match(/^runs: performance (.*); reported/m)?.[1] || '';
  lh.push({ page, url: rep ? (rep.finalDisplayedUrl || rep.requestedUrl).replace(/^http:\/\/127\.0\.0\.1:\d+/, '') : '–',
    scores: ['performance', 'accessibility', 'best-practices', 'seo'].map((k) => ({ k, v: score(k) })), below, metrics, runs, ran: !!rep });
}
for (const p of lh) {
  for (const { k, v } of p.scores) {
    rows.push({ target: `Lighthouse ${k} = 100 (mobile)`, n: 'seed', page: `${p.page} page`, ours: v == null ? 'not run' : String(v),
      anchor: '–', ratio: '–', limit: '100', result: v == null ? 'n/a' : verdict(v >= 100) });
  }
}

// ------------------------------------------------------------------ tables
const pageName = (p) => p.replace(/^ours-/, 'ours: ');
const verdictTable = [
  '| target | N | page | ours | faster anchor | ratio | limit | result |',
  '|---|---|---|---:|---:|---:|---:|---|',
  ...rows.map((r) => `| ${r.target} | ${r.n === 'seed' ? 'seed (26)' : sizeName(r.n)} | ${pageName(r.page)} | ${r.ours} | ${r.anchor} | ${r.ratio} | ${r.limit} | **${r.result}** |`),
];
const pass = rows.filter((r) => r.result.startsWith('PASS')).length;
const fail = rows.filter((r) => r.result.startsWith('FAIL')).length;

const range = (r, k, d = 0) => {
  const s = r.summary?.[k];
  if (!s) return '–';
  return s.n > 1 ? `${f(s.median, d)} (${f(s.min, d)}–${f(s.max, d)})` : f(s.median, d);
};
const detail = [
  '| page | N | ready ms, median (min–max) | FCP ms | first load KiB gzip (wasm / JS / JSON) | requests | JS heap + wasm MB | click→detail ms | frame p50 / p95 ms | drag / wheel moved | keystroke→results ms (changed / all, keys changed) | ok runs | other CPU % (max) |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
];
const notes = [];
for (const n of sizes) {
  for (const t of targets) {
    const r = R[n]?.[t.name];
    if (!r) continue;
    const s = r.summary || {};
    const runs = `${r.ok_runs}/${r.ok_runs + r.failed_runs}${r.skipped_runs ? ` (+${r.skipped_runs} skipped)` : ''}`;
    if (!r.ok_runs) {
      detail.push(`| ${t.name} | ${sizeName(n)} | ${(r.errors || ['failed'])[0]} | | | | | | | | | ${runs} | |`);
      continue;
    }
    const search = s.search_ms ? `${f(med(r, 'search_ms'), 1)} / ${f(med(r, 'search_all_ms'), 1)} (${f(med(r, 'search_changed'))} of ${f(med(r, 'search_keystrokes'))})` : '–';
    detail.push(`| ${t.name} | ${sizeName(n)} | ${range(r, 'ready_ms')} | ${f(med(r, 'fcp_ms'))} | ${kib(med(r, 'bytes_total'))} (${kib(med(r, 'bytes_wasm'))} / ${kib(med(r, 'bytes_js'))} / ${kib(med(r, 'bytes_json'))}) | ${f(med(r, 'requests'))} | ${f(med(r, 'js_heap_mb'), 1)}${med(r, 'wasm_memory_mb') ? ` + ${f(med(r, 'wasm_memory_mb'), 1)}` : ''} | ${range(r, 'interaction_ms', 1)} | ${f(med(r, 'scroll_frame_p50_ms'), 1)} / ${f(med(r, 'scroll_frame_p95_ms'), 1)} | ${f(med(r, 'scroll_drag_moved_items'))} / ${f(med(r, 'scroll_wheel_moved_items'))} | ${search} | ${runs} | ${s.other_cpu_pct ? `${f(s.other_cpu_pct.median)} (${f(s.other_cpu_pct.max)})` : '–'} |`);
    for (const e of r.post_ready_errors || []) notes.push(`- ${t.name} @ ${sizeName(n)}: ${e}`);
    const ce = [...new Set((r.runs || []).flatMap((x) => x.console_errors || []))];
    if (ce.length) notes.push(`- ${t.name} @ ${sizeName(n)}: console errors: ${ce.slice(0, 2).map((x) => '`' + x.replace(/`/g, "'").slice(0, 140) + '`').join('; ')}`);
    if (s.other_cpu_pct && s.other_cpu_pct.max > 10) {
      const bad = (r.runs || []).filter((x) => x.ok && x.other_cpu_pct > 10).length;
      notes.push(`- ${t.name} @ ${sizeName(n)}: other processes used > 10 % of the machine in ${bad} of ${r.ok_runs} runs (max ${f(s.other_cpu_pct.max)} %): those runs are slower than they should be.`);
    }
    const keys = (r.runs || []).filter((x) => x.search_keys).map((x) => x.search_keys);
    if (keys.length && n === big) notes.push(`- ${t.name} @ ${sizeName(n)}, keystrokes of the last run (ms; \`=\` results unchanged): ${keys[keys.length - 1]}`);
  }
}

const lhTable = ['| page | URL | performance | accessibility | best practices | SEO | metrics | audits below 90 |', '|---|---|---:|---:|---:|---:|---|---|',
  ...lh.map((p) => `| ${p.page} | \`${p.url}\` | ${p.scores.map(({ v }) => (v == null ? '–' : v)).join(' | ')} | ${p.metrics || '–'} | ${p.below || '–'} |`)];

// ------------------------------------------------------------------ output
console.log(verdictTable.join('\n'));
console.log(`\n${pass} PASS, ${fail} FAIL${quick ? ' (quick run)' : ''}\n`);
console.log(detail.join('\n'));
if (notes.length) console.log('\n' + notes.join('\n'));

if (opt.out) {
  const md = [];
  md.push('# Benchmarks', '');
  md.push('Written by `bash bench/run.sh` (do not edit by hand; rerun it). The release app against two');
  md.push('timeline libraries, TimelineJS 3.9.11 and vis-timeline 8.5.4, showing the same events, in one');
  md.push('run on one machine, in headless Chromium. Method and caveats at the end; the harness is');
  md.push('`bench/` (see `bench/README.md`).', '');
  md.push(`- date: ${date}${quick ? ' — **quick run** (`--quick`: sizes seed and 1,000, 2 runs per page); the targets at 10,000 events are not measured' : ''}`);
  md.push(`- commit of the builds: \`${commit.split(' ')[0]}\`${commit.includes(' ') ? commit.slice(commit.indexOf(' ')) : ''}`);
  md.push(`- machine: ${nproc} CPU cores (${cpuModel}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}`);
  md.push(`- browser: ${chromium}, headless, \`--disable-gpu\`; Node ${process.version}; Lighthouse 12.8.2`);
  md.push(`- runs: ${opt.runs} per page after 1 warm-up, each in a fresh browser and profile, HTTP cache off, service workers blocked; medians`);
  md.push('');
  md.push('## Verdict', '');
  md.push(`${pass} PASS, ${fail} FAIL.`, '');
  md.push(...verdictTable, '');
  md.push('"Faster anchor" is the better of the two anchors on that metric at that size; ratio = ours / anchor.');
  md.push('KiB = 1,024 bytes. Pages: **ours: seed** is the default build (`bash scripts/build.sh`, the seed');
  md.push('dataset of 26 events embedded); **ours: data** is the same build opening the generated dataset by');
  md.push('link (`?data=/data/ours-N.json`, fetched, validated and indexed in the browser); **ours: embedded** is');
  md.push('a build with the generated dataset embedded (`AZBY_DATASET=... bash scripts/build.sh`).', '');
  md.push('## Every page', '');
  md.push(...detail, '');
  if (notes.length) md.push(...notes, '');
  md.push(
    'Columns: ready = the page\'s ready hook, ms from navigation start (ours: `window.__ready`, the time of',
    'the second animation frame after mount, as the anchors publish theirs; for `?data=` the first frame',
    'showing a generated event, found by polling); first',
    'load = bytes on the wire (headers + gzip bodies) of every request until the network was quiet after',
    'ready; JS heap after a forced GC, plus (ours) the WebAssembly linear memory; click→detail =',
    'pointerdown on the middle visible list item until its card (`aside.card[data-id]`) is rendered and',
    'at least half in view; frames = rAF-to-rAF intervals during ~1 s of drag-panning and ~1 s of wheel',
    'zooming over the axis (`.axis`), p50 / p95; keystroke→results = keydown on `#search` until the',
    'animation frame after the list `#events` changed (style and layout forced in that frame), median',
    'over the keystrokes that changed the list ("baku visit" typed, then deleted with Backspace; "all"',
    'includes keystrokes that left the list as it was, timed to the next frame); other CPU = share of the',
    'machine used by other processes during a run (above ~10 % the run competed for the CPU).', '');
  if (seedSizes) {
    md.push('## Default build, file sizes', '');
    md.push('| file | raw KiB | gzip KiB |', '|---|---:|---:|');
    for (const x of seedSizes.shell) md.push(`| \`${x.file}\` | ${kib(x.raw)} | ${kib(x.gzip)} |`);
    const tot = seedSizes.shell.reduce((s, x) => s + x.gzip, 0);
    md.push(`| total | | ${kib(tot)} |`, '');
    if (seedSizes.precache) {
      md.push(`After the first load the service worker (\`sw.js\`) downloads ${seedSizes.precache.files} files, ${kib(seedSizes.precache.gzip)} KiB gzip, in`);
      md.push('the background for offline use; the measurements block service workers, so that traffic is not in "first');
      md.push('load" and does not compete with the measured page for the CPU.', '');
    }
  }
  md.push('## Lighthouse', '');
  md.push('`bench/lighthouse.sh` (Lighthouse 12.8.2, its default mobile preset: simulated slow 4G and 4× CPU');
  md.push('slowdown) on the default build, served by `bench/server.mjs` (gzip). Scores vary by several points');
  md.push('between runs, so each page is run three times and the run with the median performance score is shown.', '');
  for (const p of lh) if (p.runs) md.push(`- ${p.page} page, all three runs: ${p.runs}`);
  if (lh.some((p) => p.runs)) md.push('');
  md.push(...lhTable, '');
  md.push('## Method', '');
  md.push('- `bash bench/run.sh` generates the datasets with `bench/gen-ours.mjs` (seeded, byte-identical on every');
  md.push('  machine): N events in this app\'s schema (`target/bench/data/ours-N.json`: ids `gen-000000`…, six kinds,');
  md.push('  day dates over 1993–2024, multi-day visits with `end_date`, one web source, 14 fictional people, 14');
  md.push('  places, 12 topics, one document per signing) and the same events in the anchors\' schema');
  md.push('  (`anchors-N.json`; the anchors know five kinds, so `context` is shown as `statement` there). At the');
  md.push('  smallest size every page shows the 26 events of the seed dataset (`data/events.json`).');
  md.push('- It builds the app with Trunk three ways (default build under `/seed/`, and one build per large size');
  md.push('  with that dataset embedded, under `/embedded-N/`), in `target/bench/` with its own cargo target dir,');
  md.push('  and serves the builds, the datasets (`/data/`) and the anchors from one `bench/server.mjs` on');
  md.push('  127.0.0.1 (gzip level 6, no caching), so `?data=/data/ours-N.json` is same-origin.');
  md.push('- `bench/measure.mjs` (the shared harness, plus a keystroke test, a pan fingerprint selector and');
  md.push('  service-worker blocking) loads each page cold in headless Chromium at 1280×800 and takes: ready,');
  md.push('  bytes, heap after a forced GC; then (our app only) the keystroke test on the fresh page; a real mouse');
  md.push('  click on the middle visible item (our list first scrolled to the top of the viewport); 2 s of drag and');
  md.push('  wheel over the pan area. Raw JSON and screenshots: `target/bench/run/`.');
  md.push('- Headless Chromium without a GPU produces frames at 60 Hz in software: frame times are quantised');
  md.push('  (16.7, 33.3 ms…), and a p95 up to 17.5 ms counts as one frame. The comparison with the anchors on');
  md.push('  the same machine in the same run is what counts; absolute times differ on other machines.');
  md.push('- The anchors\' own numbers from the shared harness (a different run, N = 20 / 1,000 / 10,000 with its');
  md.push('  own generator) are in `../shared/bench/results-anchors.md`.', '');
  fs.writeFileSync(opt.out, md.join('\n'));
  console.log(`\nwritten to ${opt.out}`);
}
