import { chromium } from 'playwright-core';
import http from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
const root = 'dist/web';
const server = http.createServer((req, res) => {
  let p = join(root, req.url.split('?')[0]);
  if (!existsSync(p) || req.url === '/' || !extname(p)) p = join(root, 'index.html');
  if (req.url.startsWith('/api')) { res.statusCode = 404; res.setHeader('content-type','application/json'); return res.end('{"error":{"code":"X","message":"x"}}'); }
  res.setHeader('content-type', extname(p) === '.js' ? 'text/javascript' : extname(p) === '.css' ? 'text/css' : 'text/html');
  res.end(readFileSync(p));
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await b.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/login`);
await page.waitForTimeout(2000);
console.log(await page.evaluate(() => {
  const el = document.querySelector('[class*="css-var"]');
  const cs = getComputedStyle(el);
  return ['--ant-color-success-bg','--ant-color-warning-bg','--ant-color-error-bg','--ant-color-success-border','--ant-color-text-placeholder','--ant-color-warning'].map((v) => v + '=' + cs.getPropertyValue(v));
}));
await b.close(); server.close();
