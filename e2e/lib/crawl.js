// Breadth-first crawl of the same-origin pages a user can reach by following links.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SKIP_PREFIX = ['/uitloggen', '/live/', '/api/', '/assets/', '/agenda/'];
const SKIP_EXT = /\.(pdf|csv|ics|vcf|json|svg|png|txt)$/i;

/** The route a path belongs to: ids and numbers become placeholders. */
export function patternOf(pathname) {
  return pathname
    .split('/')
    .map((s) => (UUID.test(s) ? ':id' : /^\d+$/.test(s) ? ':n' : s))
    .join('/')
    // A readiness item is addressed by its code: /voorbereiden/gereedheid/{item}/…
    .replace(/^\/voorbereiden\/gereedheid\/[a-z_]+(?=\/|$)/, '/voorbereiden/gereedheid/:item');
}

export function crawlable(url, origin) {
  if (url.origin !== origin) return false;
  if (SKIP_PREFIX.some((p) => url.pathname.startsWith(p))) return false;
  return !SKIP_EXT.test(url.pathname);
}

/**
 * Visits pages from `start`, at most `perPattern` of each route pattern and at most `budget`
 * pages in all; calls `check(page, url)` on every HTML page. Returns what was visited.
 */
export async function crawl(page, { start = '/', budget = 200, perPattern = 2, check }) {
  const origin = new URL(page.url()).origin; // the page is on the site already (logged in)
  const queue = [new URL(start, origin).href];
  const seen = new Set(queue);
  const perRoute = new Map();
  const visited = [];
  const broken = [];
  const redirects = [];
  const checked = new Set();
  const timing = { load: 0, check: 0 };
  while (queue.length && visited.length < budget) {
    const href = queue.shift();
    if ((perRoute.get(patternOf(new URL(href).pathname)) || 0) >= perPattern) continue;
    const t0 = Date.now();
    const res = await page.goto(href, { waitUntil: 'load' });
    timing.load += Date.now() - t0;
    const status = res ? res.status() : 0;
    const type = res ? res.headers()['content-type'] || '' : '';
    const asked = new URL(href);
    if (status >= 400 || !type.includes('text/html')) {
      broken.push(`${asked.pathname}${asked.search} → ${status} ${type}`);
      continue;
    }
    // A redirect counts as the page it lands on.
    const url = new URL(page.url());
    url.hash = '';
    if (url.pathname !== asked.pathname) redirects.push(`${asked.pathname} → ${url.pathname}`);
    const pattern = patternOf(url.pathname);
    if (checked.has(url.href) || (perRoute.get(pattern) || 0) >= perPattern) continue;
    checked.add(url.href);
    seen.add(url.href);
    perRoute.set(pattern, (perRoute.get(pattern) || 0) + 1);
    visited.push({ path: url.pathname + url.search, pattern });
    const t1 = Date.now();
    if (check) await check(page, url);
    timing.check += Date.now() - t1;
    const links = await page.$$eval('a[href]', (as) => as.map((a) => a.href));
    for (const link of links) {
      let next;
      try { next = new URL(link); } catch { continue; }
      next.hash = '';
      if (!crawlable(next, origin) || seen.has(next.href)) continue;
      seen.add(next.href);
      queue.push(next.href);
    }
  }
  const exhausted = queue.every((h) => (perRoute.get(patternOf(new URL(h).pathname)) || 0) >= perPattern);
  return { visited, broken, redirects, patterns: perRoute, exhausted, timing };
}
