//! Reading back the workbooks planfin writes, with calamine: cached values and formulas.

use std::path::Path;

use calamine::{Data, Range, Reader, Xlsx, open_workbook};
use rust_decimal::Decimal;

/// A sheet of a workbook: its cached values and its formulas, by absolute position.
pub struct Sheet {
    pub values: Range<Data>,
    pub formulas: Range<String>,
}

/// Every sheet name of the xlsx at `path`.
pub fn sheet_names(path: &Path) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let wb: Xlsx<_> = open_workbook(path)?;
    Ok(wb.sheet_names())
}

/// One sheet of the xlsx at `path`.
pub fn sheet(path: &Path, name: &str) -> Result<Sheet, Box<dyn std::error::Error>> {
    let mut wb: Xlsx<_> = open_workbook(path)?;
    let values = wb.worksheet_range(name)?;
    let formulas = wb.worksheet_formula(name)?;
    Ok(Sheet { values, formulas })
}

impl Sheet {
    /// The cell's value as text (strings as they are, numbers in their shortest form).
    pub fn text(&self, row: u32, col: u32) -> String {
        match self.values.get_value((row, col)) {
            Some(Data::String(s)) => s.clone(),
            Some(Data::Float(f)) => f.to_string(),
            Some(Data::Int(i)) => i.to_string(),
            Some(Data::Empty) | None => String::new(),
            Some(other) => other.to_string(),
        }
    }

    /// The cell's cached number as an exact decimal (the f64's shortest decimal form).
    pub fn number(&self, row: u32, col: u32) -> Result<Decimal, Box<dyn std::error::Error>> {
        match self.values.get_value((row, col)) {
            Some(Data::Float(f)) => Ok(f.to_string().parse()?),
            Some(Data::Int(i)) => Ok(Decimal::from(*i)),
            other => Err(format!("cell ({row}, {col}) holds {other:?}, not a number").into()),
        }
    }

    /// The cell's formula (without `=`), empty when it holds none.
    pub fn formula(&self, row: u32, col: u32) -> String {
        self.formulas
            .get_value((row, col))
            .cloned()
            .unwrap_or_default()
    }

    /// Every non-empty formula of the sheet.
    pub fn all_formulas(&self) -> Vec<String> {
        self.formulas
            .used_cells()
            .map(|(_, _, f)| f.clone())
            .filter(|f| !f.is_empty())
            .collect()
    }

    /// The absolute row whose first column holds `text`.
    pub fn row_of(&self, text: &str) -> Option<u32> {
        let (r0, _) = self.values.start()?;
        let (r1, _) = self.values.end()?;
        (r0..=r1).find(|&r| self.text(r, 0) == text)
    }

    /// Every string cell of the sheet.
    pub fn strings(&self) -> Vec<String> {
        self.values
            .used_cells()
            .filter_map(|(_, _, v)| match v {
                Data::String(s) => Some(s.clone()),
                _ => None,
            })
            .collect()
    }
}
