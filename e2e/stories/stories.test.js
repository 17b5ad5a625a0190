// crisismap in a real browser: what a crisis team does with it, one story per test.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, story } from '../lib/browser.js';
import { patternOf } from '../lib/crawl.js';
import { REPO, startDemo } from '../lib/demo.js';

const env = {};

before(async () => {
  env.demo = await startDemo();
  env.base = env.demo.base;
  env.browser = await launchBrowser();
});
after(async () => {
  await env.browser?.close();
  await env.demo?.stop();
});

/** The demo's running exercise and its closed crisis, as /crisis/{id} paths. */
async function demoCrises(page) {
  await page.goto('/crisis');
  const links = (section) => page.$$eval(`main section[aria-labelledby="${section}"] a[href^="/crisis/"]`, (as) =>
    as.map((a) => ({ href: a.getAttribute('href'), text: a.closest('tr, li')?.textContent || '' })));
  // The exercise of the bridge control (the exercises played from a script have their own control).
  const exercise = (await links('running-heading')).find((r) => /brugbediening/i.test(r.text));
  const closed = (await links('closed-heading')).find((r) => /ransomware/i.test(r.text));
  assert.ok(exercise, 'the demo has a running exercise');
  assert.ok(closed, 'the demo has a closed ransomware crisis');
  return { exercise: exercise.href, closed: closed.href };
}

/** Now in Europe/Amsterdam as a datetime-local value. */
function localNow() {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date()).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

test('an advisor logs in, lands on the dashboard and opens the running exercise', story(env, async ({ open }) => {
  const { page } = await open();
  await page.goto('/');
  assert.equal(new URL(page.url()).pathname, '/inloggen', 'a visitor who is not logged in is sent to the login');
  await page.locator('#email').fill('adviseur@voorbeeld.nl');
  await page.locator('#password').fill('demo-crisismap');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL((u) => u.pathname === '/');
  await assertVisible(page.locator('header .user-menu', { hasText: 'Jeroen Bakker' }), 'the advisor is named in the header');
  await assertVisible(page.getByRole('heading', { level: 1 }), 'the dashboard has its heading');
  const exercise = page.locator('main li', { has: page.locator('.badge', { hasText: /oefening/i }) }).first().locator('a').first();
  await assertVisible(exercise, 'the dashboard lists the exercise');
  await exercise.click();
  await page.waitForURL((u) => patternOf(u.pathname) === '/crisis/:id');
  const banner = page.locator('.banner-exercise');
  await assertVisible(banner, 'the OEFENING banner shows on the exercise');
  assert.match(await banner.innerText(), /OEFENING/);
  await assertVisible(page.getByRole('navigation', { name: /crisis/i }), 'the crisis room tabs show');
  // The closed ransomware crisis is real: no exercise banner there.
  const { closed } = await demoCrises(page);
  await page.goto(closed);
  assert.equal(await page.locator('.banner-exercise').count(), 0, 'a real crisis carries no OEFENING banner');
}));

async function assertVisible(locator, what) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: 10_000 });
  } catch {
    assert.fail(`not visible: ${what}`);
  }
}

test('at night the advisor opens Beeld on a laptop: what is down, when it is back, what hits next and what must be done are on the first screen', story(env, async ({ open }) => {
  const screen = { width: 1366, height: 768 };
  const { page } = await open('editor', { viewport: screen });
  const { exercise } = await demoCrises(page);
  await page.goto(exercise);
  const onFirstScreen = async (locator, what) => {
    await assertVisible(locator, what);
    const box = await locator.first().boundingBox();
    assert.ok(box, `${what} is drawn`);
    assert.ok(box.y >= 0 && box.y + box.height <= screen.height && box.x >= 0 && box.x + box.width <= screen.width,
      `${what} lies inside the first screen of ${screen.width}×${screen.height} (it lies at x ${box.x}, y ${box.y}, ${box.width}×${box.height})`);
  };
  const down = page.locator('section[aria-labelledby="down-heading"] .board-list li').first();
  await onFirstScreen(down, 'the first process that is down');
  assert.match(await down.innerText(), /Uitgevallen|Verstoord/, 'its status is in words');
  const back = down.locator('.board-when');
  await onFirstScreen(back, 'when it is expected back');
  assert.match(await back.innerText(), /terug verwacht \d|terugkeer onbekend/);
  const impact = page.locator('section[aria-labelledby="next-heading"] .board-list li').first();
  await onFirstScreen(impact, 'the first impact of the cascade');
  assert.match(await impact.innerText(), /geleden|over \d/, 'the impact says how long ago or how soon');
  const steps = page.locator('section[aria-labelledby="attention-heading"] > .open-steps > li');
  assert.ok(await steps.count() > 0, 'the exercise has open steps');
  await onFirstScreen(steps.first(), 'the first open step');
  await onFirstScreen(steps.last(), 'the last open step shown before "more"');
  // The board only reads: no form field in it.
  assert.equal(await page.locator('.board input, .board select, .board textarea').count(), 0, 'the board holds no form fields');
  // Editing the processes is a mode of its own that works without script.
  await page.getByRole('link', { name: 'Status en herstelvolgorde wijzigen' }).click();
  await page.waitForURL((u) => u.searchParams.get('bewerken') === 'processen');
  assert.ok(await page.locator('form[action$="/herstelvolgorde"]').count() > 1, 'edit mode shows the reorder forms');
}));

test('the cascade picture draws every name in full and no two labels overlap', story(env, async ({ open }) => {
  const { page } = await open('editor');
  const { exercise } = await demoCrises(page);
  const overlaps = async (where) => {
    const svg = page.locator('figure.picture svg').first();
    await assertVisible(svg, `the cascade picture on ${where}`);
    const boxes = await svg.locator('text').evaluateAll((texts) => texts.map((t) => {
      const r = t.getBoundingClientRect();
      return { text: t.textContent, x: r.x, y: r.y, w: r.width, h: r.height };
    }));
    assert.ok(boxes.length > 3, `the picture on ${where} has labels`);
    assert.ok(!boxes.some((b) => b.text.includes('…')), `no name is cut short on ${where}`);
    const bad = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        if (a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5) bad.push(`${a.text} / ${b.text}`);
      }
    }
    assert.deepEqual(bad, [], `labels overlap on ${where}`);
    // Each label stays inside its box.
    const outside = await svg.locator('g').evaluateAll((gs) => gs.flatMap((g) => {
      const rect = g.querySelector('rect');
      if (!rect) return [];
      const r = rect.getBoundingClientRect();
      return [...g.querySelectorAll('text')].map((t) => [t.textContent, t.getBoundingClientRect()])
        .filter(([, b]) => b.left < r.left || b.right > r.right + 0.5 || b.top < r.top || b.bottom > r.bottom + 0.5)
        .map(([text]) => text);
    }));
    assert.deepEqual(outside, [], `labels run out of their box on ${where}`);
  };
  await page.goto(exercise);
  await overlaps('Beeld');
  // The what-if analysis in preparation: everything the exercise marks failing, at once.
  await page.goto('/voorbereiden/cascade');
  const boxes = page.locator('input[name="failing"]');
  for (let i = 0; i < Math.min(await boxes.count(), 3); i++) await boxes.nth(i).check();
  await page.locator('main form[action="/voorbereiden/cascade"] button[type="submit"]').click();
  await page.waitForURL((u) => u.searchParams.has('failing'));
  await overlaps('the what-if analysis');
}));

test('on a phone each row of a table reads as a card with the column names, and the table stays a table for a screen reader', story(env, async ({ open }) => {
  const { page } = await open('editor', { viewport: { width: 390, height: 800 } });
  await page.goto('/voorbereiden/contacten');
  const table = page.locator('main table.data').first();
  await assertVisible(table, 'the contacts table');
  const row = table.locator('tbody tr').first();
  const cell = row.locator('td').first();
  const look = await cell.evaluate((td) => ({
    display: getComputedStyle(td).display,
    label: getComputedStyle(td, '::before').content,
    role: td.getAttribute('role'),
  }));
  assert.equal(look.display, 'block', 'a cell is a line of the card');
  assert.match(look.label, /Functie/, 'the column name stands before the value');
  assert.equal(look.role, 'cell', 'a screen reader still hears a table cell');
  const box = await row.boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `the card fits the screen (${JSON.stringify(box)})`);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'no sideways scrolling');
  // At desktop width it is an ordinary table again.
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.equal(await cell.evaluate((td) => getComputedStyle(td).display), 'table-cell');
}));

test('a decision recorded by the advisor appears at the mayor without a reload', story(env, async ({ open }) => {
  const a = await open('editor');
  const b = await open('mayor');
  const { exercise } = await demoCrises(a.page);
  const list = `${exercise}/besluiten`;

  const live = b.page.waitForResponse((r) => r.url().includes('/live/'));
  await b.page.goto(list);
  await live;
  await b.page.evaluate(() => { window.__sameDocument = 'kept'; });
  const before = await b.page.locator('main table tbody tr').count();

  const title = `Gemeentehuis sluiten voor publiek ${Date.now()}`;
  await a.page.goto(list);
  await a.page.getByRole('link', { name: 'Nieuw besluit' }).click();
  await a.page.getByLabel(/^Besluit \(verplicht\)/).fill('Het gemeentehuis gaat tot nader order dicht voor publiek.');
  await a.page.getByLabel(/^Besluit \(kort\)/).fill(title);
  await a.page.getByLabel(/^Overwegingen/).fill('De balies kunnen zonder systemen niemand helpen; bezoekers worden doorverwezen.');
  await a.page.getByLabel(/^Besloten door/).fill('Marleen Hoekstra');
  await a.page.getByLabel(/^Tijdstip van besluit/).fill(localNow());
  await a.page.getByRole('button', { name: 'Opslaan' }).click();
  await a.page.waitForURL((u) => !u.pathname.endsWith('/nieuw'));
  assert.equal(await a.page.locator('.error-summary').count(), 0, 'the decision was accepted');

  await assertVisible(b.page.locator('main').getByText(title), 'the new decision appears in the second session');
  assert.equal(await b.page.evaluate(() => window.__sameDocument), 'kept', 'the second session did not navigate');
  assert.equal(await b.page.locator('main table tbody tr').count(), before + 1, 'one more decision in the list');
  assert.deepEqual(b.errors, [], 'no script errors in the second session');
}));

test('exercise control releases an inject and the player\'s open picture shows it without a reload', story(env, async ({ open }) => {
  const control = await open('editor');
  const player = await open('member');
  await control.page.goto('/oefenen');
  const href = await control.page.locator('main a[href$="/oefenleiding"]').first().getAttribute('href');
  assert.ok(href, 'the advisor is exercise control of the running exercise');
  const crisis = href.replace(/\/oefenleiding$/, '');

  assert.equal((await player.page.goto(`${crisis}/oefenleiding`)).status(), 403, 'a player never sees exercise control');
  const live = player.page.waitForResponse((r) => r.url().includes('/live/'));
  await player.page.goto(crisis);
  await live;
  await player.page.evaluate(() => { document.activeElement?.blur(); window.__sameDocument = 'kept'; });

  await control.page.goto(href);
  // The last inject still to go out: the server's clock will not release it first.
  const item = control.page.locator('li.inject', { has: control.page.getByRole('button', { name: /^Zet uit/ }) }).last();
  const text = (await item.locator('.inject-text').innerText()).trim();
  await item.getByRole('button', { name: /^Zet uit/ }).click();
  await control.page.waitForURL((u) => u.search.includes('melding=released'));

  await assertVisible(player.page.locator('main section[aria-labelledby="incoming-heading"]').getByText(text.slice(0, 50)), 'the message appears on the player\'s picture');
  assert.equal(await player.page.evaluate(() => window.__sameDocument), 'kept', 'the player\'s page did not navigate');
  assert.deepEqual(player.errors, [], 'no script errors at the player');
}));

test('a form with errors says what is wrong next to the field and keeps what was typed', story(env, async ({ open }) => {
  const { page } = await open('editor');
  const { exercise } = await demoCrises(page);

  // A decision without its required considerations.
  await page.goto(`${exercise}/besluiten/nieuw`);
  const title = 'Noodlokaal openen in sporthal De Kuil';
  await page.getByLabel(/^Besluit \(kort\)/).fill(title);
  await page.getByLabel(/^Besluit \(verplicht\)/).fill('De sporthal wordt het noodlokaal.');
  await page.getByLabel(/^Besloten door/).fill('Marleen Hoekstra');
  await page.getByLabel(/^Tijdstip van besluit/).fill(localNow());
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.locator('.error-summary').waitFor();
  await assertFieldError(page, /^Overwegingen/, /vul dit veld in/i);
  assert.equal(await page.getByLabel(/^Besluit \(kort\)/).inputValue(), title, 'the typed title is kept');
  assert.equal(await page.getByLabel(/^Besluit \(verplicht\)/).inputValue(), 'De sporthal wordt het noodlokaal.');
  assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), 'focus moves to the error summary');

  // A log entry longer than a log entry may be.
  await page.goto(`${exercise}/logboek/nieuw`);
  const long = `Melding van de servicedesk. ${'Alle werkplekken op de tweede verdieping melden een losgeldbericht. '.repeat(80)}`;
  await page.locator('#f-text').fill(long);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.locator('.error-summary').waitFor();
  await assertFieldError(page, page.locator('#f-text'), /te lang/i);
  assert.equal(await page.locator('#f-text').inputValue(), long, 'the typed text is kept in full');
}));

/** The field is marked invalid and describes itself with a Dutch message shown beside it. */
async function assertFieldError(page, label, message) {
  const field = label instanceof RegExp ? page.getByLabel(label) : label;
  assert.equal(await field.getAttribute('aria-invalid'), 'true', `${label} is marked invalid`);
  const ids = ((await field.getAttribute('aria-describedby')) || '').split(/\s+/).filter(Boolean);
  const texts = [];
  for (const id of ids) {
    const el = page.locator(`[id="${id}"]`);
    if (await el.count()) texts.push({ text: await el.innerText(), visible: await el.isVisible(), error: await el.evaluate((e) => e.classList.contains('field-error')) });
  }
  const error = texts.find((t) => t.error);
  assert.ok(error, `${label}: aria-describedby points at its error message (${ids.join(' ')})`);
  assert.match(error.text, message);
  assert.ok(error.visible, 'the message is shown');
  // The message sits with its field: in the same .field block.
  const together = await field.evaluate((f) => !!f.closest('.field')?.querySelector('.field-error'));
  assert.ok(together, 'the message is next to its field');
}

// ---- Keyboard only ----

async function focused(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return null;
    const st = getComputedStyle(a);
    const outline = st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) > 0;
    return {
      tag: a.tagName.toLowerCase(),
      id: a.id,
      href: a.getAttribute('href'),
      name: a.getAttribute('name'),
      text: (a.innerText || a.value || '').trim().slice(0, 60),
      visibleFocus: outline || (st.boxShadow && st.boxShadow !== 'none'),
      inMain: !!a.closest('main'),
      inTabs: !!a.closest('nav.tabs'),
      key: a.id || `${a.tagName}:${a.getAttribute('href') || a.getAttribute('name') || ''}:${(a.innerText || '').trim().slice(0, 30)}`,
    };
  });
}

/** Presses Tab until focus comes back to the first stop (at most `limit` presses). */
async function tabCycle(page, limit = 400) {
  const stops = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f && stops.length && f.key === stops[0].key) return { stops, wrapped: true };
    if (f) stops.push(f);
  }
  return { stops, wrapped: false };
}

test('the crisis room works with the keyboard alone', story(env, async ({ open, t }) => {
  const { page } = await open('editor');
  const { exercise } = await demoCrises(page);
  // Beeld: nothing has the focus yet.
  await page.goto(exercise);

  // The first Tab reaches the skip link, which is then shown; Enter moves focus to the content.
  await page.keyboard.press('Tab');
  const first = await focused(page);
  assert.ok(first && first.href === '#main', `the first stop is the skip link (got ${JSON.stringify(first)})`);
  const box = await page.locator('.skip-link').boundingBox();
  assert.ok(box && box.y >= 0 && box.height > 0, 'the focused skip link is on screen');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main', 'Enter on the skip link moves focus to the content');

  // On the log the cursor starts in the quick line: type, Enter, and it is back in the line,
  // the line saved: three lines, three posts, no form in between.
  await page.goto(`${exercise}/logboek`);
  // The browser places the cursor once the page has settled (autofocus), not always by the
  // load event: give it a moment before asking where it is.
  await page.waitForFunction(() => document.activeElement?.id === 'quick-text', null, { timeout: 3000 }).catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'quick-text', 'the cursor starts in the log line');
  const posts = [];
  page.on('request', (r) => { if (r.isNavigationRequest() && r.method() === 'POST') posts.push(r.url()); });
  for (const n of [1, 2, 3]) {
    const line = `Brugwachter meldt storing ${n}`;
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
    // The answer is the log again, with the line in it (the old page never shows it).
    await page.locator('main').getByText(line).first().waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'quick-text');
    assert.ok(new URL(page.url()).search.includes('melding=logged'), `line ${n}: back on the log`);
  }
  assert.equal(posts.length, 3, `three lines, three posts (${posts.join(', ')})`);

    // On the picture (with its forms) and the log (with its filters): every tab of the crisis
  // room and every control is reached, each with a visible focus, and Tab comes back round
  // (no trap); Shift+Tab walks back.
  for (const path of [exercise, `${exercise}/logboek`]) {
    await page.goto(path);
    const { stops, wrapped } = await tabCycle(page);
    t.diagnostic(`${path}: ${stops.length} tab stops`);
    assert.ok(wrapped, `${path}: Tab comes back to the start (no keyboard trap) within 400 presses (${stops.length} stops)`);
    const tabs = await page.$$eval('nav.tabs a', (as) => as.map((a) => a.getAttribute('href')));
    assert.ok(tabs.length >= 8, `the crisis room has its tabs (${tabs.length})`);
    const reachedTabs = stops.filter((s) => s.inTabs).map((s) => s.href);
    assert.deepEqual(reachedTabs, tabs, `${path}: every tab is reached, in order`);
    const controls = await page.$$eval(
      'main :is(a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"]))',
      (els) => els
        // What a closed <details> holds is reached after opening it (below).
        .filter((e) => !e.disabled && e.getClientRects().length && !e.closest('details:not([open])'))
        .map((e) => e.id || `${e.tagName}:${e.getAttribute('href') || e.getAttribute('name') || ''}:${(e.innerText || '').trim().slice(0, 30)}`),
    );
    assert.ok(controls.length > tabs.length, `${path} has controls besides the tabs`);
    const reached = new Set(stops.map((s) => s.key));
    assert.deepEqual(controls.filter((c) => !reached.has(c)), [], `${path}: every control is reached`);
    assert.deepEqual(stops.filter((s) => !s.visibleFocus), [], `${path}: every stop shows a visible focus`);
    await page.keyboard.press('Shift+Tab');
    const back = await focused(page);
    assert.equal(back?.key, stops[stops.length - 1].key, `${path}: Shift+Tab goes back to the last stop`);
    // A disclosure opens with Enter, and the next Tab enters it.
    if (await page.locator('main details:not([open]) > summary').count()) {
      await page.goto(path);
      await tabTo(page, (f) => f.tag === 'summary');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const inside = await page.evaluate(() => !!document.activeElement?.closest('details[open]'));
      assert.ok(inside, `${path}: Enter opens the disclosure and Tab moves into it`);
    }
  }

  // Record a log entry with keys only: Tab to the button, Enter, type, Tab on, Enter.
  await page.goto(`${exercise}/logboek`);
  const text = `Toetsenbord: back-up van de burgerzaken-database gestart ${Date.now()}`;
  await tabTo(page, (f) => f.text === 'Nieuwe logregel');
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.pathname.endsWith('/logboek/nieuw'));
  await tabTo(page, (f) => f.tag === 'textarea' && f.name === 'text');
  await page.keyboard.type(text);
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Opslaan');
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => !u.pathname.endsWith('/nieuw'));
  assert.equal(await page.locator('.error-summary').count(), 0, 'the entry was accepted');
  await page.goto(`${exercise}/logboek`);
  await assertVisible(page.locator('main table').getByText(text), 'the new entry is in the log');
}));

async function tabTo(page, wanted, limit = 200) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f && wanted(f)) return f;
  }
  assert.fail(`not reached with Tab: ${wanted}`);
}

// ---- Hostile input ----

const PAYLOADS = join(REPO, 'crates', 'web', 'tests', 'data', 'hostile-payloads.txt');

function payloads() {
  return readFileSync(PAYLOADS, 'utf8').split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() !== '');
}

const XSS = /<|javascript:|\{\{|\$\{|\{%|onerror|onload/i;
const norm = (t) => t.replace(/\s+/g, ' ').trim();

test('hostile input stays inert text in every page that shows it', story(env, async ({ open, t }) => {
  const list = payloads();
  assert.ok(list.filter((p) => XSS.test(p)).length >= 12, `at least 12 script and template payloads in ${PAYLOADS}`);
  const s = await open('editor');
  const { page } = s;
  const { exercise } = await demoCrises(page);
  const id = exercise.split('/').pop();
  await page.goto(exercise);
  const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
  const api = (path, data) => page.request.post(path, { data, headers: { 'x-csrf-token': csrf } });

  // Every payload as a log entry, a decision title and a contact name, through the JSON API
  // with the browser's own session. Text the domain refuses (control characters, …) must be
  // refused with a problem document; every script and template payload must be accepted.
  const shown = { log: [], decision: [], contact: [] };
  let firstContact = null;
  for (const [i, p] of list.entries()) {
    const attempts = [
      ['log', `/api/v1/crises/${id}/entries/log`, { occurred_at: localNow(), category: 'report', text: p, source: 'e2e' }, p],
      ['decision', `/api/v1/crises/${id}/entries/decision`, { title: p.slice(0, 200), decision: p, considerations: p, decided_by: 'Marleen Hoekstra', decided_at: localNow() }, p.slice(0, 200)],
      ['contact', '/api/v1/register/contact', { name: `${p.slice(0, 110)} ${i}` }, `${p.slice(0, 110)} ${i}`],
    ];
    for (const [what, path, data, text] of attempts) {
      const r = await api(path, data);
      if (r.status() === 201) {
        shown[what].push(text);
        if (what === 'contact' && !firstContact && XSS.test(p)) firstContact = { id: (await r.json()).id, text };
      } else {
        assert.equal(r.status(), 422, `${what} ${i} is accepted or refused as invalid: ${p} → ${r.status()} ${await r.text()}`);
        assert.match(r.headers()['content-type'] || '', /problem\+json/);
        assert.ok(!XSS.test(p), `${what} ${i}: a script or template payload is plain text and must be accepted: ${p}`);
      }
    }
  }

  t.diagnostic(`${list.length} payloads: accepted as ${shown.log.length} log entries, ${shown.decision.length} decisions, ${shown.contact.length} contacts`);
  const pages = [
    [`${exercise}/logboek`, shown.log],
    [`${exercise}/besluiten`, shown.decision],
    [`${exercise}/tijdlijn?alle=ja`, shown.decision],
    [`${exercise}/situatierapport`, shown.decision],
    [exercise, []],
    ['/voorbereiden/contacten', shown.contact],
    [`/voorbereiden/contacten/${firstContact.id}`, [firstContact.text]],
  ];
  for (const [path, texts] of pages) {
    await page.goto(path);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, `${path}: no payload ran`);
    const body = norm(await page.locator('main').innerText());
    const missing = texts.filter((t) => !body.includes(norm(t)));
    assert.deepEqual(missing, [], `${path} shows every payload literally`);
    const injected = await page.$$eval('main :is(script, iframe, object, img[onerror], svg[onload], details[ontoggle], base, meta, style)', (els) => els.map((e) => e.outerHTML.slice(0, 80)));
    assert.deepEqual(injected, [], `${path}: no payload became markup`);
  }
  assert.deepEqual(s.dialogs, [], 'no dialog opened');
  assert.deepEqual(s.errors, [], 'no script error');
}));
