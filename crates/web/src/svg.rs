//! Pictures drawn on the server as SVG: no script, no external file, printable, with a title
//! and a description for screen readers (every picture also has a table beside it).

use std::f64::consts::PI;
use std::fmt::Write;

/// Text for inside SVG: the five XML specials escaped, control characters dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(max - 1).collect::<String>())
    }
}

/// A node to draw: its label and how it looks.
#[derive(Debug, Clone)]
pub struct Dot {
    pub label: String,
    /// `failing`, `affected`, `risk`, `process`, `organisation` or `vital`.
    pub class: &'static str,
}

fn colour(class: &str) -> (&'static str, &'static str) {
    // (fill, stroke): contrast with the black labels stays above 4.5:1.
    match class {
        "failing" => ("#f4c7c3", "#a8201a"),
        "affected" => ("#ffe9a8", "#8a5d00"),
        "risk" => ("#dbe9f6", "#1f4e79"),
        "process" => ("#e3f1e6", "#1e6b35"),
        "vital" => ("#eee", "#4a4a4a"),
        _ => ("#f2e6f5", "#6b2c7a"),
    }
}

fn open(out: &mut String, width: f64, height: f64, id: &str, title: &str, desc: &str) {
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"graph\" viewBox=\"0 0 {width:.0} {height:.0}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\">\
         <title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>\
         <defs><marker id=\"{id}-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333\"/></marker></defs>",
        escape(title),
        escape(desc)
    );
}

fn dot(out: &mut String, x: f64, y: f64, d: &Dot) {
    let (fill, stroke) = colour(d.class);
    let _ = write!(
        out,
        "<g><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"9\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"2\"/>\
         <text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"14\" text-anchor=\"middle\" fill=\"#111\">{}</text></g>",
        y + 22.0,
        escape(&short(&d.label, 28))
    );
}

fn line(out: &mut String, id: &str, (x1, y1): (f64, f64), (x2, y2): (f64, f64), label: &str) {
    // Stop short of the circles so the arrow head shows.
    let (dx, dy) = (x2 - x1, y2 - y1);
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    let (ux, uy) = (dx / len, dy / len);
    let (sx, sy, ex, ey) = (
        x1 + ux * 10.0,
        y1 + uy * 10.0,
        x2 - ux * 11.0,
        y2 - uy * 11.0,
    );
    let _ = write!(
        out,
        "<line x1=\"{sx:.1}\" y1=\"{sy:.1}\" x2=\"{ex:.1}\" y2=\"{ey:.1}\" stroke=\"#333\" stroke-width=\"1.2\" marker-end=\"url(#{id}-arrow)\"/>"
    );
    if !label.is_empty() {
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#333\">{}</text>",
            (sx + ex) / 2.0,
            (sy + ey) / 2.0 - 3.0,
            escape(label)
        );
    }
}

/// Every dependency: the nodes on a circle, an arrow from each dependency to what depends
/// on it (the direction a failure travels), labelled with the hold-out time.
pub fn dependency_graph(
    id: &str,
    title: &str,
    desc: &str,
    dots: &[Dot],
    edges: &[(usize, usize, String)],
) -> String {
    let n = dots.len().max(1) as f64;
    let radius = (n * 34.0 / (2.0 * PI)).max(150.0);
    let size = 2.0 * radius + 260.0;
    let c = size / 2.0;
    let at = |i: usize| {
        let a = 2.0 * PI * i as f64 / n - PI / 2.0;
        (c + radius * a.cos(), c + radius * a.sin())
    };
    let mut out = String::new();
    open(&mut out, size, size, id, title, desc);
    for (from, to, label) in edges {
        line(&mut out, id, at(*from), at(*to), label);
    }
    for (i, d) in dots.iter().enumerate() {
        let (x, y) = at(i);
        dot(&mut out, x, y, d);
    }
    out.push_str("</svg>");
    out
}

/// A cascade: the failing nodes in the middle, the affected ones on rings by time to
/// impact, an arrow along the path that brings each one down.
pub fn cascade_rings(
    id: &str,
    title: &str,
    desc: &str,
    rings: &[(String, Vec<(usize, Dot)>)],
    causes: &[(usize, usize)],
) -> String {
    let step = 95.0;
    let size = 2.0 * step * rings.len().max(1) as f64 + 160.0;
    let c = size / 2.0;
    let mut pos = std::collections::HashMap::new();
    let mut out = String::new();
    open(&mut out, size, size, id, title, desc);
    for (k, (label, nodes)) in rings.iter().enumerate() {
        let r = if k == 0 { 40.0 } else { step * k as f64 + 20.0 };
        if k > 0 {
            let _ = write!(
                out,
                "<circle cx=\"{c:.1}\" cy=\"{c:.1}\" r=\"{r:.1}\" fill=\"none\" stroke=\"#999\" stroke-dasharray=\"4 4\"/>\
                 <text x=\"{c:.1}\" y=\"{:.1}\" font-size=\"13\" text-anchor=\"middle\" fill=\"#4a4a4a\">{}</text>",
                c - r - 4.0,
                escape(label)
            );
        }
        let count = nodes.len().max(1) as f64;
        for (j, (node, _)) in nodes.iter().enumerate() {
            let a = 2.0 * PI * j as f64 / count - PI / 2.0 + k as f64 * 0.4;
            let r = if k == 0 && nodes.len() == 1 { 0.0 } else { r };
            pos.insert(*node, (c + r * a.cos(), c + r * a.sin()));
        }
    }
    for (from, to) in causes {
        if let (Some(a), Some(b)) = (pos.get(from), pos.get(to)) {
            line(&mut out, id, *a, *b, "");
        }
    }
    for (_, nodes) in rings {
        for (node, d) in nodes {
            if let Some((x, y)) = pos.get(node) {
                dot(&mut out, *x, *y, d);
            }
        }
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped_and_cannot_open_markup() {
        let svg = dependency_graph(
            "g",
            "Graaf",
            "Uitleg",
            &[Dot {
                label: "<script>alert(1)</script> & \"x\"".into(),
                class: "risk",
            }],
            &[],
        );
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("role=\"img\""));
    }
}
