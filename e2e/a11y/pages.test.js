// Accessibility: axe-core (WCAG 2.0/2.1 A and AA rules) on every page a user of each role can
// reach from the dashboard, on the print views, and on the public pages; every page a role
// reaches is also read at a phone's width (390 px) and may not scroll sideways.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkPage, describe as lines, AXE_VERSION, withAxe } from '../lib/axe.js';
import { launchBrowser, secondFactor, story } from '../lib/browser.js';
import { crawl, patternOf } from '../lib/crawl.js';
import { measureContrast } from '../lib/contrast.js';
import { startDemo } from '../lib/demo.js';

const env = {};
const BUDGET = Number(process.env.A11Y_PAGE_BUDGET || 250);
const PER_ROUTE = 2;

before(async () => {
  env.demo = await startDemo();
  env.base = env.demo.base;
  env.browser = await launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.demo?.stop();
});

async function axeAll(page, paths, t) {
  const found = [];
  for (const path of paths) {
    const res = await page.goto(path);
    assert.equal(res.status(), 200, `${path} answers 200`);
    const r = await checkPage(page);
    found.push(...lines(path, r.violations));
  }
  return found;
}

test('axe reports a planted violation (the check can fail)', story(env, async ({ open }) => {
  const s = await open('viewer');
  await s.page.evaluate(() => {
    const img = document.createElement('img');
    img.src = '/favicon-does-not-exist.png';
    document.querySelector('main').append(img);
    const input = document.createElement('input');
    document.querySelector('main').append(input);
  });
  const rules = (await checkPage(s.page)).violations.map((v) => v.rule);
  assert.ok(rules.includes('image-alt'), `an image without alt is reported (${rules})`);
  assert.ok(rules.includes('label'), `an input without a label is reported (${rules})`);
}));

test('the public pages pass axe when logged out', story(env, async ({ open, t }) => {
  const s = await open();
  const found = await axeAll(s.page, ['/inloggen', '/toegankelijkheid'], t);
  // The login page showing its error.
  await s.page.goto('/inloggen');
  await s.page.locator('#email').fill('niemand@voorbeeld.nl');
  await s.page.locator('#password').fill('fout-wachtwoord');
  await s.page.getByRole('button', { name: 'Inloggen' }).click();
  await s.page.locator('.error-summary').waitFor();
  found.push(...lines('/inloggen (failed login)', (await checkPage(s.page)).violations));
  t.diagnostic(`axe-core ${AXE_VERSION}; logged out: 3 pages checked, ${found.length} violations`);
  assert.deepEqual(found, []);
}));

test('the two-step verification pages pass axe: the code after the password, its error, and the setup with its QR code', story(env, async ({ open, t }) => {
  const found = [];
  // The administrator's second step, first with a wrong code.
  const admin = await open();
  await admin.page.goto('/inloggen');
  await admin.page.locator('#email').fill('beheer@voorbeeld.nl');
  await admin.page.locator('#password').fill('demo-crisismap');
  await admin.page.getByRole('button', { name: 'Inloggen' }).click();
  await admin.page.waitForURL((u) => u.pathname === '/inloggen/code');
  found.push(...lines('/inloggen/code', (await checkPage(admin.page)).violations));
  await admin.page.locator('#code').fill('000000');
  await admin.page.getByRole('button', { name: 'Inloggen' }).click();
  await admin.page.locator('.error-summary').waitFor();
  assert.equal(await admin.page.locator('#code').getAttribute('aria-invalid'), 'true', 'the wrong code is marked at its field');
  found.push(...lines('/inloggen/code (wrong code)', (await checkPage(admin.page)).violations));
  await secondFactor(admin.page);
  found.push(...lines('/account/tweestaps (enrolled)', (await checkPage(await gotoOk(admin.page, '/account/tweestaps'))).violations));

  // The advisor starts the setup: the QR code and the key as text.
  const editor = await open('editor');
  await gotoOk(editor.page, '/account/tweestaps');
  await editor.page.getByRole('button', { name: 'Tweestapsverificatie instellen' }).click();
  await editor.page.locator('svg.qr').waitFor();
  assert.match(await editor.page.locator('svg.qr').getAttribute('aria-label'), /QR-code/);
  found.push(...lines('/account/tweestaps (setting up)', (await checkPage(editor.page)).violations));
  t.diagnostic(`two-step verification: 4 states checked, ${found.length} violations`);
  assert.deepEqual(found, []);
}));

async function gotoOk(page, path) {
  const res = await page.goto(path);
  assert.equal(res.status(), 200, `${path} answers 200`);
  return page;
}

const ROLES_WANTED = (process.env.A11Y_ROLES || '').split(',').filter(Boolean);
const ALL_ROLES = [
  ['admin', 'beheerder (admin)'],
  ['editor', 'redacteur (editor)'],
  ['member', 'deelnemer (member)'],
  ['viewer', 'meelezer (viewer)'],
];
const ROLES = ALL_ROLES.filter(([r]) => !ROLES_WANTED.length || ROLES_WANTED.includes(r));

describe('every page of the demo, per role', { concurrency: 2 }, () => {
 for (const [role, label] of ROLES) {
  test(`every page a ${label} reaches passes axe`, story(env, async ({ open, t }) => {
    const s = await open(role);
    const result = await crawlRole(s, role, t);
    assert.ok(result.patterns.size >= 20, `at least 20 routes reached (got ${result.patterns.size})`);
  }));
}
});

/** Crawls from the dashboard as this session, checking every page with axe. */
async function crawlRole(s, role, t) {
  await withAxe(s.context);
  const found = [];
  const sideways = [];
  const review = new Map();
  const result = await crawl(s.page, {
    start: '/',
    budget: BUDGET,
    perPattern: PER_ROUTE,
    check: async (page, url) => {
      const r = await checkPage(page);
      for (const i of r.incomplete) {
        const seen = review.get(i.rule) || new Map();
        for (const n of i.nodes) seen.set(n.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id'), (seen.get(n) || 0) + 1);
        review.set(i.rule, seen);
      }
      found.push(...lines(url.pathname + url.search, r.violations));
      const wide = await sidewaysAt(page, PHONE_WIDTH);
      if (wide) sideways.push(`${url.pathname}${url.search}: ${wide}`);
    },
  });
  const once = [...result.patterns].filter(([p, n]) => n < PER_ROUTE && p.includes(':id')).map(([p]) => p);
  t.diagnostic(`${role}: ${result.visited.length} pages checked, ${result.patterns.size} routes, ${found.length} violations (${Math.round(result.timing.load / 1000)} s loading, ${Math.round(result.timing.check / 1000)} s in axe)`);
  t.diagnostic(`${role}: left for manual review by axe: ${[...review].map(([k, m]) => `${k} on ${m.size} elements, such as ${[...m.keys()].slice(0, 6).join(' | ')}`).join('; ') || 'nothing'}`);
  if (once.length) t.diagnostic(`${role}: routes with ids that have one instance in the demo: ${once.join(' ')}`);
  if (result.redirects.length) t.diagnostic(`${role}: links that redirect: ${result.redirects.join('; ')}`);
  assert.ok(result.exhausted, `the crawl reached every route within the budget of ${BUDGET} pages`);
  // Not even a refusal: a guest's pages show the register and the list of crises as text.
  assert.deepEqual(result.broken, [], 'no link leads to an error or a refusal');
  assert.ok(result.patterns.has('/crisis/:id'), 'the crisis room was reached');
  assert.deepEqual(found, []);
  t.diagnostic(`${role}: ${result.visited.length} pages also read at ${PHONE_WIDTH} px wide, ${sideways.length} scroll sideways`);
  assert.deepEqual(sideways, [], `every page fits a phone ${PHONE_WIDTH} px wide without sideways scrolling`);
  return result;
}

/** A phone's width in CSS pixels (an iPhone 12 to 15). */
const PHONE_WIDTH = 390;

/**
 * Reads the page at `width` px: null when it fits, else how wide it is and the element that
 * sticks out furthest (tables in their scroll area, the tabs and the pictures may scroll on
 * their own; the page itself may not).
 */
async function sidewaysAt(page, width) {
  const size = page.viewportSize();
  await page.setViewportSize({ width, height: 844 });
  const over = await page.evaluate(() => {
    const doc = document.documentElement;
    if (doc.scrollWidth <= doc.clientWidth + 1) return null;
    let worst = null;
    let right = doc.clientWidth;
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('.table-wrap, .tabs ul, figure.picture, [role="region"]')) continue;
      const r = el.getBoundingClientRect();
      if (r.right > right + 1) { right = r.right; worst = el; }
    }
    const name = worst
      ? `${worst.tagName.toLowerCase()}${worst.id ? `#${worst.id}` : ''}${typeof worst.className === 'string' && worst.className ? `.${worst.className.split(' ')[0]}` : ''}`
      : 'unknown';
    return `${doc.scrollWidth} px wide, widest: ${name}`;
  });
  await page.setViewportSize(size);
  return over;
}

test('every page a guest (liaison) of the exercise reaches passes axe', story(env, async ({ open, t }) => {
  // The demo has no guest: the advisor invites one, who sets a password at first login.
  const editor = await open('editor');
  await editor.page.goto('/crisis');
  const exercise = await editor.page.locator('main section[aria-labelledby="running-heading"] a[href^="/crisis/"]').first().getAttribute('href');
  await editor.page.goto(`${exercise}/gasten`);
  const email = `liaison-${Date.now()}@waterschap-voorbeeld.nl`;
  await editor.page.locator('#g-display_name').fill('Liaison waterschap');
  await editor.page.locator('#g-email').fill(email);
  await editor.page.locator('main form button[type="submit"]').click();
  const otp = (await editor.page.locator('.flash .mono').innerText()).trim();
  assert.ok(otp.length >= 12, 'a one-time password is shown');

  const guest = await open();
  await guest.page.goto('/inloggen');
  await guest.page.locator('#email').fill(email);
  await guest.page.locator('#password').fill(otp);
  await guest.page.getByRole('button', { name: 'Inloggen' }).click();
  await guest.page.waitForURL((u) => u.pathname === '/wachtwoord');
  {
    const r = await checkPage(guest.page);
    assert.deepEqual(lines('/wachtwoord (first login)', r.violations), []);
  }
  await guest.page.locator('#current').fill(otp);
  await guest.page.locator('#new').fill('een lange zin voor de liaison');
  await guest.page.locator('#repeat').fill('een lange zin voor de liaison');
  await guest.page.locator('main form button[type="submit"]').click();
  await guest.page.waitForURL((u) => u.pathname !== '/wachtwoord');
  const result = await crawlRole(guest, 'guest', t);
  assert.ok(result.visited.every((v) => !v.path.startsWith('/crisis/') || v.path.startsWith(exercise)), 'a guest sees only the crisis they were invited to');
}));

async function crisisIds(page) {
  await page.goto('/crisis');
  const hrefs = await page.$$eval('main a[href^="/crisis/"]', (as) => as.map((a) => a.getAttribute('href')));
  return [...new Set(hrefs.filter((h) => patternOf(h) === '/crisis/:id'))];
}

test('the print views pass axe in print media', story(env, async ({ open, t }) => {
  const s = await open('editor');
  const crises = await crisisIds(s.page);
  assert.ok(crises.length >= 2, 'the demo has a closed crisis and an exercise');
  await s.page.emulateMedia({ media: 'print' });
  const paths = ['/afdrukken'];
  for (const c of crises) paths.push(`${c}/situatierapport`, `${c}/tijdlijn?alle=ja`, c, `${c}/besluiten`, `${c}/logboek`);
  const found = await axeAll(s.page, paths, t);
  t.diagnostic(`print media: ${paths.length} pages checked, ${found.length} violations`);
  assert.deepEqual(found, []);
}));

const GROUPS = [
  ['exercise banner', '.banner-exercise, .banner-exercise *'],
  ['process status', '.status'],
  ['badge', '.badge'],
  ['message', '.flash, .field-error, .live-status'],
  ['picture text', 'svg.graph text'],
];

test('the OEFENING banner, status labels and badges have enough contrast', story(env, async ({ open, t }) => {
  const s = await open('editor');
  const crises = await crisisIds(s.page);
  const measured = [];
  for (const media of ['screen', 'print']) {
    await s.page.emulateMedia({ media });
    for (const path of ['/', '/voorbereiden/afhankelijkheden', ...crises, ...crises.map((c) => `${c}/acties`), ...crises.map((c) => `${c}/processen`)]) {
      await s.page.goto(path);
      const m = await s.page.evaluate(measureContrast, GROUPS);
      measured.push(...m.map((x) => ({ ...x, path, media })));
    }
  }
  for (const media of ['screen', 'print']) {
    for (const name of ['exercise banner', 'process status', 'badge', 'picture text']) {
      const got = measured.filter((m) => m.media === media && m.name === name);
      assert.ok(got.length > 0, `${name} measured in ${media} media`);
      t.diagnostic(`${media}: ${name}: ${got.length} measured, lowest ${Math.min(...got.map((m) => m.ratio))}:1`);
    }
  }
  const low = measured.filter((m) => m.ratio < m.needed);
  assert.deepEqual(low, []);
}));
