// Keystroke to updated results in our app: types into #search and times each input event until
// the list (#events) has changed, then the next frame; median over several keystrokes, one cold
// browser per URL.   node keystroke.mjs URL [keystrokes]   (prints JSON)
import { chromium } from 'playwright-core';

const [url, count = '9'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(url);
await page.waitForFunction(() => window.__ready === true
  && (!location.search.includes('data=') || /opened/.test(document.querySelector('footer').textContent)), null, { timeout: 120000 });
const words = ['v', 'vi', 'vis', 'visi', 'visit', 'c', 'ca', 'cal', 'call', 'm', 'me', 'mee'];
const times = [];
for (let i = 0; i < Number(count); i++) {
  const ms = await page.evaluate(async (value) => {
    const s = document.querySelector('#search');
    const list = document.querySelector('#events');
    const t = performance.now();
    const changed = new Promise((r) => {
      const o = new MutationObserver(() => { o.disconnect(); r(); });
      o.observe(list, { childList: true, subtree: true, characterData: true });
      setTimeout(() => { o.disconnect(); r(); }, 2000);
    });
    s.value = value;
    s.dispatchEvent(new Event('input', { bubbles: true }));
    await changed;
    return performance.now() - t;
  }, words[i % words.length]);
  times.push(ms);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ url, keystrokes: times.length, median_ms: +times[Math.floor(times.length / 2)].toFixed(1), min_ms: +times[0].toFixed(1), max_ms: +times[times.length - 1].toFixed(1) }));
await browser.close();
