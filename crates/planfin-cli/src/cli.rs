//! The command line's shape: clap types only, no behaviour.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use planfin_core::plan::Lang;
use planfin_core::report::Grouping;
use planfin_messages::msg;
use rust_decimal::Decimal;

use crate::lang::say;

/// Budget plans and expenditure ledgers: variance reports and validation.
///
/// With no option, `planfin report` prints the variance by objective of the embedded CNLTP plan
/// (Mali, 2018-2019, ceiling 206,850,000 XOF) against its illustrative sample ledger.
#[derive(Debug, Parser)]
#[command(name = "planfin", version, about, long_about)]
pub struct Cli {
    /// Language of everything planfin prints and writes (labels, findings, errors); default:
    /// PLANFIN_LANG, then the locale (LANG, LC_MESSAGES), then French.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Variance of the revised budget against committed and paid spending.
    Report(ReportArgs),
    /// The progress report (rapport d'étape): execution to a cut-off date, burn rate and the
    /// spend projected to the end of the plan at that pace.
    Progress(ProgressArgs),
    /// The final report (rapport final): the whole period, the reconciliation of ceiling,
    /// amendments and spend, every finding.
    Final(FinalArgs),
    /// Check plan and ledger files and print every finding with its location.
    Validate(ValidateArgs),
    /// Convert a plan or a ledger between a workbook, JSON, Parquet and Arrow IPC (by the files'
    /// extensions).
    Convert(ConvertArgs),
    /// Write an empty plan or ledger workbook to fill in, with drop-down lists.
    Template(TemplateArgs),
}

/// Where the plan and the ledgers come from.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// The plan: a workbook (.xlsx, .xlsm, .xlsb, .xls, .ods), JSON, Parquet (.parquet) or
    /// Arrow IPC (.arrow); default: the embedded CNLTP plan.
    #[arg(long, value_name = "FILE")]
    pub plan: Option<PathBuf>,
    /// An expenditure ledger (workbook, JSON, Parquet or Arrow IPC); repeat for several journals (a voucher present
    /// in two files is counted once). Default: the embedded sample ledger when no --plan is
    /// given, else none.
    #[arg(long, value_name = "FILE")]
    pub ledger: Vec<PathBuf>,
    /// How workbooks are read.
    #[command(flatten)]
    pub read: ReadArgs,
}

/// How workbooks are read: the options of every command that reads files.
#[derive(Debug, Clone, Default, Args)]
pub struct ReadArgs {
    /// How text amounts such as `1,000` or `1.000` in workbooks are read (refused as ambiguous
    /// unless this is given).
    #[arg(long, value_enum, value_name = "MARK")]
    pub decimal_mark: Option<DecimalMark>,
    /// Set a safety limit of the workbook reader, for a genuine workbook refused as too large,
    /// e.g. `--limit max_range_cells=20000000`; repeatable. The limits: max_file_bytes,
    /// max_zip_entries, max_entry_bytes, max_shared_strings_bytes, max_total_bytes, max_ratio,
    /// max_cells, max_range_cells, max_text_chars, max_errors.
    #[arg(long = "limit", value_name = "NAME=N", value_parser = parse_limit)]
    pub limits: Vec<(String, u64)>,
}

/// `NAME=N`, NAME one of the reader's limits.
fn parse_limit(text: &str) -> Result<(String, u64), String> {
    let (name, value) = text
        .split_once('=')
        .ok_or_else(|| say(msg!("cli-bad-limit", value = text)))?;
    let value: u64 = value
        .trim()
        .replace('_', "")
        .parse()
        .map_err(|_| say(msg!("cli-bad-whole-number", value = value)))?;
    planfin_xlsx::Limits::default()
        .set(name.trim(), value)
        .map_err(say)?;
    Ok((name.trim().to_string(), value))
}

/// Where and how a report is written.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format (xlsx needs --out).
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Write to this file (atomically) instead of the terminal.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// With --format csv: start with a UTF-8 byte order mark, for Excel.
    #[arg(long)]
    pub bom: bool,
}

/// The thresholds of the reports' flags and findings.
#[derive(Debug, Args)]
pub struct Thresholds {
    /// Flag rows whose |variance| exceeds this percentage of the revised budget.
    #[arg(long, value_name = "PCT", value_parser = parse_percent)]
    pub tolerance: Option<Decimal>,
    /// An open commitment engaged more than this many days before the cut-off is a
    /// stale_commitment finding.
    #[arg(long, value_name = "N", default_value_t = 90)]
    pub stale_days: u32,
}

/// Options of `planfin report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The inputs.
    #[command(flatten)]
    pub input: InputArgs,
    /// Leave out amendments and expenditures dated after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    /// One row per objective, budget line, funding source or period (year).
    #[arg(long, value_enum, default_value_t = By::Objective)]
    pub by: By,
    /// What the findings flag.
    #[command(flatten)]
    pub thresholds: Thresholds,
    /// The output.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Options of `planfin progress`.
#[derive(Debug, Args)]
pub struct ProgressArgs {
    /// The inputs.
    #[command(flatten)]
    pub input: InputArgs,
    /// The cut-off date (YYYY-MM-DD): amendments and expenditures dated after it are left out.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: NaiveDate,
    /// What the findings flag.
    #[command(flatten)]
    pub thresholds: Thresholds,
    /// The output.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Options of `planfin final`.
#[derive(Debug, Args)]
pub struct FinalArgs {
    /// The inputs.
    #[command(flatten)]
    pub input: InputArgs,
    /// What the findings flag.
    #[command(flatten)]
    pub thresholds: Thresholds,
    /// The output.
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Options of `planfin validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Plan and ledger files (workbooks or JSON); which is which is read from their content.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Check the ledgers against this plan (default: the plan among FILE, if there is one).
    #[arg(long, value_name = "FILE")]
    pub plan: Option<PathBuf>,
    /// How workbooks are read.
    #[command(flatten)]
    pub read: ReadArgs,
}

/// Options of `planfin convert`.
#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// The plan or ledger to read: a workbook (.xlsx, .xlsm, .xlsb, .xls, .ods), JSON,
    /// Parquet (.parquet) or Arrow IPC (.arrow).
    #[arg(value_name = "IN")]
    pub input: PathBuf,
    /// The file to write: .xlsx, .json, .parquet or .arrow.
    #[arg(value_name = "OUT")]
    pub output: PathBuf,
    /// How workbooks are read.
    #[command(flatten)]
    pub read: ReadArgs,
}

/// Options of `planfin template`.
#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// The workbook to write (.xlsx).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// A plan workbook or a ledger workbook.
    #[arg(long, value_enum, default_value_t = Kind::Plan)]
    pub kind: Kind,
}

/// `--kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    /// A plan workbook (Plan, Objectifs, Sources, Lignes, Amendements).
    Plan,
    /// A ledger workbook (Depenses).
    Ledger,
}

/// `--decimal-mark`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DecimalMark {
    /// `1.250,50`: comma decimal mark, point or space thousands separator.
    Comma,
    /// `1,250.50`: point decimal mark, comma thousands separator.
    Point,
}

/// `--by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    /// One row per strategic objective.
    Objective,
    /// One row per budget line.
    Line,
    /// One row per funding source.
    Source,
    /// One row per fiscal year.
    Period,
}

impl From<By> for Grouping {
    fn from(by: By) -> Grouping {
        match by {
            By::Objective => Grouping::Objective,
            By::Line => Grouping::Line,
            By::Source => Grouping::Source,
            By::Period => Grouping::Period,
        }
    }
}

/// `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// French.
    Fr,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::Fr => Lang::Fr,
            LangArg::En => Lang::En,
        }
    }
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// An aligned table for the terminal.
    Table,
    /// An Excel workbook with live formulas (needs --out).
    Xlsx,
    /// Comma-separated values.
    Csv,
    /// Stable JSON for scripts.
    Json,
    /// A Markdown table.
    Md,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| say(msg!("cli-bad-date", value = s)))
}

fn parse_percent(s: &str) -> Result<Decimal, String> {
    let digits = s.trim().trim_end_matches('%').trim();
    match digits.parse::<Decimal>() {
        Ok(d) if d >= Decimal::ZERO => Ok(d),
        _ => Err(say(msg!("cli-bad-percent", value = s))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        crate::lang::english_for_tests();
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }

    #[test]
    fn percentages_and_dates() {
        crate::lang::english_for_tests();
        assert_eq!(parse_percent("10"), Ok(Decimal::TEN));
        assert_eq!(parse_percent("2.5%"), Ok(Decimal::new(25, 1)));
        assert!(parse_percent("-1").is_err());
        assert!(parse_percent("ten").is_err());
        assert!(parse_date("2019-06-30").is_ok());
        assert!(parse_date("30/06/2019").is_err());
    }
}
