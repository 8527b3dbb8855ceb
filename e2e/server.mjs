// A static file server for the release build on 127.0.0.1, as a static host would serve it:
// files as they are, `dir/` -> `dir/index.html`, anything else -> 404.html with status 404.
// Optional gzip (Accept-Encoding) so transferred bytes are realistic. No rewrites.
//   node e2e/server.mjs DIST [PORT] [--prefix /sub/path/]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const root = path.resolve(args[0] || 'dist');
const port = Number(args[1] || 8090);
const pi = args.indexOf('--prefix');
const prefix = pi >= 0 ? args[pi + 1] : '/';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.ics': 'text/calendar',
};

function send(req, res, file, status) {
  const ext = path.extname(file);
  let body = fs.readFileSync(file);
  const headers = { 'Content-Type': types[ext] || 'application/octet-stream', 'Cache-Control': 'no-cache' };
  if (/\bgzip\b/.test(req.headers['accept-encoding'] || '') && body.length > 256) {
    body = zlib.gzipSync(body, { level: 9 });
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = body.length;
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

const server = http.createServer((req, res) => {
  let url;
  try { url = new URL(req.url, 'http://127.0.0.1'); } catch { res.writeHead(400); res.end(); return; }
  let p;
  try { p = decodeURIComponent(url.pathname); } catch { p = url.pathname; }
  const notFound = () => {
    const f = path.join(root, '404.html');
    if (fs.existsSync(f)) send(req, res, f, 404); else { res.writeHead(404); res.end('not found'); }
  };
  if (!p.startsWith(prefix) && p + '/' !== prefix) return notFound();
  const rel = p === prefix.replace(/\/$/, '') ? '' : p.slice(prefix.length);
  let file = path.join(root, rel);
  if (!file.startsWith(root)) return notFound();
  try {
    if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (fs.statSync(file).isFile()) return send(req, res, file, 200);
  } catch { /* fall through */ }
  notFound();
});
server.listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${server.address().port}${prefix}`));
