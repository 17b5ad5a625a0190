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

/// One thing on a lane of the cascade picture: its full name, a line under it (when it is
/// hit, in words) and how it looks (`failing`, `reached` or `affected`).
#[derive(Debug, Clone)]
pub struct LaneBox {
    pub label: String,
    pub note: String,
    pub class: &'static str,
}

/// The words of `text` in lines of at most `max` characters (a longer word is cut over lines).
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = vec![];
    let mut current = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > max {
            if !current.is_empty() {
                lines.push(std::mem::take(&mut current));
            }
            lines.push(word.drain(..max).collect());
        }
        let word: String = word.into_iter().collect();
        let len = current.chars().count();
        if len == 0 {
            current = word;
        } else if len + 1 + word.chars().count() <= max {
            current.push(' ');
            current.push_str(&word);
        } else {
            lines.push(std::mem::replace(&mut current, word));
        }
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

/// Widths of the lane picture, in its own units.
const LANE_LABEL: f64 = 170.0;
const BOX_WIDTH: f64 = 265.0;
const BOX_GAP: f64 = 12.0;
const PER_ROW: usize = 3;
/// Characters per line: the box's inner width at the widest average letter of the font.
const BOX_CHARS: usize = 28;
const LABEL_CHARS: usize = 18;

/// A cascade in time lanes, one band per period (what is hit already, within the hour, …), the
/// things in it as boxes with their full names wrapped over lines: nothing overlaps, whatever
/// the names. Empty lanes show a dash, so "nothing within the hour" reads as such.
pub fn cascade_lanes(
    id: &str,
    title: &str,
    desc: &str,
    lanes: &[(String, Vec<LaneBox>)],
) -> String {
    let width = LANE_LABEL + PER_ROW as f64 * (BOX_WIDTH + BOX_GAP) + BOX_GAP;
    let mut body = String::new();
    let mut y = 0.0;
    for (k, (label, boxes)) in lanes.iter().enumerate() {
        let top = y;
        let mut inner = String::new();
        let mut row_y = top + BOX_GAP;
        for row in boxes.chunks(PER_ROW) {
            let drawn: Vec<(Vec<String>, &LaneBox)> =
                row.iter().map(|b| (wrap(&b.label, BOX_CHARS), b)).collect();
            let height = drawn
                .iter()
                .map(|(lines, b)| box_height(lines.len(), !b.note.is_empty()))
                .fold(0.0, f64::max);
            for (j, (lines, b)) in drawn.iter().enumerate() {
                let x = LANE_LABEL + BOX_GAP + j as f64 * (BOX_WIDTH + BOX_GAP);
                lane_box(&mut inner, x, row_y, height, lines, b);
            }
            row_y += height + BOX_GAP;
        }
        if boxes.is_empty() {
            let _ = write!(
                inner,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"14\" fill=\"#4a4a4a\">—</text>",
                LANE_LABEL + BOX_GAP,
                top + 28.0
            );
            row_y = top + 44.0;
        }
        let label_lines = wrap(label, LABEL_CHARS);
        let bottom = row_y.max(top + 20.0 + 18.0 * label_lines.len() as f64);
        let fill = if k % 2 == 0 { "#f5f5f5" } else { "#fff" };
        let _ = write!(
            body,
            "<rect x=\"0\" y=\"{top:.1}\" width=\"{width:.1}\" height=\"{:.1}\" fill=\"{fill}\" stroke=\"#bbb\"/>",
            bottom - top
        );
        let _ = write!(
            body,
            "<text font-size=\"14\" font-weight=\"bold\" fill=\"#111\">"
        );
        for (i, line) in label_lines.iter().enumerate() {
            let _ = write!(
                body,
                "<tspan x=\"10\" y=\"{:.1}\">{}</tspan>",
                top + 26.0 + 18.0 * i as f64,
                escape(line)
            );
        }
        body.push_str("</text>");
        body.push_str(&inner);
        y = bottom;
    }
    let mut out = String::new();
    open(&mut out, width, y.max(1.0), id, title, desc);
    out.push_str(&body);
    out.push_str("</svg>");
    out
}

fn box_height(lines: usize, note: bool) -> f64 {
    14.0 + 17.0 * lines as f64 + if note { 17.0 } else { 0.0 }
}

fn lane_box(out: &mut String, x: f64, y: f64, height: f64, lines: &[String], b: &LaneBox) {
    let (fill, stroke) = match b.class {
        "failing" => ("#f4c7c3", "#a8201a"),
        "reached" => ("#fbdcc0", "#8a3d00"),
        _ => ("#ffe9a8", "#8a5d00"),
    };
    let _ = write!(
        out,
        "<g><rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{BOX_WIDTH:.1}\" height=\"{height:.1}\" rx=\"4\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\"/><text font-size=\"13\" fill=\"#111\">"
    );
    for (i, line) in lines.iter().enumerate() {
        let _ = write!(
            out,
            "<tspan x=\"{:.1}\" y=\"{:.1}\">{}</tspan>",
            x + 9.0,
            y + 20.0 + 17.0 * i as f64,
            escape(line)
        );
    }
    out.push_str("</text>");
    if !b.note.is_empty() {
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" font-style=\"italic\" fill=\"#333\">{}</text>",
            x + 9.0,
            y + 20.0 + 17.0 * lines.len() as f64,
            escape(&b.note)
        );
    }
    out.push_str("</g>");
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

    #[test]
    fn long_names_wrap_over_lines_and_keep_every_letter() {
        let name = "Uitkeringen en bijzondere bijstand aan inwoners in nood";
        let lines = wrap(name, 28);
        assert!(lines.len() > 1, "{lines:?}");
        assert!(lines.iter().all(|l| l.chars().count() <= 28), "{lines:?}");
        assert_eq!(lines.join(" "), name);
        assert_eq!(
            wrap("Zeerlangwoordzonderspatiesdatnietpast", 10).concat(),
            "Zeerlangwoordzonderspatiesdatnietpast"
        );
    }

    #[test]
    fn boxes_in_a_lane_stand_side_by_side_then_below_each_other() {
        let b = |label: &str| LaneBox {
            label: label.into(),
            note: "over 10 min".into(),
            class: "affected",
        };
        let svg = cascade_lanes(
            "c",
            "Cascade",
            "Uitleg",
            &[
                (
                    "Binnen 1 uur".into(),
                    vec![b("Een"), b("Twee"), b("Drie"), b("Vier")],
                ),
                ("Later".into(), vec![]),
            ],
        );
        // Four boxes: three on the first row, the fourth under the first.
        let xs: Vec<&str> = svg
            .match_indices("<rect x=\"")
            .map(|(i, _)| &svg[i + 9..i + 14])
            .collect();
        assert_eq!(
            xs.iter().filter(|x| x.starts_with("182")).count(),
            2,
            "{xs:?}"
        );
        assert!(svg.contains("Vier") && svg.contains("—"));
    }
}

/// One row of the recovery picture: a process or organisation, its statuses as stretches
/// (fractions of the period, 0 to 1), the moment it had to be back and the moment expected.
#[derive(Debug, Clone)]
pub struct RecoveryRow {
    pub label: String,
    /// (status code, from, to), as fractions of the period.
    pub stretches: Vec<(String, f64, f64)>,
    /// When it had to be back by its hold-out time.
    pub due: Option<f64>,
    /// When it was expected back.
    pub expected: Option<f64>,
}

const RECOVERY_LABEL: f64 = 230.0;
const RECOVERY_PLOT: f64 = 620.0;
const RECOVERY_ROW: f64 = 30.0;

fn status_fill(status: &str) -> &'static str {
    match status {
        "down" => "#c62828",
        "disrupted" | "threatened" => "#ef8a17",
        "workaround" => "#f2d15c",
        "restored" => "#7cb87f",
        "safe" => "#1b5e20",
        _ => "#d0d0d0",
    }
}

/// Processes restored over time: one bar per row, coloured by status, a red tick where its
/// hold-out time ran out and a diamond where it was expected back; `ticks` label the time axis
/// (fraction, text). The table beside it carries the same facts in words.
pub fn recovery_chart(
    id: &str,
    title: &str,
    desc: &str,
    rows: &[RecoveryRow],
    ticks: &[(f64, String)],
) -> String {
    let width = RECOVERY_LABEL + RECOVERY_PLOT + 20.0;
    let height = 30.0 + RECOVERY_ROW * rows.len().max(1) as f64 + 10.0;
    let x = |f: f64| RECOVERY_LABEL + f.clamp(0.0, 1.0) * RECOVERY_PLOT;
    let mut out = String::new();
    open(&mut out, width, height, id, title, desc);
    for (f, text) in ticks {
        let _ = write!(
            out,
            "<line x1=\"{0:.1}\" y1=\"22\" x2=\"{0:.1}\" y2=\"{1:.1}\" stroke=\"#ccc\"/><text x=\"{0:.1}\" y=\"16\" font-size=\"12\" text-anchor=\"middle\" fill=\"#333\">{2}</text>",
            x(*f),
            height - 10.0,
            escape(text)
        );
    }
    for (i, row) in rows.iter().enumerate() {
        let top = 30.0 + RECOVERY_ROW * i as f64;
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" text-anchor=\"end\" fill=\"#111\">{}</text>",
            RECOVERY_LABEL - 8.0,
            top + 15.0,
            escape(&short(&row.label, 30))
        );
        for (status, from, to) in &row.stretches {
            let _ = write!(
                out,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"16\" fill=\"{}\" stroke=\"#333\" stroke-width=\"0.5\"/>",
                x(*from),
                top + 3.0,
                (x(*to) - x(*from)).max(1.5),
                status_fill(status)
            );
        }
        if let Some(due) = row.due {
            let _ = write!(
                out,
                "<line x1=\"{0:.1}\" y1=\"{1:.1}\" x2=\"{0:.1}\" y2=\"{2:.1}\" stroke=\"#a8201a\" stroke-width=\"3\"/>",
                x(due),
                top,
                top + 22.0
            );
        }
        if let Some(e) = row.expected {
            let (cx, cy) = (x(e), top + 11.0);
            let _ = write!(
                out,
                "<path d=\"M{:.1},{:.1} L{:.1},{:.1} L{:.1},{:.1} L{:.1},{:.1} z\" fill=\"#fff\" stroke=\"#0b3d6e\" stroke-width=\"2\"/>",
                cx,
                cy - 7.0,
                cx + 7.0,
                cy,
                cx,
                cy + 7.0,
                cx - 7.0,
                cy
            );
        }
    }
    out.push_str("</svg>");
    out
}

/// The colours of the recovery picture, for its legend: (status code, fill).
pub fn recovery_legend() -> Vec<(&'static str, &'static str)> {
    ["down", "disrupted", "workaround", "restored", "safe"]
        .into_iter()
        .map(|s| (s, status_fill(s)))
        .collect()
}
