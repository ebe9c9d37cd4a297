import { chromium } from 'playwright-core';
import { serveStatic } from './scripts/static-server.mjs';
const server = await serveStatic('build');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const page = await browser.newPage();
page.on('console', (m) => console.log('console:', m.text()));
await page.goto(server.url + '/?from=2021&to=2024&org=Tunuk%20Foundation');
for (let i = 0; i < 6; i++) {
  console.log(await page.evaluate(() => [document.querySelector('main').dataset.state, document.querySelector('[data-kpi=beneficiaries]').dataset.value, location.href, document.querySelector('select[name=org]')?.value]));
  await page.waitForTimeout(500);
}
await page.screenshot({ path: '/tmp/shot.png', fullPage: true });
await browser.close(); await server.close();
