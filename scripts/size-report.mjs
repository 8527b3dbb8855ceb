// Size report: every file in a build directory with raw and gzip bytes, and the totals
// (all files, and the first load: index.html and the files it names, i.e. the app's wasm, JS, CSS
// and icon; the loader worker and the service worker are fetched later, when needed).
//   node scripts/size-report.mjs dist
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(process.argv[2] || 'dist');
const rows = [];
(function walk(dir) {
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) walk(p);
    else {
      const buf = fs.readFileSync(p);
      rows.push({ file: path.relative(root, p), raw: buf.length, gz: zlib.gzipSync(buf, { level: 9 }).length });
    }
  }
})(root);
const index = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
const firstLoad = rows.filter(r => r.file === 'index.html' || (!r.file.includes('/') && index.includes(r.file)));
const pad = (s, n) => String(s).padStart(n);
const shown = rows.length > 40 ? [...rows.filter(r => !r.file.startsWith('events/')), { file: `events/* (${rows.filter(r => r.file.startsWith('events/')).length} pages)`, raw: rows.filter(r => r.file.startsWith('events/')).reduce((a, r) => a + r.raw, 0), gz: rows.filter(r => r.file.startsWith('events/')).reduce((a, r) => a + r.gz, 0) }] : rows;
console.log(`size report for ${root}`);
console.log(`${'file'.padEnd(52)} ${pad('raw', 10)} ${pad('gzip', 10)}`);
for (const r of shown) console.log(`${r.file.padEnd(52)} ${pad(r.raw, 10)} ${pad(r.gz, 10)}`);
const sum = (list, k) => list.reduce((a, r) => a + r[k], 0);
console.log(`${'total (all files)'.padEnd(52)} ${pad(sum(rows, 'raw'), 10)} ${pad(sum(rows, 'gz'), 10)}`);
console.log(`${'first load (index.html and the files it names)'.padEnd(52)} ${pad(sum(firstLoad, 'raw'), 10)} ${pad(sum(firstLoad, 'gz'), 10)}  = ${(sum(firstLoad, 'gz') / 1024).toFixed(1)} KiB gzip`);
