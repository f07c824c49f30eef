//! Validation: every finding at once, each with a stable code, a severity, the entity it is
//! about and, where the importer knows it, the source location.
//!
//! Errors block a report; warnings are printed in it.

use std::collections::{HashMap, HashSet};
use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::currency::Currency;
use crate::ledger::{Figures, Ledger, origin_message};
use crate::money::{checked_add, checked_sub, round_to_minor};
use crate::plan::{BudgetLine, Lang, LineIndex, PeriodAmount, Plan, UnitCosting};
use planfin_messages::{Arg, CompactString, Message, msg};
use std::sync::Arc;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Printed in the report; does not block it.
    Warning,
    /// Blocks the report until fixed.
    Error,
}

impl Severity {
    /// Its name in the catalog (`erreur` / `error`).
    pub fn message(&self) -> Message {
        Message::new(match self {
            Severity::Warning => "severity-warning",
            Severity::Error => "severity-error",
        })
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

macro_rules! finding_codes {
    ($( $(#[$doc:meta])* $variant:ident => $code:literal ),* $(,)?) => {
        /// The stable code of a finding. Scripts depend on these strings: never rename one.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum FindingCode {
            $( $(#[$doc])* $variant, )*
        }

        impl FindingCode {
            /// Every code, in declaration order.
            pub const ALL: &'static [FindingCode] = &[$(FindingCode::$variant),*];

            /// The stable string (`ceiling_mismatch`, `unknown_line`, ...).
            pub fn code(&self) -> &'static str {
                match self { $( FindingCode::$variant => $code, )* }
            }
        }
    };
}

finding_codes! {
    /// The plan period ends before it starts.
    InvalidPeriod => "invalid_period",
    /// The ceiling is not positive.
    InvalidCeiling => "invalid_ceiling",
    /// Two objectives, sources, lines or amendments share a code.
    DuplicateCode => "duplicate_code",
    /// A line names an objective the plan does not have.
    UnknownObjective => "unknown_objective",
    /// A line or amendment names a funding source the plan does not have.
    UnknownSource => "unknown_source",
    /// An amendment or expenditure names a line the plan does not have.
    UnknownLine => "unknown_line",
    /// The lines do not add up to the ceiling.
    CeilingMismatch => "ceiling_mismatch",
    /// Quantity x unit cost differs from the line's total.
    CostingMismatch => "costing_mismatch",
    /// A line has an amount for a period outside the plan period.
    PeriodOutsidePlan => "period_outside_plan",
    /// An amount carries more decimals than its currency allows.
    TooPrecise => "too_precise",
    /// An amendment moves a zero or negative amount, or names no line.
    InvalidAmendment => "invalid_amendment",
    /// An amendment, or an expenditure, is dated outside the plan period.
    OutsidePeriod => "outside_period",
    /// Amendments bring a line's revised budget below zero.
    NegativeRevised => "negative_revised",
    /// A line plans a negative amount for a period.
    NegativeAmount => "negative_amount",
    /// The same voucher was seen twice with identical content (counted once).
    DuplicateVoucher => "duplicate_voucher",
    /// An expenditure in a currency with no peg and no rate.
    NoRate => "no_rate",
    /// A rate that is not positive, does not convert into the plan currency, repeats another,
    /// or is given for a currency with a legal peg.
    InvalidRate => "invalid_rate",
    /// A line whose paid amount exceeds its revised budget.
    OverBudget => "over_budget",
    /// At the pace of payments so far, an objective would exceed its revised budget by the end
    /// of the plan (progress report).
    ProjectedOverBudget => "projected_over_budget",
    /// An amount too large to compute exactly.
    Overflow => "overflow",
    /// A liquidation, order or payment refers to a commitment that no journal has.
    PaymentWithoutCommitment => "payment_without_commitment",
    /// A record refers to a commitment charged to another line.
    CommitmentOtherLine => "commitment_other_line",
    /// A commitment's figure at a stage exceeds that of an earlier stage (liquidated beyond
    /// engaged, paid beyond ordered, ...).
    StageExceedsPrevious => "stage_exceeds_previous",
    /// A later snapshot puts a voucher back to an earlier stage.
    StageRegression => "stage_regression",
    /// A line's engaged amount exceeds its revised budget.
    OverCommitted => "over_committed",
    /// A commitment engaged and not fully paid, older than the threshold at the as-of date.
    StaleCommitment => "stale_commitment",
}

impl fmt::Display for FindingCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One finding of validation: a stable code, a severity, what is wrong and how to fix it, and
/// where. The message and the location are typed [`Message`]s of the catalog, rendered in a
/// language only where a person reads them.
///
/// ```
/// use planfin_core::plan::Lang;
/// use planfin_core::validation::{validate_plan, FindingCode};
/// let mut plan = planfin_core::cnltp::plan();
/// plan.ceiling += planfin_core::Decimal::ONE;
/// let findings = validate_plan(&plan);
/// let f = findings.iter().find(|f| f.code == FindingCode::CeilingMismatch).unwrap();
/// assert!(f.render(Lang::En).starts_with("plan: warning [ceiling_mismatch]: the lines add up to"));
/// assert!(f.render(Lang::Fr).starts_with("plan\u{a0}: avertissement [ceiling_mismatch]\u{a0}: les lignes"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Stable code.
    pub code: FindingCode,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong and how to fix it.
    pub message: Message,
    /// Where: a file and place, or the entity (`line 0201`, `voucher PC-2018-0001`).
    pub location: Option<Message>,
}

impl Finding {
    /// An error finding.
    pub fn error(code: FindingCode, message: Message, location: Message) -> Finding {
        Finding {
            code,
            severity: Severity::Error,
            message,
            location: Some(location),
        }
    }

    /// A warning finding.
    pub fn warning(code: FindingCode, message: Message, location: Message) -> Finding {
        Finding {
            code,
            severity: Severity::Warning,
            message,
            location: Some(location),
        }
    }

    /// Whether this finding blocks a report.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The finding as one line in `lang`: `location: severity [code]: message`.
    pub fn render(&self, lang: Lang) -> String {
        self.line().render(lang)
    }

    /// The finding as one line, a message to render or to nest in another.
    pub fn line(&self) -> Message {
        let line = match &self.location {
            Some(at) => msg!("finding-line", location = at.clone()),
            None => Message::new("finding-line-nowhere"),
        };
        line.with("severity", self.severity.message())
            .with("code", self.code.code())
            .with("message", self.message.clone())
    }

    /// The location in `lang`, if any.
    pub fn location_text(&self, lang: Lang) -> Option<String> {
        self.location.as_ref().map(|at| at.render(lang))
    }

    /// The finding in JSON, in `lang`: its `code`, `severity`, `location`, `message` and the
    /// message's typed arguments (`args`: amounts as exact strings, dates ISO 8601).
    pub fn localized(&self, lang: Lang) -> LocalizedFinding<'_> {
        LocalizedFinding {
            finding: self,
            lang,
        }
    }
}

/// The English rendering ([`Finding::render`] in [`Lang::En`]).
impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// A [`Finding`] serialised in a language: see [`Finding::localized`].
#[derive(Debug, Clone, Copy)]
pub struct LocalizedFinding<'a> {
    finding: &'a Finding,
    lang: Lang,
}

impl Serialize for LocalizedFinding<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let f = self.finding;
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("code", &f.code)?;
        map.serialize_entry("severity", &f.severity)?;
        map.serialize_entry("location", &f.location_text(self.lang))?;
        map.serialize_entry("message", &f.message.render(self.lang))?;
        map.serialize_entry("args", &f.message.args_json(self.lang))?;
        map.end()
    }
}

fn duplicates<'a>(codes: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen = HashSet::new();
    let mut dups = Vec::new();
    for c in codes {
        if !seen.insert(c) && !dups.contains(&c) {
            dups.push(c);
        }
    }
    dups
}

/// Checks a plan on its own: codes unique and resolved, periods, precision, costing, lines
/// adding up to the ceiling, amendments that make sense. Returns every finding.
pub fn validate_plan(plan: &Plan) -> Vec<Finding> {
    let mut out = period_and_ceiling(plan);
    out.extend(duplicate_codes(plan));
    for line in &plan.lines {
        line_findings(plan, line, &mut out);
    }
    out.extend(ceiling_finding(plan));
    out.extend(validate_amendments(plan));
    out.extend(validate_rates(plan));
    out
}

/// The finding for `amount`, at `location`, when it has more decimals than `currency` allows.
fn too_precise(amount: Decimal, currency: Currency, location: Message) -> Option<Finding> {
    (round_to_minor(amount, currency) != amount).then(|| {
        Finding::error(
            FindingCode::TooPrecise,
            msg!(
                "finding-too-precise",
                amount = amount,
                currency = currency.code(),
                decimals = currency.minor_unit(),
            ),
            location,
        )
    })
}

/// The plan's period, and its ceiling: positive, and no more precise than the currency.
fn period_and_ceiling(plan: &Plan) -> Vec<Finding> {
    let mut out = Vec::new();
    if plan.end < plan.start {
        out.push(Finding::error(
            FindingCode::InvalidPeriod,
            msg!("finding-invalid-period", end = plan.end, start = plan.start),
            Message::new("location-plan"),
        ));
    }
    if plan.ceiling <= Decimal::ZERO {
        out.push(Finding::error(
            FindingCode::InvalidCeiling,
            msg!("finding-invalid-ceiling", ceiling = plan.ceiling),
            Message::new("location-plan"),
        ));
    }
    out.extend(too_precise(
        plan.ceiling,
        plan.currency,
        Message::new("location-plan-ceiling"),
    ));
    out
}

/// Objectives, sources or lines that share a code.
fn duplicate_codes(plan: &Plan) -> Vec<Finding> {
    let codes = [
        (
            "finding-duplicate-objective",
            "location-objective",
            "objective",
            duplicates(plan.objectives.iter().map(|o| o.code.as_str())),
        ),
        (
            "finding-duplicate-source",
            "location-source",
            "source",
            duplicates(plan.sources.iter().map(|s| s.code.as_str())),
        ),
        (
            "finding-duplicate-line",
            "location-line",
            "line",
            duplicates(plan.lines.iter().map(|l| l.code.as_str())),
        ),
    ];
    codes
        .into_iter()
        .flat_map(|(message, location, what, dups)| {
            dups.into_iter().map(move |d| {
                Finding::error(
                    FindingCode::DuplicateCode,
                    msg!(message, code = d),
                    Message::new(location).with(what, d),
                )
            })
        })
        .collect()
}

/// One line: its objective and source exist, its amounts, its costing.
fn line_findings(plan: &Plan, line: &BudgetLine, out: &mut Vec<Finding>) {
    let at = line_location(&line.code);
    let references = [
        (
            plan.objective(&line.objective).is_some(),
            FindingCode::UnknownObjective,
            msg!("finding-unknown-objective", objective = &line.objective),
        ),
        (
            plan.source(&line.source).is_some(),
            FindingCode::UnknownSource,
            msg!("finding-unknown-source", source = &line.source),
        ),
    ];
    for (_, code, message) in references.into_iter().filter(|r| !r.0) {
        out.push(Finding::error(code, message, at.clone()));
    }
    for pa in &line.amounts {
        planned_amount(plan, &line.code, pa, out);
    }
    match line.initial() {
        Err(_) => out.push(Finding::error(
            FindingCode::Overflow,
            Message::new("finding-overflow-line"),
            at,
        )),
        Ok(total) => out.extend(line.costing.as_ref().and_then(|c| costing(c, total, at))),
    }
}

/// One planned amount of the line at `at`: exact, not negative, in the plan period.
fn planned_amount(plan: &Plan, line: &str, pa: &PeriodAmount, out: &mut Vec<Finding>) {
    let period = pa.period.to_string();
    out.extend(too_precise(
        pa.amount,
        plan.currency,
        msg!("location-line-period", line = line, period = &period),
    ));
    if pa.amount < Decimal::ZERO {
        out.push(Finding::error(
            FindingCode::NegativeAmount,
            msg!(
                "finding-negative-amount",
                amount = pa.amount,
                period = &period
            ),
            line_location(line),
        ));
    }
    let years = chrono::Datelike::year(&plan.start)..=chrono::Datelike::year(&plan.end);
    if !years.contains(&pa.period.year) {
        out.push(Finding::error(
            FindingCode::PeriodOutsidePlan,
            msg!(
                "finding-period-outside-plan",
                period = period,
                start = plan.start,
                end = plan.end,
            ),
            line_location(line),
        ));
    }
}

/// Whether quantity x unit cost is the line's `total`.
fn costing(c: &UnitCosting, total: Decimal, at: Message) -> Option<Finding> {
    let product = c.quantity.checked_mul(c.unit_cost);
    (product != Some(total)).then(|| {
        Finding::error(
            FindingCode::CostingMismatch,
            msg!(
                "finding-costing-mismatch",
                quantity = c.quantity,
                unit_cost = c.unit_cost,
                product = amount_or_too_large(product),
                total = total,
            ),
            at,
        )
    })
}

/// An amount, or "too large to compute" when computing it overflowed.
fn amount_or_too_large(amount: Option<Decimal>) -> planfin_messages::Arg {
    amount.map_or_else(|| Message::new("common-too-large").into(), Into::into)
}

/// `line 0201`.
fn line_location(code: &str) -> Message {
    msg!("location-line", line = code)
}

/// Whether the lines add up to the ceiling: a warning below it, an error above it or when the
/// sum overflows.
fn ceiling_finding(plan: &Plan) -> Option<Finding> {
    let total = match plan.total_initial() {
        Ok(total) if total == plan.ceiling => return None,
        Ok(total) => total,
        Err(_) => {
            return Some(Finding::error(
                FindingCode::Overflow,
                Message::new("finding-overflow-lines"),
                Message::new("location-plan-lines"),
            ));
        }
    };
    let (severity, message) = if total > plan.ceiling {
        (Severity::Error, "finding-ceiling-above")
    } else {
        (Severity::Warning, "finding-ceiling-below")
    };
    let gap = amount_or_too_large(checked_sub(plan.ceiling, total).ok());
    Some(Finding {
        code: FindingCode::CeilingMismatch,
        severity,
        message: msg!(message, total = total, ceiling = plan.ceiling, gap = gap),
        location: Some(Message::new("location-plan")),
    })
}

/// The plan's rate table: each rate positive, into the plan currency, one per currency and
/// date, and none for a currency that has a legal peg to the plan currency.
fn validate_rates(plan: &Plan) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for r in &plan.rates {
        let at = msg!("location-rate", currency = r.from.code(), date = r.date);
        let mut refuse = |message: Message| {
            out.push(Finding::error(
                FindingCode::InvalidRate,
                message,
                at.clone(),
            ));
        };
        let (from, to) = (r.from.code(), r.to.code());
        if r.rate <= Decimal::ZERO {
            refuse(msg!(
                "finding-rate-not-positive",
                rate = r.rate,
                to = to,
                from = from
            ));
        }
        if r.to != plan.currency {
            refuse(msg!(
                "finding-rate-other-currency",
                to = to,
                currency = plan.currency.code(),
                from = from,
            ));
        } else if let Some(peg) = r.from.peg_to(plan.currency) {
            refuse(msg!("finding-rate-pegged", from = from, to = to, peg = peg));
        }
        if !seen.insert((r.from, r.to, r.date)) {
            refuse(msg!(
                "finding-rate-twice",
                from = from,
                to = to,
                date = r.date
            ));
        }
    }
    out
}

fn validate_amendments(plan: &Plan) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut by_ref: HashMap<&str, usize> = HashMap::new();
    for (i, a) in plan.amendments.iter().enumerate() {
        match by_ref.get(a.reference.as_str()) {
            Some(&j) if plan.amendments[j] != *a => out.push(Finding::error(
                FindingCode::DuplicateCode,
                Message::new("finding-duplicate-amendment"),
                amendment_location(&a.reference),
            )),
            Some(_) => {}
            None => {
                by_ref.insert(&a.reference, i);
                amendment_findings(plan, a, &mut out);
            }
        }
    }
    out.extend(plan.lines.iter().filter_map(|l| revised_finding(plan, l)));
    out
}

/// One amendment: a positive amount, exact, on lines of the plan and their own source, dated
/// in the plan period.
fn amendment_findings(plan: &Plan, a: &crate::amendment::Amendment, out: &mut Vec<Finding>) {
    let at = amendment_location(&a.reference);
    let no_line = a.from.is_none() && a.to.is_none();
    if a.amount <= Decimal::ZERO || no_line {
        let message = match no_line {
            true => "finding-amendment-no-line",
            false => "finding-amendment-not-positive",
        };
        out.push(Finding::error(
            FindingCode::InvalidAmendment,
            msg!(message, amount = a.amount),
            at.clone(),
        ));
    }
    out.extend(too_precise(a.amount, plan.currency, at.clone()));
    for line in a.from.iter().chain(a.to.iter()) {
        match plan.line(line) {
            None => out.push(Finding::error(
                FindingCode::UnknownLine,
                msg!("finding-amendment-unknown-line", line = line),
                at.clone(),
            )),
            Some(l) => {
                if let Some(s) = a.source.as_ref().filter(|s| **s != l.source) {
                    out.push(other_source(line, &l.source, s, at.clone()));
                }
            }
        }
    }
    if let Some(s) = a.source.as_ref().filter(|s| plan.source(s).is_none()) {
        out.push(Finding::error(
            FindingCode::UnknownSource,
            msg!("finding-amendment-unknown-source", source = s),
            at.clone(),
        ));
    }
    if !plan.in_period(a.date) {
        out.push(Finding::warning(
            FindingCode::OutsidePeriod,
            msg!(
                "finding-amendment-outside-period",
                date = a.date,
                start = plan.start,
                end = plan.end,
            ),
            at,
        ));
    }
}

/// The revised budget of `line` after each of its amendments, in date order: computable, and
/// never below zero (a report as of any date would show the line giving more than it has).
fn revised_finding(plan: &Plan, line: &BudgetLine) -> Option<Finding> {
    // A line whose initial budget overflows is reported by validate_plan.
    let mut revised = line.initial().ok()?;
    let mut effects: Vec<_> = distinct_amendments(plan)
        .map(|a| (a.date, a.effect_on(&line.code)))
        .filter(|(_, effect)| !matches!(effect, Ok(d) if d.is_zero()))
        .collect();
    // Stable: amendments of one day count in the plan's order.
    effects.sort_by_key(|(date, _)| *date);
    let at = line_location(&line.code);
    for (date, effect) in effects {
        let Ok(next) = effect.and_then(|d| checked_add(revised, d)) else {
            return Some(Finding::error(
                FindingCode::Overflow,
                Message::new("finding-overflow-amendments"),
                at,
            ));
        };
        revised = next;
        if revised < Decimal::ZERO {
            return Some(Finding::error(
                FindingCode::NegativeRevised,
                msg!("finding-negative-revised", revised = revised, date = date),
                at,
            ));
        }
    }
    None
}

/// An amendment that names a funding source other than that of a line it moves money on: each
/// leg of an amendment stays on its line's source, so the two would disagree.
fn other_source(line: &str, funded_by: &str, named: &str, at: Message) -> Finding {
    Finding::error(
        FindingCode::InvalidAmendment,
        msg!(
            "finding-amendment-other-source",
            line = line,
            funded_by = funded_by,
            source = named,
        ),
        at,
    )
}

/// `amendment AM-2019-01`.
fn amendment_location(reference: &str) -> Message {
    msg!("location-amendment", reference = reference)
}

/// The plan's amendments with repeated references counted once (the first one wins).
pub fn distinct_amendments(plan: &Plan) -> impl Iterator<Item = &crate::amendment::Amendment> {
    let mut seen = HashSet::new();
    plan.amendments
        .iter()
        .filter(move |a| seen.insert(a.reference.as_str()))
}

/// Checks a ledger against its plan: known lines, convertible currencies, precision, dates in
/// the plan period, duplicate vouchers. Returns every finding.
///
/// One pass over the ledger with no allocation for an entry that has nothing to report, so
/// that a journal of a million entries is checked in milliseconds.
pub fn validate_ledger(plan: &Plan, ledger: &Ledger) -> Vec<Finding> {
    let lines = LineIndex::new(plan);
    let mut out = Vec::new();
    let known = plan_lines(&lines, ledger);
    for f in ledger.figures() {
        let known_line = known[f.line as usize].is_some();
        check_expenditure(plan, ledger, &f, known_line, &mut out);
    }
    out.extend(duplicate_findings(ledger, None));
    out
}

/// The plan line of each of the ledger's distinct line codes (indexed by
/// [`Ledger::line_keys`]), `None` for a code the plan lacks: each code looked up once.
pub(crate) fn plan_lines(index: &LineIndex<'_>, ledger: &Ledger) -> Vec<Option<usize>> {
    ledger.line_codes().map(|code| index.get(code)).collect()
}

/// What checking an expenditure found out, for the reports to use without looking again.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Checked {
    /// The rate to the plan currency (`None`: the amount is in the plan currency with no rate,
    /// or no usable rate exists, which is an error finding).
    pub rate: Option<Decimal>,
    /// Whether the expenditure is dated within the plan period.
    pub in_period: bool,
}

/// The findings about one expenditure, appended to `out`; `known_line` says whether its line is
/// in the plan. Shared by [`validate_ledger`] and the reports, which check and add up each
/// entry in one pass: the usual entry (on a plan line, in the plan currency with no rate, in
/// the period, no more decimals than the currency has) is recognised here, inline, and the
/// others are checked one rule at a time.
#[inline]
pub(crate) fn check_expenditure(
    plan: &Plan,
    ledger: &Ledger,
    e: &Figures,
    known_line: bool,
    out: &mut Vec<Finding>,
) -> Checked {
    let usual = known_line
        && e.rate.is_none()
        && e.currency == plan.currency
        && e.amount.scale() <= e.currency.minor_unit()
        && plan.in_period(e.date);
    if usual {
        return Checked {
            rate: None,
            in_period: true,
        };
    }
    check_each_rule(plan, ledger, e, known_line, out)
}

/// [`check_expenditure`], one rule at a time.
#[inline(never)]
fn check_each_rule(
    plan: &Plan,
    ledger: &Ledger,
    e: &Figures,
    known_line: bool,
    out: &mut Vec<Finding>,
) -> Checked {
    use FindingCode as C;
    let at = || entry_location(ledger, e.index);
    // Currency codes only where a finding needs them: this runs for every entry.
    let from = || e.currency.code();
    let to = || plan.currency.code();
    if !known_line {
        out.push(Finding::warning(
            C::UnknownLine,
            msg!("finding-unknown-line", line = ledger.line_code(e.line)),
            at(),
        ));
    }
    if !fits_minor_unit(e.amount, e.currency) {
        out.push(Finding::error(
            C::TooPrecise,
            msg!(
                "finding-entry-too-precise",
                amount = e.amount,
                currency = from(),
                decimals = e.currency.minor_unit(),
            ),
            at(),
        ));
    }
    let mut rate = e.rate;
    match e.rate {
        Some(r) if r <= Decimal::ZERO => out.push(Finding::error(
            C::InvalidRate,
            msg!(
                "finding-entry-rate-not-positive",
                rate = r,
                to = to(),
                from = from()
            ),
            at(),
        )),
        // Looked up only for an entry that gives a rate: the usual entry gives none.
        Some(r) => {
            if let Some(peg) = e.currency.peg_to(plan.currency) {
                out.push(Finding::error(
                    C::InvalidRate,
                    msg!(
                        "finding-entry-rate-pegged",
                        rate = r,
                        from = from(),
                        to = to(),
                        peg = peg
                    ),
                    at(),
                ));
            }
        }
        None if e.currency == plan.currency => {}
        None => {
            rate = plan.rate_on(e.currency, e.date);
            if rate.is_none() {
                out.push(Finding::error(
                    C::NoRate,
                    missing_rate(plan, e.currency, e.date),
                    at(),
                ))
            }
        }
    }
    let in_period = plan.in_period(e.date);
    if !in_period {
        out.push(Finding::warning(
            C::OutsidePeriod,
            msg!(
                "finding-entry-outside-period",
                date = e.date,
                start = plan.start,
                end = plan.end,
            ),
            at(),
        ));
    }
    Checked { rate, in_period }
}

/// What to add when no rate converts `from` into the plan currency on `date`.
fn missing_rate(plan: &Plan, from: Currency, date: chrono::NaiveDate) -> Message {
    let to = plan.currency;
    let first = plan
        .rates
        .iter()
        .filter(|r| r.from == from && r.to == to)
        .map(|r| r.date)
        .min();
    let message = match first {
        Some(first) => msg!("finding-no-rate-yet", first = first),
        None => Message::new("finding-no-rate"),
    };
    message
        .with("from", from.code())
        .with("to", to.code())
        .with("date", date)
}

/// One `duplicate_voucher` warning per voucher seen twice with identical content, leaving out
/// the vouchers dated after `cut_off`.
pub(crate) fn duplicate_findings(
    ledger: &Ledger,
    cut_off: Option<chrono::NaiveDate>,
) -> impl Iterator<Item = Finding> + '_ {
    ledger
        .duplicates()
        .iter()
        .filter(move |d| cut_off.is_none_or(|c| d.date <= c))
        .map(|d| {
            Finding::warning(
                FindingCode::DuplicateVoucher,
                msg!(
                    "finding-duplicate-voucher",
                    voucher = &d.voucher,
                    first = d.first.message(),
                ),
                voucher_location(known_origin(&d.again), &d.voucher),
            )
        })
}

/// Where a finding about the entry at `index` is: its origin when known, and its voucher.
/// The usual case, a file and a place, is one flat message: a quarter of a million findings
/// cost one argument list each, not three.
pub(crate) fn entry_location(ledger: &Ledger, index: usize) -> Message {
    match ledger.origin_parts(index) {
        Some((file, place)) => place_location(ledger.voucher(index), file, place),
        None => voucher_location(None, ledger.voucher(index)),
    }
}

/// The location of `voucher` read at `place` of `file`: `file place (voucher V)`, the one
/// known, or `voucher V`.
pub(crate) fn place_location(
    voucher: &str,
    file: Option<&Arc<str>>,
    place: Option<CompactString>,
) -> Message {
    match (file, place) {
        (Some(file), Some(place)) => msg!(
            "location-entry-place",
            file = &**file,
            place = place,
            voucher = voucher
        ),
        (None, None) => voucher_location(None, voucher),
        (file, place) => voucher_location(
            Some(origin_message(file.map(|f| &**f), place.map(Arg::from))),
            voucher,
        ),
    }
}

/// [`Origin::message`](crate::ledger::Origin::message) when the origin is known.
fn known_origin(origin: &crate::ledger::Origin) -> Option<Message> {
    (origin.file.is_some() || origin.place.is_some()).then(|| origin.message())
}

/// `file place (voucher V)`, or `voucher V` when the origin is not known.
fn voucher_location(origin: Option<Message>, voucher: &str) -> Message {
    match origin {
        Some(origin) => msg!("location-entry", origin = origin, voucher = voucher),
        None => msg!("location-voucher", voucher = voucher),
    }
}

/// Whether `amount` has no more decimals than `currency`'s minor unit (`10.50` EUR and
/// `10.500` EUR do; `10.505` EUR does not). The scale is checked first: no rounding is needed
/// for the usual case.
fn fits_minor_unit(amount: Decimal, currency: Currency) -> bool {
    amount.scale() <= currency.minor_unit() || round_to_minor(amount, currency) == amount
}

#[cfg(test)]
mod tests {
    //! One test per finding code: the sample plan (`report::sample`, which has no finding) with
    //! one thing broken, and the code, severity and location expected.

    use super::*;
    use crate::currency::Currency;
    use crate::expenditure::Stage;
    use crate::ledger::Origin;
    use crate::plan::{FiscalPeriod, Objective, Text, UnitCosting};
    use crate::report::sample::{self, d, date, expenditure};

    /// Asserts that `findings` hold exactly one finding with `code`, at `severity` and
    /// `location`, and that its message says how to fix it (a clause after a colon).
    fn assert_one(findings: &[Finding], code: FindingCode, severity: Severity, location: &str) {
        let found: Vec<&Finding> = findings.iter().filter(|f| f.code == code).collect();
        assert_eq!(found.len(), 1, "{code}: {findings:#?}");
        assert_eq!(found[0].severity, severity, "{code}");
        assert_eq!(
            found[0].location_text(crate::plan::Lang::En).as_deref(),
            Some(location),
            "{code}"
        );
        assert!(
            found[0].message.to_string().contains(": "),
            "{code}: {}",
            found[0].message
        );
    }

    fn plan_findings(change: impl FnOnce(&mut Plan)) -> Vec<Finding> {
        let mut plan = sample::plan();
        change(&mut plan);
        validate_plan(&plan)
    }

    fn ledger_findings(extra: crate::expenditure::Expenditure) -> Vec<Finding> {
        let mut entries = sample::entries();
        entries.push(extra);
        validate_ledger(&sample::plan(), &sample::ledger_of(entries))
    }

    #[test]
    fn a_line_code_twice_is_an_error_and_the_first_line_is_found() {
        let mut plan = sample::plan();
        let mut again = plan.lines[1].clone();
        again.code = plan.lines[0].code.clone();
        plan.lines.push(again);
        assert_eq!(LineIndex::new(&plan).get("L11"), Some(0));
        assert_one(
            &validate_plan(&plan),
            FindingCode::DuplicateCode,
            Severity::Error,
            "line L11",
        );
    }

    #[test]
    fn the_sample_has_no_finding() {
        assert_eq!(validate_plan(&sample::plan()), vec![]);
        assert_eq!(validate_ledger(&sample::plan(), &sample::ledger()), vec![]);
    }

    #[test]
    fn invalid_period() {
        let f = plan_findings(|p| p.end = date("2017-12-31"));
        assert_one(&f, FindingCode::InvalidPeriod, Severity::Error, "plan");
    }

    #[test]
    fn invalid_ceiling() {
        let f = plan_findings(|p| p.ceiling = Decimal::ZERO);
        assert_one(&f, FindingCode::InvalidCeiling, Severity::Error, "plan");
    }

    #[test]
    fn duplicate_code() {
        let f = plan_findings(|p| {
            p.objectives.push(Objective {
                code: "OS1".into(),
                title: Text::new("Encore", "Again"),
            })
        });
        assert_one(
            &f,
            FindingCode::DuplicateCode,
            Severity::Error,
            "objective OS1",
        );
    }

    #[test]
    fn unknown_objective() {
        let f = plan_findings(|p| p.lines[0].objective = "OS9".into());
        assert_one(
            &f,
            FindingCode::UnknownObjective,
            Severity::Error,
            "line L11",
        );
    }

    #[test]
    fn unknown_source() {
        let f = plan_findings(|p| p.lines[1].source = "XX".into());
        assert_one(&f, FindingCode::UnknownSource, Severity::Error, "line L12");
    }

    #[test]
    fn unknown_line() {
        let e = expenditure(
            "E9",
            "2018-04-01",
            "L99",
            "1000",
            Currency::XOF,
            Stage::Paiement,
        );
        assert_one(
            &ledger_findings(e),
            FindingCode::UnknownLine,
            Severity::Warning,
            "voucher E9",
        );
    }

    #[test]
    fn ceiling_mismatch() {
        // Lines under the ceiling: a warning; over it: an error.
        let f = plan_findings(|p| p.ceiling = d("1050000"));
        assert_one(&f, FindingCode::CeilingMismatch, Severity::Warning, "plan");
        let f = plan_findings(|p| p.ceiling = d("999999"));
        assert_one(&f, FindingCode::CeilingMismatch, Severity::Error, "plan");
    }

    #[test]
    fn costing_mismatch() {
        // 3 x 90,000 = 270,000, but L11 adds up to 300,000.
        let f = plan_findings(|p| {
            p.lines[0].costing = Some(UnitCosting {
                unit: "atelier".into(),
                quantity: d("3"),
                unit_cost: d("90000"),
            })
        });
        assert_one(
            &f,
            FindingCode::CostingMismatch,
            Severity::Error,
            "line L11",
        );
        let f = plan_findings(|p| {
            p.lines[0].costing = Some(UnitCosting {
                unit: "atelier".into(),
                quantity: d("4"),
                unit_cost: d("75000"),
            })
        });
        assert_eq!(f, vec![]);
    }

    #[test]
    fn period_outside_plan() {
        let f = plan_findings(|p| p.lines[2].amounts[0].period = FiscalPeriod::year(2020));
        assert_one(
            &f,
            FindingCode::PeriodOutsidePlan,
            Severity::Error,
            "line L21",
        );
    }

    #[test]
    fn too_precise() {
        let e = expenditure(
            "E9",
            "2018-04-01",
            "L11",
            "10.5",
            Currency::XOF,
            Stage::Paiement,
        );
        assert_one(
            &ledger_findings(e),
            FindingCode::TooPrecise,
            Severity::Error,
            "voucher E9",
        );
        // Trailing zeros are not extra precision.
        let e = expenditure(
            "E9",
            "2018-04-01",
            "L11",
            "10.500",
            Currency::EUR,
            Stage::Paiement,
        );
        assert_eq!(ledger_findings(e), vec![]);
        let f = plan_findings(|p| p.amendments[0].amount = d("50000.5"));
        assert_one(&f, FindingCode::TooPrecise, Severity::Error, "amendment A1");
    }

    #[test]
    fn invalid_amendment() {
        let f = plan_findings(|p| p.amendments[1].amount = Decimal::ZERO);
        assert_one(
            &f,
            FindingCode::InvalidAmendment,
            Severity::Error,
            "amendment A2",
        );
    }

    #[test]
    fn outside_period() {
        let e = expenditure(
            "E9",
            "2020-02-01",
            "L11",
            "1000",
            Currency::XOF,
            Stage::Paiement,
        );
        assert_one(
            &ledger_findings(e),
            FindingCode::OutsidePeriod,
            Severity::Warning,
            "voucher E9",
        );
        let f = plan_findings(|p| p.amendments[0].date = date("2017-06-01"));
        assert_one(
            &f,
            FindingCode::OutsidePeriod,
            Severity::Warning,
            "amendment A1",
        );
    }

    #[test]
    fn negative_revised() {
        // L21 has 250,000 plus 50,000 from A1: taking 300,001 leaves -1.
        let f = plan_findings(|p| {
            p.amendments[2].from = Some("L21".into());
            p.amendments[2].amount = d("300001");
        });
        assert_one(
            &f,
            FindingCode::NegativeRevised,
            Severity::Error,
            "line L21",
        );
    }

    #[test]
    fn negative_amount() {
        let f = plan_findings(|p| {
            p.lines[0].amounts[0].amount = d("-1");
        });
        assert_one(&f, FindingCode::NegativeAmount, Severity::Error, "line L11");
    }

    #[test]
    fn negative_revised_on_any_date() {
        // L11 has 300,000 and gives 50,000 to L21 on 2018-06-01 (A1). Taking 260,000 more on
        // 2018-07-01 leaves -10,000 until a raise of 20,000 on 2019-01-01: at the end the line
        // has 10,000, but a report as of 2018-12-31 would show it below zero.
        let f = plan_findings(|p| {
            p.amendments.push(sample::amendment(
                "A4",
                "2018-07-01",
                Some("L11"),
                None,
                "260000",
                Some("ETAT"),
            ));
            p.amendments.push(sample::amendment(
                "A5",
                "2019-01-01",
                None,
                Some("L11"),
                "20000",
                Some("ETAT"),
            ));
        });
        assert_one(
            &f,
            FindingCode::NegativeRevised,
            Severity::Error,
            "line L11",
        );
        assert!(
            f.iter()
                .any(|f| f.message.to_string().contains("-10,000 on 2018-07-01")),
            "{f:#?}"
        );
    }

    #[test]
    fn duplicate_voucher() {
        let e = expenditure(
            "E1",
            "2018-02-10",
            "L11",
            "120000",
            Currency::XOF,
            Stage::Paiement,
        );
        let mut ledger = sample::ledger();
        let again = Origin::new("b.json", "expenditures[0]");
        assert_eq!(
            ledger.append(e, again),
            Ok(crate::ledger::Appended::Duplicate)
        );
        let f = validate_ledger(&sample::plan(), &ledger);
        assert_one(
            &f,
            FindingCode::DuplicateVoucher,
            Severity::Warning,
            "b.json expenditures[0] (voucher E1)",
        );
    }

    #[test]
    fn no_rate() {
        let e = expenditure(
            "E9",
            "2018-04-01",
            "L11",
            "100",
            Currency::USD,
            Stage::Paiement,
        );
        assert_one(
            &ledger_findings(e.clone()),
            FindingCode::NoRate,
            Severity::Error,
            "voucher E9",
        );
        let with_rate = crate::expenditure::Expenditure {
            rate: Some(d("600")),
            ..e.clone()
        };
        assert_eq!(ledger_findings(with_rate), vec![]);
        let bad_rate = crate::expenditure::Expenditure {
            rate: Some(d("-1")),
            ..e
        };
        assert_one(
            &ledger_findings(bad_rate),
            FindingCode::InvalidRate,
            Severity::Error,
            "voucher E9",
        );
    }

    #[test]
    fn invalid_rate() {
        let rate = |from: Currency, to: Currency, rate: &str| crate::plan::Rate {
            date: date("2018-01-01"),
            from,
            to,
            rate: d(rate),
        };
        // Not positive; not into the plan currency (XOF); a pegged currency; twice.
        for bad in [
            vec![rate(Currency::USD, Currency::XOF, "-600")],
            vec![rate(Currency::USD, Currency::XOF, "0")],
            vec![rate(Currency::USD, Currency::EUR, "0.9")],
            vec![rate(Currency::EUR, Currency::XOF, "656")],
            vec![rate(Currency::USD, Currency::XOF, "600"); 2],
        ] {
            let f = plan_findings(|p| p.rates = bad.clone());
            let found: Vec<_> = f
                .iter()
                .filter(|f| f.code == FindingCode::InvalidRate && f.is_error())
                .collect();
            assert_eq!(found.len(), 1, "{bad:?}: {f:#?}");
            let at = format!("rate {} 2018-01-01", bad[0].from);
            assert_eq!(
                found[0].location_text(crate::plan::Lang::En).as_deref(),
                Some(at.as_str())
            );
        }
        assert_eq!(
            plan_findings(|p| p.rates = vec![rate(Currency::USD, Currency::XOF, "600")]),
            vec![]
        );
        // A rate on an expenditure in a pegged currency is refused too.
        let mut e = expenditure(
            "E9",
            "2018-04-01",
            "L11",
            "100",
            Currency::EUR,
            Stage::Paiement,
        );
        e.rate = Some(d("656"));
        assert_one(
            &ledger_findings(e),
            FindingCode::InvalidRate,
            Severity::Error,
            "voucher E9",
        );
    }

    #[test]
    fn overflow() {
        let f = plan_findings(|p| {
            p.lines[0].amounts[0].amount = Decimal::MAX;
            p.lines[1].amounts[0].amount = Decimal::MAX;
        });
        // L11's and L12's revised budgets (amendments add to both), and the sum of the lines:
        // each finding names what overflows.
        let at: Vec<_> = f
            .iter()
            .filter(|f| f.code == FindingCode::Overflow && f.is_error())
            .map(|f| f.location_text(crate::plan::Lang::En))
            .collect();
        assert_eq!(
            at,
            [Some("line L11"), Some("line L12"), Some("plan lines")].map(|s| s.map(String::from)),
            "{f:#?}"
        );
    }

    #[test]
    fn a_location_names_the_file_and_place_when_known() {
        let e = expenditure(
            "E9",
            "2018-04-01",
            "L99",
            "1000",
            Currency::XOF,
            Stage::Paiement,
        );
        let mut ledger = sample::ledger();
        let appended = ledger.append(e, Origin::new("mars.xlsx", "Depenses!A12"));
        assert_eq!(appended, Ok(crate::ledger::Appended::New));
        let f = validate_ledger(&sample::plan(), &ledger);
        assert_one(
            &f,
            FindingCode::UnknownLine,
            Severity::Warning,
            "mars.xlsx Depenses!A12 (voucher E9)",
        );
    }

    /// The test of each code: adding a code without a test does not compile.
    #[test]
    fn every_code_has_its_test() {
        for code in FindingCode::ALL {
            let test = match code {
                FindingCode::InvalidPeriod => "invalid_period",
                FindingCode::InvalidCeiling => "invalid_ceiling",
                FindingCode::DuplicateCode => "duplicate_code",
                FindingCode::UnknownObjective => "unknown_objective",
                FindingCode::UnknownSource => "unknown_source",
                FindingCode::UnknownLine => "unknown_line",
                FindingCode::CeilingMismatch => "ceiling_mismatch",
                FindingCode::CostingMismatch => "costing_mismatch",
                FindingCode::PeriodOutsidePlan => "period_outside_plan",
                FindingCode::TooPrecise => "too_precise",
                FindingCode::InvalidAmendment => "invalid_amendment",
                FindingCode::OutsidePeriod => "outside_period",
                FindingCode::NegativeRevised => "negative_revised",
                FindingCode::NegativeAmount => "negative_amount",
                FindingCode::DuplicateVoucher => "duplicate_voucher",
                FindingCode::NoRate => "no_rate",
                FindingCode::InvalidRate => "invalid_rate",
                FindingCode::Overflow => "overflow",
                // Found by the reports: tested in report::progress and report::final_report.
                FindingCode::OverBudget => "over_budget",
                FindingCode::ProjectedOverBudget => "projected_over_budget",
                // Found by the chain: tested in report::execution.
                FindingCode::PaymentWithoutCommitment => "payment_without_commitment",
                FindingCode::CommitmentOtherLine => "commitment_other_line",
                FindingCode::StageExceedsPrevious => "stage_exceeds_previous",
                FindingCode::StageRegression => "stage_regression",
                FindingCode::OverCommitted => "over_committed",
                FindingCode::StaleCommitment => "stale_commitment",
            };
            assert_eq!(test, code.code());
        }
    }
}
