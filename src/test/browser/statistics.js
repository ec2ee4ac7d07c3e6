// Opens a service's statistics page in headless Chromium with the operators' credentials, waits for the chart, saves a
// screenshot and prints one JSON line: the chart's days and counts per status, read back from the Chart.js object and
// from the canvas's data attributes, and what the spend section says. Run by admin/statistics/StatisticsPageIT.
// Usage: node statistics.js <page URL> <user> <password> <screenshot file>
const { chromium } = require('playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [pageUrl, user, password, screenshot] = process.argv.slice(2);
const TIMEOUT = 60000;

async function main() {
  fs.mkdirSync(path.dirname(screenshot), { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'statistics-chromium-'));
  // The machines' closed network refuses Chromium's background connections: switch them all off.
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    httpCredentials: { username: user, password: password },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const result = {};
  try {
    const page = browser.pages()[0] || await browser.newPage();
    page.setDefaultTimeout(TIMEOUT);
    const response = await page.goto(pageUrl, { waitUntil: 'load' });
    result.status = response.status();
    await page.waitForFunction(() => ['ready', 'failed'].includes(document.body.dataset.state));
    result.state = await page.evaluate(() => document.body.dataset.state);
    result.chart = await page.evaluate(() => {
      const chart = Chart.getChart('sends');
      return chart && {
        type: chart.config.type,
        labels: chart.data.labels,
        datasets: Object.fromEntries(chart.data.datasets.map(d => [d.label, d.data])),
        drawnBars: chart.data.datasets.reduce((n, d, i) => n + chart.getDatasetMeta(i).data.length, 0),
      };
    });
    result.canvas = await page.evaluate(() => {
      const canvas = document.getElementById('sends');
      return { days: JSON.parse(canvas.dataset.days || '[]'), counts: JSON.parse(canvas.dataset.counts || '{}') };
    });
    result.spend = await page.evaluate(() => {
      const spend = document.getElementById('spend');
      return {
        state: spend.dataset.state,
        total: spend.dataset.total,
        rows: Array.from(spend.querySelectorAll('tbody tr')).map(tr => Array.from(tr.cells).map(td => td.innerText.trim())),
      };
    });
    await page.screenshot({ path: screenshot, fullPage: true });
  } catch (error) {
    const page = browser.pages()[0];
    if (page) {
      await page.screenshot({ path: screenshot.replace(/\.png$/, '-failure.png') }).catch(() => {});
      result.pageText = (await page.locator('body').innerText().catch(() => '')).slice(0, 4000);
    }
    result.error = String(error && error.stack || error);
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(JSON.stringify(result));
  if (result.error) {
    process.exit(1);
  }
}

main();
