// axe-core in the page. The CSP forbids inline scripts, so a <script> tag with axe's source
// is refused (page.addScriptTag fails). An init script or page.evaluate runs it through the
// DevTools protocol, which the CSP does not govern, so the page is checked with its real CSP
// in force.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_VERSION = require('axe-core/package.json').version;
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Every page of this browser context gets axe as it loads (faster than evaluating it after). */
export async function withAxe(context) {
  await context.addInitScript(AXE_SOURCE);
}

/** Runs axe on the page; returns its violations (and the "needs review" count). */
export async function checkPage(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  const run = (selectors) => page.evaluate(
    ([tags, selectors]) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'], selectors }),
    [WCAG_TAGS, selectors],
  );
  // Selectors cost time on big pages; they are only needed to name what fails.
  let result = await run(false);
  if (result.violations.length) result = await run(true);
  const name = (n) => (n.target && n.target.length ? n.target.join(' ') : n.html.slice(0, 80));
  return {
    violations: result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: name(n), html: n.html.slice(0, 200), why: n.failureSummary })),
    })),
    incomplete: result.incomplete.map((v) => ({ rule: v.id, nodes: v.nodes.map(name) })),
  };
}

/** One line per violation and element, for a failure message. */
export function describe(url, violations) {
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${url}: ${v.rule} (${v.impact}) ${v.help}: ${n.target}\n    ${n.html}\n    ${(n.why || '').replace(/\n/g, ' ')}`),
  );
}
