// Contrast ratios computed in the page from the styles the browser applied (WCAG 2.1 1.4.3).
// Runs in the browser: the function is serialised by page.evaluate.
export function measureContrast(groups) {
  const parse = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const lum = (c) => 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) return c;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  };
  const out = [];
  for (const [name, selector] of groups) for (const el of document.querySelectorAll(selector)) {
    const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
    if (!text || !el.getClientRects().length) continue;
    const st = getComputedStyle(el);
    // SVG text is painted with fill; the picture's own background is the svg element's.
    const fg = parse(el instanceof SVGElement ? st.fill : st.color);
    const bg = background(el);
    const l1 = lum(fg), l2 = lum(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    const size = parseFloat(st.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(st.fontWeight) >= 700);
    out.push({
      name,
      cls: el.className || el.tagName.toLowerCase(),
      text: text.slice(0, 40),
      color: st.color,
      background: `rgb(${bg.r}, ${bg.g}, ${bg.b})`,
      ratio: Math.round(ratio * 100) / 100,
      needed: large ? 3 : 4.5,
    });
  }
  return out;
}
