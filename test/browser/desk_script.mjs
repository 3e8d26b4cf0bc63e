// desk_script.mjs: the editor's script in headless Chromium: toolbar, live preview, autosave, no CSP
// violation. Usage: node desk_script.mjs BASE_URL EDIT_PATH (cookie in HCWEB_COOKIE; playwright-core
// loaded from the node_modules folder in HCWEB_PLAYWRIGHT). Prints one line per check and exits 1
// when one fails.
import { createRequire } from 'node:module';
import { join } from 'node:path';

const { chromium } = createRequire(join(process.env.HCWEB_PLAYWRIGHT, 'x.js'))('playwright-core');

const [base, path] = process.argv.slice(2);
const failures = [];
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update'],
});
try {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 },
    extraHTTPHeaders: { cookie: process.env.HCWEB_COOKIE } });
  const page = await ctx.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(base + path);
  const bar = page.locator('.md-toolbar[role="toolbar"] button');
  check(await bar.count() === 6, 'toolbar with six buttons');
  const ta = page.locator('textarea[data-md]');
  await ta.fill('Rad ett\nrad två');
  await ta.evaluate((t) => t.setSelectionRange(0, 3));
  await page.getByRole('button', { name: 'Fet' }).click();
  check((await ta.inputValue()).startsWith('**Rad** ett'), 'Fet wraps the selection');
  await page.waitForFunction(() => document.querySelector('.md-preview .post-body')?.innerHTML
    .includes('<strong>Rad</strong> ett<br>'), null, { timeout: 10000 }).then(
    () => check(true, 'live preview shows the server rendering'),
    () => check(false, 'live preview shows the server rendering'));
  await page.getByRole('button', { name: 'Lista' }).click();
  check((await ta.inputValue()).startsWith('- '), 'Lista prefixes the line');
  await page.waitForFunction(() => /autosparades/.test(document.querySelector('.autosave-status')?.textContent || ''),
    null, { timeout: 40000 }).then(
    () => check(true, 'autosave within 30 s'),
    () => check(false, 'autosave within 30 s'));
  check(problems.length === 0, `no console errors or CSP violations (${problems.join(' | ')})`);
} finally {
  await browser.close();
}
process.exit(failures.length ? 1 : 0);
