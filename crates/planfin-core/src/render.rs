//! Rendering of reports as text: an aligned terminal table, CSV (RFC 4180) and Markdown.
//!
//! Every report turns itself into one or more [`Table`]s; the renderers here know nothing of
//! budgets. Rendering produces strings: printing and writing files is the caller's job.

use rust_decimal::Decimal;

use crate::money::group_thousands;
use crate::plan::Lang;
use crate::words::{cut, width};

/// A cell of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Text, written as is (neutralised in CSV if it looks like a formula).
    Text(String),
    /// An amount in the table's currency.
    Amount(Decimal),
    /// A ratio (0.4231 = 42.31 %), or none.
    Rate(Option<Decimal>),
    /// A row's flags by their stable codes (`over_budget`): the codes for machines (CSV), their
    /// labels in the table's language for people (`dépassement, ligne inconnue`).
    Flags(Vec<&'static str>),
    /// A count (days), not money.
    Count(i64),
}

/// `rate x 100` to two decimals, half away from zero, as text with a `.` decimal mark: the
/// decimal point moved two places, so that no rate, however large, overflows.
///
/// ```
/// # use planfin_core::{render::percent, Decimal};
/// assert_eq!(percent(Decimal::new(6869, 4)), "68.69");
/// assert_eq!(percent(Decimal::new(68685, 5)), "68.69");
/// assert_eq!(percent(Decimal::new(3000, 4)), "30.00");
/// assert_eq!(percent(Decimal::new(0, 4)), "0");
/// assert_eq!(percent(Decimal::new(-5, 1)), "-50");
/// assert_eq!(percent(Decimal::MAX), "7922816251426433759354395033500");
/// ```
pub fn percent(rate: Decimal) -> String {
    if rate.is_zero() {
        return "0".to_string();
    }
    match rate.scale().checked_sub(2) {
        Some(scale) => Decimal::from_i128_with_scale(rate.mantissa(), scale)
            .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
            .to_string(),
        None => {
            let zeros = "0".repeat(2usize.saturating_sub(rate.scale() as usize));
            format!("{}{zeros}", rate.mantissa())
        }
    }
}

impl Cell {
    /// The cell as a machine-readable string: amounts and rates as plain decimals.
    pub fn plain(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Amount(a) => a.to_string(),
            Cell::Rate(r) => r.map(|r| r.to_string()).unwrap_or_default(),
            Cell::Flags(codes) => codes.join(" "),
            Cell::Count(n) => n.to_string(),
        }
    }

    /// The cell for people: thousands separators, rates as percentages.
    pub fn human(&self, lang: Lang) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Amount(a) => group_thousands(*a, thousands_separator(lang)),
            Cell::Rate(Some(r)) => {
                let pct = percent(*r);
                match lang {
                    Lang::Fr => format!("{} %", pct.to_string().replace('.', ",")),
                    Lang::En => format!("{pct}%"),
                }
            }
            Cell::Rate(None) => "-".to_string(),
            Cell::Flags(codes) => {
                let labels: Vec<&str> = codes.iter().map(|c| flag_label(c, lang)).collect();
                labels.join(", ")
            }
            Cell::Count(n) => planfin_messages::format_count(*n, lang),
        }
    }

    fn is_numeric(&self) -> bool {
        matches!(self, Cell::Amount(_) | Cell::Rate(_) | Cell::Count(_))
    }
}

/// The label of the flag `code` in `lang` (the catalog's `flag-<code>`), or the code itself.
///
/// ```
/// use planfin_core::{plan::Lang, render::flag_label};
/// assert_eq!(flag_label("over_budget", Lang::Fr), "dépassement");
/// assert_eq!(flag_label("over_budget", Lang::En), "over budget");
/// ```
pub fn flag_label(code: &str, lang: Lang) -> &str {
    planfin_messages::text(&format!("flag-{code}"), lang).unwrap_or(code)
}

/// The thousands separator of `lang` in human output (a space in French, a comma in English).
pub fn thousands_separator(lang: Lang) -> char {
    match lang {
        Lang::Fr => ' ',
        Lang::En => ',',
    }
}

/// How a derived column is computed from the other columns of its row, named by their keys:
/// what a workbook writes as a live formula. The reports declare it with the column
/// (`report/columns.rs`); writers read it, never restate it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Formula {
    /// The sum of the columns, each times its sign (1 or -1).
    Sum(&'static [(i8, &'static str)]),
    /// The first column divided by the second (a rate); empty when the second is zero.
    Ratio(&'static str, &'static str),
}

/// A column of a [`Table`]: its stable key (JSON and CSV), its formula if it is derived, and
/// whether a negative value calls for attention (a variance, what is available).
///
/// ```
/// use planfin_core::render::Column;
/// assert_eq!(Column::plain("label").key, "label");
/// assert!(Column::plain("label").formula.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The stable key.
    pub key: String,
    /// How it is computed from the row's other columns, if it is.
    pub formula: Option<Formula>,
    /// Whether a negative value is shown as an alert.
    pub alert_negative: bool,
}

impl Column {
    /// A column that is neither derived nor watched.
    pub fn plain(key: impl Into<String>) -> Column {
        Column {
            key: key.into(),
            formula: None,
            alert_negative: false,
        }
    }
}

/// A titled table: columns (stable keys, for CSV; formulas), headers (for people), rows and an
/// optional totals row, and notes printed under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Title, in the table's language.
    pub title: String,
    /// Language of headers and numbers for people.
    pub lang: Lang,
    /// The columns, in order.
    pub columns: Vec<Column>,
    /// Column headers for people.
    pub headers: Vec<String>,
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
    /// The totals row, if any.
    pub totals: Option<Vec<Cell>>,
    /// Lines printed under the table (currency, sign convention, findings).
    pub notes: Vec<String>,
}

impl Table {
    /// The stable keys of the columns (the CSV header).
    pub fn keys(&self) -> Vec<&str> {
        self.columns.iter().map(|c| c.key.as_str()).collect()
    }
}

fn all_rows(table: &Table) -> impl Iterator<Item = &Vec<Cell>> {
    table.rows.iter().chain(table.totals.iter())
}

/// An aligned plain-text table for the terminal.
///
/// ```
/// use planfin_core::{plan::Lang, render::{text_table, Cell, Column, Table}, Decimal};
/// let t = Table {
///     title: "Demo".into(), lang: Lang::En,
///     columns: vec![Column::plain("key"), Column::plain("paid")], headers: vec!["Code".into(), "Paid".into()],
///     rows: vec![vec![Cell::Text("OS1".into()), Cell::Amount(Decimal::from(1_250_000))]],
///     totals: None, notes: vec![],
/// };
/// assert_eq!(text_table(&t), "Demo\n\nCode        Paid\n----   ---------\nOS1    1,250,000\n");
/// ```
pub fn text_table(table: &Table) -> String {
    text_table_with_width(table, TEXT_CELL_WIDTH)
}

/// The widest a text cell of [`text_table`] gets before it is cut with `…`.
pub const TEXT_CELL_WIDTH: usize = 48;

/// [`text_table`] with text cells cut at `max_text` terminal columns.
pub fn text_table_with_width(table: &Table, max_text: usize) -> String {
    let fit = |s: String| cut(&s.replace(['\n', '\r'], " "), max_text);
    let cells: Vec<Vec<(String, bool)>> = std::iter::once(
        table
            .headers
            .iter()
            .enumerate()
            .map(|(i, h)| (h.clone(), numeric_column(table, i)))
            .collect(),
    )
    .chain(all_rows(table).map(|r| {
        r.iter()
            .map(|c| (fit(c.human(table.lang)), c.is_numeric()))
            .collect()
    }))
    .collect();
    let ncols = table.headers.len();
    let widths: Vec<usize> = (0..ncols)
        .map(|i| {
            cells
                .iter()
                .filter_map(|r| r.get(i))
                .map(|(s, _)| width(s))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = format!("{}\n\n", table.title);
    let rule: String = widths
        .iter()
        .map(|w| "-".repeat(*w))
        .collect::<Vec<_>>()
        .join("   ");
    for (n, row) in cells.iter().enumerate() {
        let last = n.checked_add(1) == Some(cells.len());
        if n == 1 || (table.totals.is_some() && last) {
            out.push_str(&rule);
            out.push('\n');
        }
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|((s, numeric), w)| {
                let pad = w.saturating_sub(width(s));
                if *numeric {
                    format!("{}{s}", " ".repeat(pad))
                } else {
                    format!("{s}{}", " ".repeat(pad))
                }
            })
            .collect();
        out.push_str(line.join("   ").trim_end());
        out.push('\n');
    }
    for note in &table.notes {
        out.push_str(note);
        out.push('\n');
    }
    out
}

fn numeric_column(table: &Table, i: usize) -> bool {
    all_rows(table)
        .next()
        .and_then(|r| r.get(i))
        .is_some_and(Cell::is_numeric)
}

/// Whether `text` would be read as a formula by a spreadsheet.
pub fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// CSV per RFC 4180: CRLF line ends, fields quoted when needed, stable keys as header, plain
/// decimals; text that a spreadsheet would take for a formula is prefixed with `'`. With
/// `bom`, a UTF-8 byte order mark for Excel. Notes are not included.
///
/// ```
/// use planfin_core::{plan::Lang, render::{csv, Cell, Column, Table}, Decimal};
/// let t = Table {
///     title: "Demo".into(), lang: Lang::En,
///     columns: vec![Column::plain("label"), Column::plain("paid")], headers: vec!["Label".into(), "Paid".into()],
///     rows: vec![vec![Cell::Text("=HYPERLINK(\"x\")".into()), Cell::Amount(Decimal::from(-5))]],
///     totals: None, notes: vec![],
/// };
/// assert_eq!(csv(&t, false), "label,paid\r\n\"'=HYPERLINK(\"\"x\"\")\",-5\r\n");
/// ```
pub fn csv(table: &Table, bom: bool) -> String {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Vec::new());
    // Records of any length go to memory: writing them cannot fail.
    let _ = out.write_record(table.keys());
    for row in all_rows(table) {
        let fields = row.iter().map(|c| match c {
            Cell::Text(t) if looks_like_formula(t) => format!("'{t}"),
            c => c.plain(),
        });
        let _ = out.write_record(fields);
    }
    let text = String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default();
    if bom { format!("\u{feff}{text}") } else { text }
}

fn md_escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// A Markdown (GitHub) table with a title, right-aligned numbers, bold totals and the notes.
///
/// ```
/// use planfin_core::{plan::Lang, render::{markdown, Cell, Column, Table}, Decimal};
/// let t = Table {
///     title: "Demo".into(), lang: Lang::Fr,
///     columns: vec![Column::plain("key"), Column::plain("paid")], headers: vec!["Code".into(), "Payé".into()],
///     rows: vec![vec![Cell::Text("OS1".into()), Cell::Amount(Decimal::from(1_250_000))]],
///     totals: None, notes: vec![],
/// };
/// assert!(markdown(&t).contains("| OS1 | 1 250 000 |"));
/// ```
pub fn markdown(table: &Table) -> String {
    let mut out = format!("## {}\n\n", md_escape(&table.title));
    let headers: Vec<String> = table.headers.iter().map(|h| md_escape(h)).collect();
    out.push_str(&format!("| {} |\n", headers.join(" | ")));
    let aligns: Vec<&str> = (0..table.headers.len())
        .map(|i| {
            if numeric_column(table, i) {
                "---:"
            } else {
                "---"
            }
        })
        .collect();
    out.push_str(&format!("| {} |\n", aligns.join(" | ")));
    for row in &table.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| md_escape(&c.human(table.lang)))
            .collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    if let Some(totals) = &table.totals {
        let cells: Vec<String> = totals
            .iter()
            .map(|c| match md_escape(&c.human(table.lang)) {
                s if s.is_empty() => s,
                s => format!("**{s}**"),
            })
            .collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    if !table.notes.is_empty() {
        out.push('\n');
        for note in &table.notes {
            out.push_str(&format!("{}\n", md_escape(note)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            title: "T".into(),
            lang: Lang::En,
            columns: ["key", "label", "paid", "execution_rate"]
                .map(Column::plain)
                .to_vec(),
            headers: vec!["Code".into(), "Label".into(), "Paid".into(), "Rate".into()],
            rows: vec![
                vec![
                    Cell::Text("A".into()),
                    Cell::Text("a, \"quoted\"\nlabel".into()),
                    Cell::Amount(Decimal::new(-123456, 2)),
                    Cell::Rate(Some(Decimal::new(4231, 4))),
                ],
                vec![
                    Cell::Text("+33 6 12".into()),
                    Cell::Text("@SUM(A1)".into()),
                    Cell::Amount(Decimal::ZERO),
                    Cell::Rate(None),
                ],
            ],
            totals: Some(vec![
                Cell::Text("TOTAL".into()),
                Cell::Text(String::new()),
                Cell::Amount(Decimal::new(-123456, 2)),
                Cell::Rate(None),
            ]),
            notes: vec!["note | pipe".into()],
        }
    }

    #[test]
    fn csv_quotes_and_neutralises_per_rfc_4180() {
        let expected = "key,label,paid,execution_rate\r\n\
                        A,\"a, \"\"quoted\"\"\nlabel\",-1234.56,0.4231\r\n\
                        '+33 6 12,'@SUM(A1),0,\r\n\
                        TOTAL,,-1234.56,\r\n";
        assert_eq!(csv(&table(), false), expected);
        assert!(csv(&table(), true).starts_with("\u{feff}key,"));
    }

    #[test]
    fn text_table_aligns_numbers_right() {
        let text = text_table(&table());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "T");
        let width = |l: &str| l.chars().count();
        // Every amount column ends at the same place: the rows with a rate are equally long.
        assert_eq!(lines[4].len(), lines[5].len());
        assert_eq!(width(lines[4]), width(lines[7]));
        assert!(lines[7].starts_with("TOTAL"));
        assert!(text.contains("-1,234.56"));
        assert!(text.contains("42.31%"));
    }

    #[test]
    fn wide_and_combining_characters_keep_the_columns_aligned() {
        let mut t = table();
        t.rows[0][1] = Cell::Text("予算 E\u{301}cart".into());
        let text = text_table(&t);
        let lines: Vec<&str> = text.lines().collect();
        // The amount columns end at the same terminal column on every row.
        assert_eq!(width(lines[4]), width(lines[5]), "{text}");
        assert_eq!(width(lines[4]), width(lines[7]), "{text}");
    }

    #[test]
    fn markdown_escapes_pipes_and_bolds_totals() {
        let md = markdown(&table());
        assert!(md.contains("| Code | Label | Paid | Rate |\n| --- | --- | ---: | ---: |\n"));
        assert!(md.contains("| **TOTAL** |  | **-1,234.56** | **-** |"));
        assert!(md.contains("note \\| pipe"));
        assert!(md.contains("a, \"quoted\" label"));
    }

    #[test]
    fn french_numbers() {
        assert_eq!(
            Cell::Amount(Decimal::from(206_850_000)).human(Lang::Fr),
            "206 850 000"
        );
        assert_eq!(
            Cell::Rate(Some(Decimal::new(4231, 4))).human(Lang::Fr),
            "42,31 %"
        );
    }
}
