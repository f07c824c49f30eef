//! How to import: the locale of text amounts, the default currency, and the safety limits.

use planfin_core::currency::Currency;
use planfin_messages::{Message, msg};

use crate::amount::Locale;

/// Options of [`crate::read_plan`] and [`crate::read_ledger`].
///
/// ```
/// use planfin_xlsx::{ImportOptions, Locale};
/// let options = ImportOptions { locale: Locale::DecimalComma, ..ImportOptions::default() };
/// assert_eq!(options.currency, None);
/// assert_eq!(options.limits.max_errors, 50);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOptions {
    /// How `1,000` and `1.000` are read in text amounts (refused while undeclared).
    pub locale: Locale,
    /// The currency of ledger amounts when neither a `Devise` column, nor the amount's text, nor
    /// the amount's header (`Montant (EUR)`) names one: the plan's currency when the journal
    /// is read with its plan. `None` (the default): such an amount is refused, naming its cell.
    pub currency: Option<Currency>,
    /// The name of the file in messages; by default, the path as given.
    pub display_name: Option<String>,
    /// Safety limits.
    pub limits: Limits,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            locale: Locale::Undeclared,
            currency: None,
            display_name: None,
            limits: Limits::default(),
        }
    }
}

/// Limits that keep a hostile or broken file from exhausting time or memory. The defaults
/// accept a 1,000,000-row ledger.
///
/// ```
/// let limits = planfin_xlsx::Limits { max_cells: 1_000, ..Default::default() };
/// assert!(limits.max_file_bytes > 0);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest file on disk.
    pub max_file_bytes: u64,
    /// Most entries in a zip container.
    pub max_zip_entries: u64,
    /// Largest declared uncompressed size of one zip entry (a worksheet is streamed, but one
    /// text cell is held whole; a 1,000,000-row ledger sheet is about 0.3 GB).
    pub max_entry_bytes: u64,
    /// Largest declared uncompressed size of `sharedStrings.xml` (held in memory).
    pub max_shared_strings_bytes: u64,
    /// Largest declared uncompressed size of all entries together.
    pub max_total_bytes: u64,
    /// Highest compression ratio of an entry above 1 MiB (deflate tops out near 1032:1; real
    /// worksheets stay well under 100:1).
    pub max_ratio: u64,
    /// Most non-empty cells read in one sheet.
    pub max_cells: u64,
    /// Most cells of the rectangle an xls or ods sheet spans (calamine builds it whole, about
    /// 32 bytes a cell), checked before opening: for ods with repeated rows and columns
    /// expanded; for xls over all sheets together (calamine builds them all when it opens the
    /// file), with the room their `DIMENSIONS` records make calamine reserve.
    pub max_range_cells: u64,
    /// Most characters in one text cell (Excel's own limit is 32,767).
    pub max_text_chars: usize,
    /// Most cell errors kept (all are counted).
    pub max_errors: usize,
}

impl Limits {
    /// The names of the limits, as [`Limits::set`] takes them (`planfin --limit NAME=N`,
    /// `limits={"NAME": N}` in Python).
    pub const NAMES: [&'static str; 10] = [
        "max_file_bytes",
        "max_zip_entries",
        "max_entry_bytes",
        "max_shared_strings_bytes",
        "max_total_bytes",
        "max_ratio",
        "max_cells",
        "max_range_cells",
        "max_text_chars",
        "max_errors",
    ];

    /// Sets the limit called `name` (one of [`Limits::NAMES`]) to `value`; an unknown name is
    /// the message `import-limit-unknown`.
    ///
    /// ```
    /// use planfin_messages::Lang;
    /// let mut limits = planfin_xlsx::Limits::default();
    /// limits.set("max_range_cells", 20_000_000)?;
    /// assert_eq!(limits.max_range_cells, 20_000_000);
    /// let e = limits.set("max_rows", 1).err().map(|m| m.render(Lang::Fr)).unwrap_or_default();
    /// assert!(e.starts_with("«\u{a0}max_rows\u{a0}» n'est pas une limite\u{a0}: les limites sont max_file_bytes, "));
    /// # Ok::<(), planfin_messages::Message>(())
    /// ```
    pub fn set(&mut self, name: &str, value: u64) -> Result<(), Message> {
        let size = || {
            usize::try_from(value).map_err(|_| {
                msg!(
                    "import-limit-too-large",
                    value = value.to_string(),
                    name = name
                )
            })
        };
        match name {
            "max_file_bytes" => self.max_file_bytes = value,
            "max_zip_entries" => self.max_zip_entries = value,
            "max_entry_bytes" => self.max_entry_bytes = value,
            "max_shared_strings_bytes" => self.max_shared_strings_bytes = value,
            "max_total_bytes" => self.max_total_bytes = value,
            "max_ratio" => self.max_ratio = value,
            "max_cells" => self.max_cells = value,
            "max_range_cells" => self.max_range_cells = value,
            "max_text_chars" => self.max_text_chars = size()?,
            "max_errors" => self.max_errors = size()?,
            _ => {
                return Err(msg!(
                    "import-limit-unknown",
                    name = name,
                    names = Limits::NAMES.join(", ")
                ));
            }
        }
        Ok(())
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 1 << 30,
            max_zip_entries: 10_000,
            max_entry_bytes: 1 << 30,
            max_shared_strings_bytes: 512 << 20,
            max_total_bytes: 4 << 30,
            max_ratio: 200,
            max_cells: 50_000_000,
            max_range_cells: 5_000_000,
            max_text_chars: 32_767,
            max_errors: 50,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_limit_can_be_set() {
        for (i, name) in Limits::NAMES.iter().enumerate() {
            let mut limits = Limits::default();
            assert_eq!(limits.set(name, 1000 + i as u64), Ok(()), "{name}");
            assert_ne!(limits, Limits::default(), "{name} changed nothing");
        }
    }
}
