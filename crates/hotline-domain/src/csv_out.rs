//! The one way the hotline writes CSV (case exports, blocklist, statistics): RFC 4180 lines
//! ended by CRLF, and every cell defused against spreadsheet formulas by [`cell`]. Addresses,
//! host names and provider names come from strangers: a reported `http://=1+1/` has the host
//! `=1+1`, which a spreadsheet would run.

/// One CSV cell. A cell a spreadsheet would read as a formula (starting with `=`, `+`, `-`,
/// `@`, tab or CR) gets a leading `'`; a cell holding a comma, quote or line break is quoted.
pub fn cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// A CSV document from a header and rows, every cell through [`cell`].
pub fn document<R, C>(header: &[&str], rows: R) -> String
where
    R: IntoIterator<Item = C>,
    C: IntoIterator,
    C::Item: AsRef<str>,
{
    let mut out = String::new();
    push_line(&mut out, header.iter());
    for row in rows {
        push_line(&mut out, row);
    }
    out
}

fn push_line<I>(out: &mut String, fields: I)
where
    I: IntoIterator,
    I::Item: AsRef<str>,
{
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&cell(f.as_ref()));
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn quotes_and_defuses_formulas() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(cell("-1,2"), "\"'-1,2\"");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("\rx"), "\"'\rx\"");
        assert_eq!(
            document(&["a", "b"], [vec!["1", "x\ny"], vec!["=1+1", "@SUM(A1)"]]),
            "a,b\r\n1,\"x\ny\"\r\n'=1+1,'@SUM(A1)\r\n"
        );
    }

    proptest! {
        /// Whatever the text, no cell of the document starts with a formula character, quoted
        /// or not.
        #[test]
        fn no_cell_starts_a_formula(s in "[=+\\-@\t\r,\"a-z\n]{0,12}") {
            let c = cell(&s);
            let inner = c.strip_prefix('"').unwrap_or(&c);
            prop_assert!(!inner.starts_with(['=', '+', '-', '@', '\t', '\r']), "{:?}", c);
        }
    }
}
