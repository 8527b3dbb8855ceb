// Reads the raw JSON of one compare.sh run and the keystroke and Lighthouse results, prints our
// figure, the faster anchor's and the ratio with PASS/FAIL per target, and writes BENCHMARKS.md.
//   node verdict.mjs RESULTS_DIR KEYSTROKE.json LIGHTHOUSE.txt OUT.md
import fs from 'node:fs';
import os from 'node:os';
import { execSync } from 'node:child_process';

const [dir, keyFile, lhFile, outFile] = process.argv.slice(2);
const load = (name, n) => {
  try { return JSON.parse(fs.readFileSync(`${dir}/${name}-${n}.json`, 'utf8')); } catch { return null; }
};
const med = (r, k) => (r && r.summary && r.summary[k] ? r.summary[k].median : null);
const fmt = (v, d = 0) => (v == null ? 'n/a' : Number(v).toFixed(d));
const sizes = [20, 1000, 10000];
const lines = [];
const verdicts = [];
const verdict = (name, ok, detail) => { verdicts.push(`| ${name} | ${ok == null ? 'n/a' : ok ? 'PASS' : 'FAIL'} | ${detail} |`); };

lines.push('| page | N | ready ms (min–max) | first load KiB gzip | JS heap MB | click→card ms | frame p50 / p95 ms | ok runs |');
lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const n of sizes) {
  for (const name of ['ours-default', 'ours-data', 'ours-embedded', 'timelinejs', 'vis-timeline']) {
    if (name === 'ours-default' && n !== 20) continue;
    const r = load(name, n);
    if (!r) { lines.push(`| ${name} | ${n} | not measured | | | | | |`); continue; }
    const s = r.summary || {};
    lines.push(`| ${name} | ${name === 'ours-default' ? 'seed' : n} | ${fmt(med(r, 'ready_ms'))} (${fmt(s.ready_ms && s.ready_ms.min)}–${fmt(s.ready_ms && s.ready_ms.max)}) | ${fmt(med(r, 'bytes_total') / 1024, 1)} | ${fmt(med(r, 'js_heap_mb'), 1)} | ${fmt(med(r, 'interaction_ms'), 1)} | ${fmt(med(r, 'scroll_frame_p50_ms'), 1)} / ${fmt(med(r, 'scroll_frame_p95_ms'), 1)} | ${r.ok_runs}/${(r.ok_runs || 0) + (r.failed_runs || 0)} |`);
  }
}

const first = med(load('ours-default', 20), 'bytes_total');
verdict('First load of the default app ≤ 60 KB gzip (goal)', first == null ? null : first / 1024 <= 60, `${fmt(first / 1024, 1)} KiB`);
verdict('First load of the default app ≤ 90 KB gzip (ceiling)', first == null ? null : first / 1024 <= 90, `${fmt(first / 1024, 1)} KiB (TimelineJS ${fmt(med(load('timelinejs', 20), 'bytes_total') / 1024, 1)}, vis-timeline ${fmt(med(load('vis-timeline', 20), 'bytes_total') / 1024, 1)})`);
for (const n of sizes) {
  const anchors = [med(load('timelinejs', n), 'ready_ms'), med(load('vis-timeline', n), 'ready_ms')].filter((x) => x != null);
  const faster = anchors.length ? Math.min(...anchors) : null;
  for (const name of ['ours-data', 'ours-embedded']) {
    const ours = med(load(name, n), 'ready_ms');
    verdict(`Time to first timeline ≤ half the faster anchor, ${name}, N = ${n}`, ours == null || faster == null ? null : ours <= faster / 2,
      `${fmt(ours)} ms vs ${fmt(faster)} ms (ratio ${ours && faster ? (ours / faster).toFixed(2) : 'n/a'})`);
  }
}
for (const name of ['ours-data', 'ours-embedded']) {
  const r = load(name, 10000);
  const click = med(r, 'interaction_ms');
  verdict(`Click-to-card ≤ 16 ms at 10,000 (${name})`, click == null ? null : click <= 16, `${fmt(click, 1)} ms`);
  const p95 = med(r, 'scroll_frame_p95_ms');
  verdict(`Zoom and pan p95 frame ≤ 16.7 ms (≤ 17.5 quantised) at 10,000 (${name})`, p95 == null ? null : p95 <= 17.5, `${fmt(p95, 1)} ms`);
}
let key = null;
try { key = JSON.parse(fs.readFileSync(keyFile, 'utf8')); } catch { /* not measured */ }
verdict('Search keystroke to results ≤ 16 ms at 10,000', key ? key.median_ms <= 16 : null, key ? `${key.median_ms} ms median (${key.min_ms}–${key.max_ms}) over ${key.keystrokes} keystrokes` : 'not measured');
let lh = '';
try { lh = fs.readFileSync(lhFile, 'utf8'); } catch { /* not measured */ }
for (const m of lh.matchAll(/^LH (\S+) (\S+) (\d+)$/gm)) verdict(`Lighthouse ${m[2]} = 100 (${m[1]})`, Number(m[3]) === 100, m[3]);

let commit = 'unknown';
try { commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim(); } catch { /* not a checkout */ }
let chromium = 'unknown';
try { chromium = execSync('/usr/bin/chromium --version', { encoding: 'utf8' }).trim(); } catch { /* none */ }
const md = [
  '# Benchmarks',
  '',
  `- date: ${new Date().toISOString()}`,
  `- machine: ${os.cpus().length} cores (${os.cpus()[0] ? os.cpus()[0].model : 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${chromium}, node ${process.version}`,
  `- commit: ${commit}`,
  '- command: `bash bench/run.sh` (release builds served gzip-compressed on 127.0.0.1 by bench/server.mjs; measure.mjs: fresh Chromium and profile per run, cache off; medians over the runs)',
  '- pages: `ours-default` = the default app with its embedded seed dataset; `ours-data` = the same build opening the synthetic dataset through `?data=`; `ours-embedded` = a build with the synthetic dataset embedded (`AZBY_DATASET`); the anchors load the same events in their own format.',
  '',
  '## Targets',
  '',
  '| target | verdict | figures |',
  '|---|---|---|',
  ...verdicts,
  '',
  '## All figures',
  '',
  ...lines,
  '',
].join('\n');
fs.writeFileSync(outFile, md);
console.log(md);
