/** Full-page screenshot of a built page: node --import tsx scripts/screenshot.ts <dist> <path> <out.png> [width] [dark] */
import { launchBrowser } from './lib/chromium.ts';
import { startServer } from '../tests/e2e/server.ts';
const [dir, path, out, width, scheme] = process.argv.slice(2);
const server = await startServer(dir);
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: Number(width ?? 1280), height: 900 } });
if (scheme) await page.emulateMedia({ colorScheme: scheme as 'dark' });
await page.goto(server.url + path);
await page.screenshot({ path: out, fullPage: true });
await browser.close();
await server.close();
