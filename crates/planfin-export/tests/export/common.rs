//! Reading exported workbooks back with calamine, independently of the writer.

use std::path::Path;

use calamine::{Data, Range, Reader, Xlsx, open_workbook};
use rust_decimal::Decimal;

/// A workbook read back: cached values and formulas of each sheet.
pub struct Back {
    pub sheets: Vec<String>,
    values: Vec<Range<Data>>,
    formulas: Vec<Range<String>>,
}

impl Back {
    pub fn open(path: &Path) -> Back {
        let mut wb: Xlsx<_> = open_workbook(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        let sheets = wb.sheet_names();
        let values = sheets
            .iter()
            .map(|s| wb.worksheet_range(s).unwrap_or_else(|e| panic!("{s}: {e}")))
            .collect();
        let formulas = sheets
            .iter()
            .map(|s| {
                wb.worksheet_formula(s)
                    .unwrap_or_else(|e| panic!("{s}: {e}"))
            })
            .collect();
        Back {
            sheets,
            values,
            formulas,
        }
    }

    fn index(&self, sheet: &str) -> usize {
        self.sheets
            .iter()
            .position(|s| s == sheet)
            .unwrap_or_else(|| panic!("no sheet {sheet} in {:?}", self.sheets))
    }

    pub fn value(&self, sheet: &str, row: u32, col: u32) -> Data {
        self.values[self.index(sheet)]
            .get_value((row, col))
            .cloned()
            .unwrap_or(Data::Empty)
    }

    pub fn formula(&self, sheet: &str, row: u32, col: u32) -> String {
        self.formulas[self.index(sheet)]
            .get_value((row, col))
            .cloned()
            .unwrap_or_default()
    }

    /// Every non-empty formula of a sheet.
    pub fn all_formulas(&self, sheet: &str) -> Vec<String> {
        let r = &self.formulas[self.index(sheet)];
        r.rows()
            .flat_map(|row| row.iter().cloned())
            .filter(|f| !f.is_empty())
            .collect()
    }

    /// The row whose column A holds `text`.
    pub fn row_of(&self, sheet: &str, text: &str) -> u32 {
        let r = &self.values[self.index(sheet)];
        let (start, _) = r.start().unwrap_or((0, 0));
        let (end, _) = r.end().unwrap_or((0, 0));
        (start..=end)
            .find(|row| matches!(self.value(sheet, *row, 0), Data::String(s) if s == text))
            .unwrap_or_else(|| panic!("no row {text:?} in {sheet}"))
    }
}

/// The decimal a numeric cell shows: its f64 printed in the shortest form that reads back
/// (as Excel and LibreOffice print it).
pub fn decimal(d: &Data) -> Option<Decimal> {
    match d {
        Data::Float(f) => f.to_string().parse().ok(),
        Data::Int(i) => Some(Decimal::from(*i)),
        _ => None,
    }
}

/// Parses a JSON decimal string (`"206850000"`).
pub fn dec(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|e| panic!("{s:?}: {e}"))
}

/// Skips a test that needs an external tool, saying so; with `PLANFIN_REQUIRE_CLIENTS` set (as
/// `.ci/run` does, after installing LibreOffice and openpyxl), a missing tool fails the test.
pub fn skip(why: &str) {
    if std::env::var_os("PLANFIN_REQUIRE_CLIENTS").is_some() {
        panic!("{why}, and PLANFIN_REQUIRE_CLIENTS is set: install it (see .ci/run)");
    }
    eprintln!("SKIPPED: {why}");
}
