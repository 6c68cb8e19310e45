//! Bar charts as SVG, drawn on the server with an askama template (so every label is
//! escaped) and put inline in the page: no script, no image request, nothing the strict
//! content security policy would block. Each chart stands beside a table of its figures.

use askama::Template;

use crate::WebError;

/// Where bars start, how wide they may grow, and the height of a row, in SVG units.
const LABEL_WIDTH: u32 = 190;
const BAR_SPACE: u32 = 300;
const ROW: u32 = 24;
const WIDTH: u32 = LABEL_WIDTH + BAR_SPACE + 110;
/// Labels longer than this are cut in the chart (the table beside it has them whole).
const LABEL_CHARS: usize = 26;

/// One bar: a label, the length of its main bar and, optionally, of a lighter bar behind
/// it (a p90 behind a median), and the text written after it.
#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    pub y: u32,
    pub text_y: u32,
    pub width: u32,
    pub back: Option<u32>,
    pub text: String,
    pub text_x: u32,
}

/// A horizontal bar chart.
#[derive(Template)]
#[template(path = "chart.html")]
pub struct BarChart {
    pub title: String,
    pub width: u32,
    pub height: u32,
    pub label_width: u32,
    pub bars: Vec<Bar>,
}

fn clip(s: &str) -> String {
    if s.chars().count() > LABEL_CHARS {
        let mut out: String = s.chars().take(LABEL_CHARS - 1).collect();
        out.push('…');
        out
    } else {
        s.to_owned()
    }
}

fn scale(v: f64, max: f64) -> u32 {
    if max <= 0.0 || v <= 0.0 {
        0
    } else {
        // At least one unit, so a small non-zero value stays visible.
        ((v / max * f64::from(BAR_SPACE)).round() as u32).clamp(1, BAR_SPACE)
    }
}

impl BarChart {
    /// A chart of `(label, value, text)` rows, bars scaled to the largest value.
    pub fn new(title: &str, rows: &[(String, f64, String)]) -> BarChart {
        let max = rows.iter().map(|r| r.1).fold(0.0, f64::max);
        Self::build(
            title,
            rows.iter()
                .map(|(l, v, t)| (l.clone(), scale(*v, max), None, t.clone()))
                .collect(),
        )
    }

    /// A chart of `(label, front, back, text)` rows: a dark bar (e.g. the median) over a
    /// light one (the p90), both scaled to the largest back value.
    pub fn paired(title: &str, rows: &[(String, f64, f64, String)]) -> BarChart {
        let max = rows.iter().map(|r| r.2.max(r.1)).fold(0.0, f64::max);
        Self::build(
            title,
            rows.iter()
                .map(|(l, f, b, t)| (l.clone(), scale(*f, max), Some(scale(*b, max)), t.clone()))
                .collect(),
        )
    }

    fn build(title: &str, rows: Vec<(String, u32, Option<u32>, String)>) -> BarChart {
        let bars: Vec<Bar> = rows
            .into_iter()
            .enumerate()
            .map(|(i, (label, width, back, text))| {
                let y = i as u32 * ROW + 4;
                Bar {
                    label: clip(&label),
                    y,
                    text_y: y + 15,
                    text_x: LABEL_WIDTH + width.max(back.unwrap_or(0)) + 6,
                    width,
                    back,
                    text,
                }
            })
            .collect();
        BarChart {
            title: title.to_owned(),
            width: WIDTH,
            height: (bars.len() as u32).max(1) * ROW + 8,
            label_width: LABEL_WIDTH,
            bars,
        }
    }

    /// The SVG element, to put in a page with `|safe`.
    pub fn svg(&self) -> Result<String, WebError> {
        self.render().map_err(|e| WebError::internal(&e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped_and_bars_scaled() {
        let chart = BarChart::new(
            "Cases <by> provider",
            &[
                ("<script>alert(1)</script>".into(), 10.0, "10".into()),
                ("b".into(), 5.0, "5".into()),
                ("zero".into(), 0.0, "0".into()),
            ],
        );
        let svg = chart.svg().unwrap();
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(svg.contains("&#60;script&#62;"), "{svg}");
        assert!(
            svg.contains("aria-label=\"Cases &#60;by&#62; provider\""),
            "{svg}"
        );
        assert!(svg.contains("width=\"300\""), "{svg}");
        assert!(svg.contains("width=\"150\""), "{svg}");
        assert!(
            !svg.contains("style="),
            "inline styles would break the CSP: {svg}"
        );
        let paired = BarChart::paired("legs", &[("a".into(), 1.0, 4.0, "x".into())])
            .svg()
            .unwrap();
        assert!(
            paired.contains("width=\"75\"") && paired.contains("width=\"300\""),
            "{paired}"
        );
    }
}
