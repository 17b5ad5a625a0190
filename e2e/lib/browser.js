// Chromium through playwright-core (no browser download: the system's chromium is used).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ACCOUNTS, DEMO_PASSWORD, REPO } from './demo.js';

export const ARTIFACTS = join(REPO, 'e2e', 'artifacts');

// Without the background-networking flags Chromium waits on connections that are refused
// here (no network); playwright gives every launch a fresh user-data-dir.
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    timeout: 60_000,
  });
}

/** A browser session of its own (cookies, storage), with its dialogs and page errors recorded. */
export async function newSession(browser, base, options = {}) {
  const context = await browser.newContext({
    baseURL: base,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = await context.newPage();
  const session = { context, page, dialogs: [], errors: [] };
  page.on('dialog', (d) => { session.dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  page.on('pageerror', (e) => session.errors.push(String(e)));
  return session;
}

/**
 * Logs in through the real login form and waits for the dashboard. Administrators give a
 * second factor after the password; the demo shows the current code on that page.
 */
export async function login(page, who) {
  const email = ACCOUNTS[who] || who;
  await page.goto('/inloggen');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await Promise.all([
    page.waitForURL((u) => u.pathname !== '/inloggen'),
    page.getByRole('button', { name: 'Inloggen' }).click(),
  ]);
  if (new URL(page.url()).pathname === '/inloggen/code') {
    await secondFactor(page);
  }
}

/**
 * Types the code the demo shows on the code page and waits to be let in. Each code is taken
 * once: when two logins of one account fall in the same half minute, the demo may have no
 * unused code left, or the code may be refused as used; then this waits for the next step.
 */
export async function secondFactor(page) {
  for (let attempt = 1; ; attempt++) {
    const hint = page.locator('[data-demo-code]');
    if (await hint.count()) {
      const code = (await hint.innerText()).trim();
      await page.locator('#code').fill(code);
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Inloggen' }).click(),
      ]);
      if (!new URL(page.url()).pathname.startsWith('/inloggen')) return;
    }
    if (attempt === 3) throw new Error(`the second factor was not accepted; at ${page.url()}`);
    await page.waitForTimeout(30_500 - (Date.now() % 30_000));
    await page.goto('/inloggen/code');
  }
}

const safe = (s) => s.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').slice(0, 80);

/** Saves a screenshot and the HTML of every open page of these sessions to e2e/artifacts/. */
export async function saveArtifacts(name, sessions) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const saved = [];
  let i = 0;
  for (const s of sessions) {
    for (const page of s.context.pages()) {
      const stem = join(ARTIFACTS, `${safe(name)}-${++i}`);
      try {
        await page.screenshot({ path: `${stem}.png`, fullPage: true, timeout: 10_000 });
        writeFileSync(`${stem}.html`, `<!-- ${page.url()} -->\n${await page.content()}`);
        saved.push(stem);
      } catch { /* a crashed page has nothing to save */ }
    }
  }
  return saved;
}

/**
 * The body of a browser test: opens sessions on demand, saves artifacts when it fails, and
 * closes the sessions afterwards.
 */
export function story(env, body) {
  return async (t) => {
    const sessions = [];
    const open = async (who, options) => {
      const s = await newSession(env.browser, env.base, options);
      sessions.push(s);
      if (who) await login(s.page, who);
      return s;
    };
    try {
      await body({ open, t });
    } catch (e) {
      const saved = await saveArtifacts(t.name, sessions);
      if (saved.length) e.message += `\n(artifacts: ${saved.map((p) => p + '.png').join(', ')})`;
      throw e;
    } finally {
      for (const s of sessions) await s.context.close().catch(() => {});
    }
  };
}
