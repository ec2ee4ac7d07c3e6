// Opens hawtio's Camel routes table and one route's diagram in headless Chromium, saves a screenshot of each and
// prints one JSON line: the route ids the table shows and whether the diagram drew. Run by operations/HawtioBrowserIT.
// It then keeps the diagram open for <seconds to stay>, as an operator's tab would, while the caller measures the hub.
// Usage: node hawtio.js <hub base URL> <route id for the diagram> <folder for screenshots> <seconds to stay>
const { chromium } = require('playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [baseUrl, diagramRoute, outDir, stay] = process.argv.slice(2);
// Generous: a loaded 2-core machine runs the test suite beside it.
const TIMEOUT = 120000;

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'hawtio-chromium-'));
  // The machines' closed network refuses Chromium's background connections: switch them all off.
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1600, height: 1000 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const result = { routeIds: [], diagramNodes: 0, timings: {} };
  try {
    const page = browser.pages()[0] || await browser.newPage();
    page.setDefaultTimeout(TIMEOUT);
    let started = Date.now();
    // As an operator opens it: the console's address, which the hub sends to the routes table.
    await page.goto(baseUrl + '/actuator/hawtio/', { waitUntil: 'domcontentloaded' });
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    result.landedOn = page.url();
    result.timings.routesTableMs = Date.now() - started;
    result.routeIds = (await rows.locator('td').allInnerTexts()).map(text => text.trim()).filter(text => text.length);
    await page.screenshot({ path: path.join(outDir, 'hawtio-routes.png'), fullPage: false });

    // One route's node in the tree → its diagram.
    started = Date.now();
    // Routes sit in their groups' folders: the tree's search box finds the one asked for.
    await page.locator('input[type="search"], input[type="text"]').first().fill(diagramRoute);
    await treeNode(page, diagramRoute).click();
    await tab(page, 'Route Diagram').click();
    const nodes = page.locator('.react-flow__node');
    await nodes.first().waitFor();
    result.timings.diagramMs = Date.now() - started;
    result.diagramNodes = await nodes.count();
    await page.screenshot({ path: path.join(outDir, 'hawtio-route-diagram.png'), fullPage: false });
    console.log(JSON.stringify(result));
    await page.waitForTimeout(Number(stay || 0) * 1000);
  } catch (error) {
    const page = browser.pages()[0];
    if (page) {
      await page.screenshot({ path: path.join(outDir, 'hawtio-failure.png') }).catch(() => {});
      result.pageText = (await page.locator('body').innerText().catch(() => '')).slice(0, 4000);
    }
    result.error = String(error && error.stack || error);
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  if (result.error) {
    console.log(JSON.stringify(result));
    process.exit(1);
  }
}

main();

function treeNode(page, text) {
  return page.locator('[class*="tree-view__node-text"]').filter({ hasText: new RegExp('^' + text + '$') }).first();
}

function tab(page, title) {
  return page.locator('button, a').filter({ hasText: new RegExp('^' + title + '$') }).first();
}
