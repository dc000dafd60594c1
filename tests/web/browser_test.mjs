// Clicks through newsloom's web page in a real browser (Debian's chromium,
// driven by playwright-core): front page, search, story, article, the
// "Get a summary" button, keyboard access, hostile article text, a phone
// screen. Screenshots go to --out for CI artifacts.
//
//   node browser_test.mjs --newsloom build/release/src/cli/newsloom \
//        --sample data/sample --out build/release/browser-screenshots
import {spawn, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {chromium} from 'playwright-core';

function argument(name, fallback) {
  const index = process.argv.indexOf('--' + name);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

const newsloom = path.resolve(argument('newsloom', 'build/release/src/cli/newsloom'));
const sample = path.resolve(argument('sample', 'data/sample'));
const out = path.resolve(argument('out', 'build/browser-screenshots'));
const chromiumPath = argument('chromium', '/usr/bin/chromium');

let failures = 0;
function check(condition, message) {
  if (condition) {
    console.log('ok   ' + message);
  } else {
    failures++;
    console.log('FAIL ' + message);
  }
}

function startServer(db) {
  return new Promise((resolve, reject) => {
    const server = spawn(newsloom, ['serve', '--db', db, '--port', '0', '--threads', '16'],
                         {stdio: ['ignore', 'pipe', 'inherit']});
    let output = '';
    server.stdout.on('data', (chunk) => {
      output += chunk;
      const match = output.match(/serving (http:\/\/\S+?)\/? /);
      if (match) resolve({server, address: match[1]});
    });
    server.on('exit', (code) => reject(new Error('newsloom serve exited with ' + code)));
    setTimeout(() => reject(new Error('newsloom serve did not print its address')), 20000);
  });
}

const db = fs.mkdtempSync(path.join(os.tmpdir(), 'newsloom-browser-'));
fs.mkdirSync(out, {recursive: true});
const ingest = spawnSync(newsloom, ['ingest', '--db', db, '-q', path.join(sample, 'seeds'),
                                    path.join(sample, 'ecbplus', 'ecbplus.jsonl')],
                         {stdio: 'inherit'});
if (ingest.status !== 0) {
  console.log('FAIL newsloom ingest exited with ' + ingest.status);
  process.exit(1);
}

const {server, address} = await startServer(db);
const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
         '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
});

try {
  const context = await browser.newContext({viewport: {width: 1200, height: 900}});
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // The page must not reach anything but its own server.
  const foreign = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(address) && !request.url().startsWith('data:')) foreign.push(request.url());
  });

  // Front page: ranked stories with title, sources, time.
  await page.goto(address + '/');
  await page.waitForSelector('.story-card');
  const cards = await page.locator('.story-card').count();
  check(cards === 20, `front page lists 20 stories (got ${cards})`);
  check(await page.locator('.story-card h2 a').first().innerText() !== '', 'story cards have titles');
  check((await page.locator('.story-card .meta').first().innerText()).includes('source'),
        'story cards show the sources count');
  check(await page.locator('#category-tabs a[aria-current=page]').innerText() === 'All',
        'the "All" tab is current');
  await page.screenshot({path: path.join(out, 'front.png'), fullPage: false});

  // Keyboard: the first Tab reaches the skip link; Enter on a story link opens it.
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement.className) === 'skip-link',
        'first Tab focuses the skip link');
  await page.locator('.story-card h2 a').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('#articles-heading');
  check(page.url().includes('#/story/'), 'Enter on a focused story link opens the story');
  await page.goBack();
  await page.waitForSelector('.story-card');
  await page.click('button.more');
  // A locator wait, not waitForFunction: the page's CSP forbids the eval that needs.
  await page.locator('.story-card').nth(20).waitFor();
  check(await page.locator('.story-card').count() > 20, '"More stories" loads the next page');

  // Search through the search box.
  await page.fill('#search-input', 'Ishiba');
  await page.press('#search-input', 'Enter');
  await page.waitForSelector('h1:has-text("Results for")');
  const results = await page.locator('.story-list > li').count();
  check(results > 0, `search for Ishiba finds results (${results})`);
  check((await page.locator('.story-list').innerText()).includes('Ishiba'),
        'search results mention Ishiba');
  await page.screenshot({path: path.join(out, 'search.png')});

  // Story page: summary sentences cite their articles.
  await page.locator('.story-list li:has(.badge:text-is("Story")) h2 a').first().click();
  await page.waitForSelector('#summary-heading');
  const title = await page.locator('h1').innerText();
  check(title.length > 0, `story page has a title: ${title.slice(0, 60)}`);
  const sentences = await page.locator('.summary li').count();
  check(sentences > 0, `story summary has sentences (${sentences})`);
  const citation = page.locator('.summary li a.cite').first();
  check(await citation.count() === 1, 'summary sentence has a citation link');
  check((await citation.getAttribute('aria-label')).startsWith('Source: '),
        'citation link is labelled for screen readers');
  check(await page.locator('#articles-heading').count() === 1, 'story page lists its articles');
  // A citation [n] is the n-th entry of the "Articles" list.
  const cited = await citation.evaluate((a) => ({
    n: Number(a.textContent.replace(/[^0-9]/g, '')), href: a.getAttribute('href')}));
  const listed = await page.locator('ol.articles li > a:first-child').evaluateAll(
      (links) => links.map((a) => a.getAttribute('href')));
  check(cited.n >= 1 && listed[cited.n - 1] === cited.href,
        `citation [${cited.n}] is entry ${cited.n} of the articles list`);
  // Digest ledes have no headline: the list names those the summary quotes by that sentence.
  const quotedIds = await page.locator('.summary li a.cite').evaluateAll(
      (links) => links.map((a) => decodeURIComponent(a.getAttribute('href').split('/').pop())));
  const namedById = await page.locator('ol.articles li > a:first-child').evaluateAll(
      (links, ids) => links.filter((a) => ids.includes(a.textContent)).length, quotedIds);
  check(namedById === 0, 'quoted articles are listed by name, not by id');
  const people = page.locator('section[aria-labelledby=entities-heading]');
  if (await people.count() === 1) {
    const text = await people.innerText();
    check(!text.includes('[object') && (await people.locator('li').count()) > 0,
          'entities are listed by name');
    // Names mentioned once wait behind "N more names mentioned once".
    const folded = people.locator('details.more-names');
    if (await folded.count() > 0) {
      check(!(await folded.first().locator('li').first().isVisible()),
            'names mentioned once are folded away');
      await folded.first().locator('summary').click();
      check(await folded.first().locator('li').first().isVisible(),
            'opening the fold shows the names mentioned once');
    }
  }
  await page.screenshot({path: path.join(out, 'story.png'), fullPage: true});

  // Article page via the citation, then "Get a summary".
  await citation.click();
  await page.waitForSelector('.article-text p');
  check(await page.locator('.article-text p').count() > 0, 'article page shows the clean text');
  await page.getByRole('button', {name: 'Get a summary'}).click();
  await page.waitForSelector('#article-summary:not([hidden]) li');
  check(await page.locator('#article-summary li').count() > 0, '"Get a summary" shows sentences');
  check(await page.getByRole('button', {name: 'Get a summary'}).getAttribute('aria-expanded') === 'true',
        'the summary button reports it expanded');
  await page.screenshot({path: path.join(out, 'article.png'), fullPage: true});

  // Hostile article text stays text.
  const hostile = await fetch(address + '/api/articles?id=hostile', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({
      title: '<img src=x onerror="window.pwned=1">Hostile <script>window.pwned=2</script>',
      text: 'Paragraph with <b>markup</b> and <script>window.pwned=3</script> inside it.',
      url: 'javascript:window.pwned=4',
    }),
  });
  check(hostile.status === 201, 'hostile article is accepted by POST /api/articles');
  await page.goto(address + '/#/article/hostile');
  await page.waitForSelector('.article-text p');
  check(await page.evaluate(() => window.pwned === undefined), 'no hostile script ran');
  check((await page.locator('h1').innerText()).includes('<img src=x'), 'hostile title shown as text');
  check(await page.locator('a:text("Read the original")').count() === 0,
        'a javascript: URL is not linked');

  // A big story lists its cited and newest articles, and "Show all" lists every one.
  const towns = ['Linz', 'Krems', 'Melk', 'Tulln', 'Ybbs', 'Grein'];
  for (let i = 0; i < 60; ++i) {
    const posted = await fetch(address + '/api/articles?id=flood-' + i, {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({
        title: `Danube flood closes the Nibelungen bridge in Linz, report ${i}`,
        text: `The Danube flood closed the Nibelungen bridge in Linz on Tuesday, mayor Klaus Luger ` +
              `said. Water reached ${700 + i} centimetres, and ${towns[i % towns.length]} ` +
              `evacuated ${10 * i + 40} homes. Report number ${i} from desk ${i % 7} adds that ` +
              `firefighters from Upper Austria worked through the night on the flood.`,
        published: `2024-09-17T${String(6 + Math.floor(i / 6)).padStart(2, '0')}:${String(i % 6 * 10).padStart(2, '0')}:00Z`,
        source: `outlet${i}.example`,
        url: `https://outlet${i}.example/flood-${i}`,
      }),
    });
    if (posted.status !== 201) throw new Error('POST of flood-' + i + ' gave ' + posted.status);
  }
  const floodStories = (await (await fetch(address + '/api/articles/flood-59')).json()).stories;
  const floodStory = floodStories.length === 1 ? floodStories[0].id : '';
  check(typeof floodStory === 'string' && floodStory.length > 0, 'the posted articles form a story');
  await page.goto(address + '/#/story/' + encodeURIComponent(floodStory));
  await page.waitForSelector('#articles-heading');
  const count = (await (await fetch(address + '/api/stories/' + encodeURIComponent(floodStory))).json())
                    .article_count;
  const shown = await page.locator('ol.articles > li').count();
  check(count >= 55 && shown < count, `a story of ${count} articles lists ${shown} of them`);
  await page.getByRole('button', {name: `Show all ${count} articles`}).click();
  await page.locator('ol.articles > li').nth(count - 1).waitFor();
  check(await page.locator('ol.articles > li').count() === count, '"Show all" lists every article');
  const allCite = page.locator('.summary li a.cite').first();
  const allCited = await allCite.evaluate((a) => ({
    n: Number(a.textContent.replace(/[^0-9]/g, '')), href: a.getAttribute('href')}));
  const allListed = await page.locator('ol.articles li > a:first-child').evaluateAll(
      (links) => links.map((a) => a.getAttribute('href')));
  check(allCited.n >= 1 && allListed[allCited.n - 1] === allCited.href,
        `after "Show all", citation [${allCited.n}] is still its entry of the list`);

  // Phone screen.
  const phone = await browser.newContext({viewport: {width: 375, height: 740}, isMobile: true,
                                          hasTouch: true, deviceScaleFactor: 2});
  const phonePage = await phone.newPage();
  await phonePage.goto(address + '/');
  await phonePage.waitForSelector('.story-card');
  const overflow = await phonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `no sideways scrolling on a phone (overflow ${overflow}px)`);
  await phonePage.screenshot({path: path.join(out, 'front-phone.png')});

  check(pageErrors.length === 0, 'no script errors: ' + pageErrors.join('; '));
  check(foreign.length === 0, 'no requests leave the server: ' + foreign.join(' '));
} catch (error) {
  failures++;
  console.log('FAIL ' + error.stack);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  fs.rmSync(db, {recursive: true, force: true});
}

console.log(failures === 0 ? 'browser test passed; screenshots in ' + out
                           : failures + ' browser checks failed');
process.exit(failures === 0 ? 0 : 1);
