//! Sheet and column names: one normalisation and one alias table per sheet.
//!
//! Names match in French or English ignoring case, accents, spaces and punctuation:
//! `Montant (FCFA)`, `MONTANT FCFA` and `montant_fcfa` are all `montantfcfa`.

use planfin_core::currency::Currency;

/// The comparable form of a name: lower case, accents dropped, letters and digits only.
///
/// ```
/// use planfin_xlsx::header::normalise;
/// assert_eq!(normalise("Dépenses"), "depenses");
/// assert_eq!(normalise("N° pièce"), "npiece");
/// assert_eq!(normalise(" Montant (FCFA) "), "montantfcfa");
/// assert_eq!(normalise("Coût unitaire"), "coutunitaire");
/// assert_eq!(normalise("De\u{301}penses"), "depenses"); // a decomposed accent
/// assert_eq!(normalise("Main-d'œuvre"), "maindoeuvre");
/// ```
pub fn normalise(name: &str) -> String {
    planfin_core::words::fold(name)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// A sheet of a workbook, with its accepted names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SheetKind {
    /// The French name (used in messages and written by the fixtures).
    pub(crate) fr: &'static str,
    /// The English name.
    pub(crate) en: &'static str,
    /// Every accepted name, normalised.
    pub(crate) aliases: &'static [&'static str],
}

impl SheetKind {
    /// The first sheet of `names` that is this one.
    pub(crate) fn find<'n>(&self, names: &'n [String]) -> Option<&'n String> {
        names
            .iter()
            .find(|n| self.aliases.contains(&normalise(n).as_str()))
    }

    /// `"Lignes" or "Lines"`.
    pub(crate) fn described(&self) -> String {
        if self.fr == self.en {
            format!("\"{}\"", self.fr)
        } else {
            format!("\"{}\" or \"{}\"", self.fr, self.en)
        }
    }
}

/// The plan's key/value sheet.
pub(crate) const PLAN: SheetKind = SheetKind {
    fr: "Plan",
    en: "Plan",
    aliases: &[
        "plan",
        "planbudget",
        "budget",
        "informations",
        "info",
        "general",
        "generalites",
    ],
};
/// The objectives.
pub(crate) const OBJECTIVES: SheetKind = SheetKind {
    fr: "Objectifs",
    en: "Objectives",
    aliases: &[
        "objectifs",
        "objectives",
        "objectif",
        "objective",
        "objectifsstrategiques",
    ],
};
/// The funding sources.
pub(crate) const SOURCES: SheetKind = SheetKind {
    fr: "Sources",
    en: "Sources",
    aliases: &[
        "sources",
        "source",
        "sourcesdefinancement",
        "financement",
        "financements",
        "fundingsources",
        "funding",
    ],
};
/// The budget lines.
pub(crate) const LINES: SheetKind = SheetKind {
    fr: "Lignes",
    en: "Lines",
    aliases: &[
        "lignes",
        "lines",
        "lignesbudgetaires",
        "budgetlines",
        "ligne",
        "line",
        "activites",
        "activities",
    ],
};
/// The amendments.
pub(crate) const AMENDMENTS: SheetKind = SheetKind {
    fr: "Amendements",
    en: "Amendments",
    aliases: &[
        "amendements",
        "amendments",
        "virements",
        "revisions",
        "modifications",
        "amendement",
        "amendment",
    ],
};
/// The plan's exchange-rate table.
pub(crate) const RATES: SheetKind = SheetKind {
    fr: "Taux de change",
    en: "Exchange rates",
    aliases: &[
        "tauxdechange",
        "tauxdechanges",
        "coursdechange",
        "exchangerates",
        "exchangerate",
        "rates",
    ],
};
/// The expenditure journal.
pub(crate) const EXPENDITURES: SheetKind = SheetKind {
    fr: "Depenses",
    en: "Expenditures",
    aliases: &[
        "depenses",
        "expenditures",
        "expenses",
        "depense",
        "journal",
        "journaldesdepenses",
        "ledger",
        "grandlivre",
        "execution",
    ],
};

/// The columns of one sheet.
pub(crate) trait Columns: Copy + Eq + Sized + 'static {
    /// The column a header names, if any.
    fn classify(normalised: &str) -> Option<Self>;
    /// The columns the sheet needs.
    const REQUIRED: &'static [Self];
    /// How many known headers make a row the header row.
    const MIN_MATCH: usize;
    /// The column's name in messages (`Montant / Amount`).
    fn name(self) -> &'static str;
}

/// Whether `norm` is `word` possibly followed by a currency or unit in parentheses
/// (`montantfcfa`, `montanteur`).
fn with_currency_suffix(norm: &str, word: &str) -> bool {
    norm.strip_prefix(word)
        .is_some_and(|rest| rest.is_empty() || currency_word(rest).is_some())
}

/// The currency a normalised word names (`fcfa`, `xof`, `eur`, `euros`, ...).
pub(crate) fn currency_word(norm: &str) -> Option<Currency> {
    match norm {
        "fcfa" | "cfa" | "xof" | "francscfa" | "francs" | "f" => Some(Currency::XOF),
        "xaf" => Some(Currency::XAF),
        "eur" | "euro" | "euros" => Some(Currency::EUR),
        "usd" | "dollars" => Some(Currency::USD),
        _ => None,
    }
}

/// The currency an amount header names: `Montant (EUR)` is EUR.
pub(crate) fn currency_hint(header: &str) -> Option<Currency> {
    let norm = normalise(header);
    ["montant", "amount", "somme", "valeur"]
        .iter()
        .find_map(|w| norm.strip_prefix(w))
        .and_then(currency_word)
}

/// Columns of the expenditure journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LedgerCol {
    Date,
    Voucher,
    Line,
    Amount,
    Currency,
    Rate,
    Stage,
    Payee,
    Description,
    Document,
}

impl Columns for LedgerCol {
    fn classify(n: &str) -> Option<Self> {
        use LedgerCol::*;
        Some(match n {
            "date" | "datedepense" | "dateoperation" | "datedelaoperation" | "datepiece" => Date,
            "reference" | "ref" | "npiece" | "numeropiece" | "nodepiece" | "ndepiece"
            | "numerodepiece" | "piece" | "voucher" | "voucherno" | "vouchernumber"
            | "referencepiece" | "nmandat" | "nbon" => Voucher,
            "ligne"
            | "lignebudgetaire"
            | "imputation"
            | "imputationbudgetaire"
            | "line"
            | "budgetline"
            | "codeligne"
            | "linecode"
            | "ligneimputation" => Line,
            n if with_currency_suffix(n, "montant")
                || with_currency_suffix(n, "amount")
                || with_currency_suffix(n, "somme") =>
            {
                Amount
            }
            "devise" | "currency" | "monnaie" => Currency,
            "taux" | "rate" | "tauxdechange" | "exchangerate" | "cours" => Rate,
            "etape" | "stage" | "phase" | "statut" | "status" | "stade" => Stage,
            "beneficiaire" | "payee" | "fournisseur" | "supplier" | "prestataire" => Payee,
            "libelle" | "objet" | "description" | "designation" | "motif" | "details" => {
                Description
            }
            "justificatif" | "document" | "piecejustificative" | "facture" | "invoice"
            | "supportingdocument" => Document,
            _ => return None,
        })
    }
    const REQUIRED: &'static [Self] = &[
        LedgerCol::Date,
        LedgerCol::Voucher,
        LedgerCol::Line,
        LedgerCol::Amount,
    ];
    const MIN_MATCH: usize = 3;
    fn name(self) -> &'static str {
        use LedgerCol::*;
        match self {
            Date => "Date",
            Voucher => "N° pièce / Voucher",
            Line => "Ligne / Line",
            Amount => "Montant / Amount",
            Currency => "Devise / Currency",
            Rate => "Taux / Rate",
            Stage => "Etape / Stage",
            Payee => "Bénéficiaire / Payee",
            Description => "Libellé / Description",
            Document => "Justificatif / Document",
        }
    }
}

/// Keys of the plan's key/value sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlanKey {
    Code,
    Title,
    TitleEn,
    Organisation,
    Currency,
    Start,
    End,
    Ceiling,
}

impl Columns for PlanKey {
    fn classify(n: &str) -> Option<Self> {
        use PlanKey::*;
        Some(match n {
            "code" | "codeduplan" | "plancode" | "reference" => Code,
            "titre" | "title" | "intitule" | "titrefr" | "intitulefr" | "libelle" | "nom" => Title,
            "titreen" | "titleen" | "intituleen" | "englishtitle" | "titreanglais"
            | "intituleanglais" => TitleEn,
            "organisation" | "organization" | "structure" | "organisme" | "entite" => Organisation,
            "devise" | "currency" | "monnaie" => Currency,
            "debut" | "start" | "datededebut" | "datedebut" | "startdate" | "debutdeperiode" => {
                Start
            }
            "fin" | "end" | "datedefin" | "datefin" | "enddate" | "findeperiode" => End,
            n if with_currency_suffix(n, "plafond")
                || with_currency_suffix(n, "ceiling")
                || with_currency_suffix(n, "budgettotal")
                || with_currency_suffix(n, "montanttotal") =>
            {
                Ceiling
            }
            _ => return None,
        })
    }
    const REQUIRED: &'static [Self] = &[
        PlanKey::Code,
        PlanKey::Title,
        PlanKey::Currency,
        PlanKey::Start,
        PlanKey::End,
        PlanKey::Ceiling,
    ];
    const MIN_MATCH: usize = 1;
    fn name(self) -> &'static str {
        use PlanKey::*;
        match self {
            Code => "Code",
            Title => "Titre / Title",
            TitleEn => "Titre EN / Title EN",
            Organisation => "Organisation",
            Currency => "Devise / Currency",
            Start => "Début / Start",
            End => "Fin / End",
            Ceiling => "Plafond / Ceiling",
        }
    }
}

/// Columns of the objectives sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ObjectiveCol {
    Code,
    Title,
    TitleEn,
}

impl Columns for ObjectiveCol {
    fn classify(n: &str) -> Option<Self> {
        Some(match n {
            "code" | "codeobjectif" | "objectif" | "objective" => ObjectiveCol::Code,
            "intitule" | "titre" | "title" | "libelle" | "intitulefr" | "titrefr" | "libellefr" => {
                ObjectiveCol::Title
            }
            "titleen" | "intituleen" | "titreen" | "libelleen" | "englishtitle"
            | "intituleanglais" => ObjectiveCol::TitleEn,
            _ => return None,
        })
    }
    const REQUIRED: &'static [Self] = &[ObjectiveCol::Code, ObjectiveCol::Title];
    const MIN_MATCH: usize = 2;
    fn name(self) -> &'static str {
        match self {
            ObjectiveCol::Code => "Code",
            ObjectiveCol::Title => "Intitulé / Title",
            ObjectiveCol::TitleEn => "Title EN",
        }
    }
}

/// Columns of the funding sources sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SourceCol {
    Code,
    Name,
    NameEn,
    Kind,
}

impl Columns for SourceCol {
    fn classify(n: &str) -> Option<Self> {
        Some(match n {
            "code" | "codesource" | "source" => SourceCol::Code,
            "nom" | "name" | "intitule" | "libelle" | "nomfr" | "namefr" => SourceCol::Name,
            "nameen" | "nomen" | "intituleen" | "englishname" | "nomanglais" => SourceCol::NameEn,
            "type" | "kind" | "nature" | "categorie" | "category" => SourceCol::Kind,
            _ => return None,
        })
    }
    const REQUIRED: &'static [Self] = &[SourceCol::Code, SourceCol::Name, SourceCol::Kind];
    const MIN_MATCH: usize = 2;
    fn name(self) -> &'static str {
        match self {
            SourceCol::Code => "Code",
            SourceCol::Name => "Nom / Name",
            SourceCol::NameEn => "Name EN",
            SourceCol::Kind => "Type / Kind",
        }
    }
}

/// Columns of the budget lines sheet. A year column (`2018`, `Montant 2019`) makes the layout
/// wide; a `Annee`/`Year` column with `Montant` makes it long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineCol {
    Code,
    Objective,
    Label,
    LabelEn,
    Source,
    Period,
    Amount,
    Year(i32),
    Total,
    Unit,
    Quantity,
    UnitCost,
}

impl Columns for LineCol {
    fn classify(n: &str) -> Option<Self> {
        use LineCol::*;
        if let Some(year) = year_column(n) {
            return Some(Year(year));
        }
        Some(match n {
            "code" | "codeligne" | "ligne" | "line" | "linecode" | "lignebudgetaire" => Code,
            "objectif" | "objective" | "codeobjectif" | "os" | "objectifstrategique" => Objective,
            "libelle" | "label" | "intitule" | "activite" | "activity" | "designation"
            | "libellefr" | "labelfr" => Label,
            "libelleen" | "labelen" | "intituleen" | "englishlabel" | "libelleanglais" => LabelEn,
            "source" | "sourcedefinancement" | "financement" | "fundingsource" | "codesource" => {
                Source
            }
            "annee" | "year" | "exercice" | "periode" | "period" | "fiscalyear" => Period,
            n if with_currency_suffix(n, "montant")
                || with_currency_suffix(n, "amount")
                || with_currency_suffix(n, "budget") =>
            {
                Amount
            }
            n if with_currency_suffix(n, "total")
                || with_currency_suffix(n, "montanttotal")
                || with_currency_suffix(n, "totalgeneral") =>
            {
                Total
            }
            "unite" | "unit" => Unit,
            "quantite" | "quantity" | "qte" | "nombre" => Quantity,
            n if with_currency_suffix(n, "coutunitaire")
                || with_currency_suffix(n, "unitcost")
                || with_currency_suffix(n, "prixunitaire")
                || with_currency_suffix(n, "cu")
                || with_currency_suffix(n, "pu") =>
            {
                UnitCost
            }
            _ => return None,
        })
    }
    const REQUIRED: &'static [Self] = &[
        LineCol::Code,
        LineCol::Objective,
        LineCol::Label,
        LineCol::Source,
    ];
    const MIN_MATCH: usize = 3;
    fn name(self) -> &'static str {
        use LineCol::*;
        match self {
            Code => "Code",
            Objective => "Objectif / Objective",
            Label => "Libellé / Label",
            LabelEn => "Label EN",
            Source => "Source",
            Period => "Année / Year",
            Amount => "Montant / Amount",
            Year(_) => "one column per year (2018, 2019, ...)",
            Total => "Total",
            Unit => "Unité / Unit",
            Quantity => "Quantité / Quantity",
            UnitCost => "Coût unitaire / Unit cost",
        }
    }
}

/// The year of a wide-layout amount column: `2018`, `Montant 2019`, `Budget 2018 (FCFA)`,
/// `2019 FCFA`.
fn year_column(n: &str) -> Option<i32> {
    let start = n.find(|c: char| c.is_ascii_digit())?;
    let digits: String = n[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    if digits.len() != 4 {
        return None;
    }
    let year: i32 = digits.parse().ok()?;
    if !(1900..=2200).contains(&year) {
        return None;
    }
    let before = &n[..start];
    let after = &n[start..][digits.len()..];
    let word_ok = |w: &str| {
        w.is_empty()
            || [
                "montant",
                "amount",
                "budget",
                "annee",
                "year",
                "prevision",
                "exercice",
            ]
            .contains(&w)
    };
    let tail_ok = |w: &str| w.is_empty() || currency_word(w).is_some();
    (word_ok(before) && tail_ok(after)).then_some(year)
}

/// Columns of the amendments sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AmendmentCol {
    Date,
    Reference,
    From,
    To,
    Amount,
    Source,
    Reason,
    ApprovedBy,
}

impl Columns for AmendmentCol {
    fn classify(n: &str) -> Option<Self> {
        use AmendmentCol::*;
        Some(match n {
            "date" | "dateeffet" | "datedeffet" | "effectivedate" => Date,
            "reference" | "ref" | "numero" | "decision" | "arrete" | "nreference" => Reference,
            "de" | "from" | "lignesource" | "fromline" | "lignede" | "debit" | "ligneorigine" => {
                From
            }
            "vers" | "to" | "a" | "lignedestination" | "toline" | "ligneversee" | "credit"
            | "lignebeneficiaire" => To,
            n if with_currency_suffix(n, "montant") || with_currency_suffix(n, "amount") => Amount,
            "source" | "sourcedefinancement" | "fundingsource" => Source,
            "motif" | "reason" | "justification" | "objet" => Reason,
            "approuvepar" | "approvedby" | "approbateur" | "visa" | "signataire" => ApprovedBy,
            _ => return None,
        })
    }
    const REQUIRED: &'static [Self] = &[
        AmendmentCol::Date,
        AmendmentCol::Reference,
        AmendmentCol::Amount,
    ];
    const MIN_MATCH: usize = 3;
    fn name(self) -> &'static str {
        use AmendmentCol::*;
        match self {
            Date => "Date",
            Reference => "Référence / Reference",
            From => "De / From",
            To => "Vers / To",
            Amount => "Montant / Amount",
            Source => "Source",
            Reason => "Motif / Reason",
            ApprovedBy => "Approuvé par / Approved by",
        }
    }
}

/// Columns of the exchange-rate sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RateCol {
    Date,
    From,
    To,
    Rate,
}

impl Columns for RateCol {
    fn classify(n: &str) -> Option<Self> {
        use RateCol::*;
        Some(match n {
            "date" | "dateeffet" | "datedeffet" | "effectivedate" | "apartirdu" | "validfrom" => {
                Date
            }
            "de" | "from" | "devise" | "currency" | "devisesource" | "fromcurrency" => From,
            "vers" | "to" | "en" | "devisecible" | "tocurrency" => To,
            "taux" | "rate" | "tauxdechange" | "exchangerate" | "cours" | "parite" => Rate,
            _ => return None,
        })
    }
    const REQUIRED: &'static [Self] = &[RateCol::Date, RateCol::From, RateCol::Rate];
    const MIN_MATCH: usize = 3;
    fn name(self) -> &'static str {
        use RateCol::*;
        match self {
            Date => "Date",
            From => "De / From",
            To => "Vers / To",
            Rate => "Taux / Rate",
        }
    }
}

/// Whether a normalised first cell marks a totals row (`Total`, `TOTAL GENERAL`, `Totaux`).
pub(crate) fn is_totals_label(norm: &str) -> bool {
    matches!(
        norm,
        "total" | "totaux" | "totalgeneral" | "grandtotal" | "totalglobal" | "ensemble" | "sum"
    ) || norm.starts_with("totalgeneral")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_ignores_case_accents_spaces_and_punctuation() {
        assert_eq!(normalise("DÉPENSES"), "depenses");
        assert_eq!(normalise("Ligne budgétaire"), "lignebudgetaire");
        assert_eq!(normalise("N° de pièce"), "ndepiece");
        assert_eq!(normalise("Approuvé par"), "approuvepar");
        assert_eq!(normalise("Bénéficiaire"), "beneficiaire");
        assert_eq!(normalise("Montant\u{a0}(F CFA)"), "montantfcfa");
        assert_eq!(normalise("Title (EN)"), "titleen");
        assert_eq!(normalise("Œuvre"), "oeuvre");
    }

    #[test]
    fn ledger_headers_in_french_and_english() {
        for (h, c) in [
            ("Date", LedgerCol::Date),
            ("N° pièce", LedgerCol::Voucher),
            ("Référence", LedgerCol::Voucher),
            ("Voucher", LedgerCol::Voucher),
            ("Ligne budgétaire", LedgerCol::Line),
            ("Imputation", LedgerCol::Line),
            ("Budget line", LedgerCol::Line),
            ("Montant (FCFA)", LedgerCol::Amount),
            ("AMOUNT", LedgerCol::Amount),
            ("Devise", LedgerCol::Currency),
            ("Étape", LedgerCol::Stage),
            ("Bénéficiaire", LedgerCol::Payee),
            ("Objet", LedgerCol::Description),
            ("Justificatif", LedgerCol::Document),
        ] {
            assert_eq!(LedgerCol::classify(&normalise(h)), Some(c), "{h}");
        }
        assert_eq!(LedgerCol::classify(&normalise("Objectif")), None);
    }

    #[test]
    fn amount_headers_may_name_a_currency() {
        assert_eq!(currency_hint("Montant (FCFA)"), Some(Currency::XOF));
        assert_eq!(currency_hint("Montant EUR"), Some(Currency::EUR));
        assert_eq!(currency_hint("Montant"), None);
    }

    #[test]
    fn wide_year_columns() {
        for (h, y) in [
            ("2018", 2018),
            ("Montant 2019", 2019),
            ("Budget 2018 (FCFA)", 2018),
            ("Année 2019", 2019),
        ] {
            assert_eq!(
                LineCol::classify(&normalise(h)),
                Some(LineCol::Year(y)),
                "{h}"
            );
        }
        assert_eq!(LineCol::classify(&normalise("Total")), Some(LineCol::Total));
        assert_eq!(
            LineCol::classify(&normalise("Année")),
            Some(LineCol::Period)
        );
        assert_eq!(LineCol::classify(&normalise("Note 2018 bis")), None);
        assert_eq!(LineCol::classify(&normalise("12345")), None);
    }

    #[test]
    fn sheets_by_any_name() {
        let names = vec![
            "Feuil1".to_string(),
            "DÉPENSES 2019".to_string(),
            "Dépenses".to_string(),
        ];
        assert_eq!(EXPENDITURES.find(&names), Some(&names[2]));
        let names = vec!["Lines".to_string()];
        assert_eq!(LINES.find(&names), Some(&names[0]));
    }

    #[test]
    fn rate_sheet_and_headers_in_french_and_english() {
        for name in [
            "Taux de change",
            "Exchange rates",
            "TAUX DE CHANGE",
            "Rates",
        ] {
            let names = vec!["Plan".to_string(), name.to_string()];
            assert_eq!(RATES.find(&names), Some(&names[1]), "{name}");
        }
        for (h, c) in [
            ("Date", RateCol::Date),
            ("De", RateCol::From),
            ("From", RateCol::From),
            ("Vers", RateCol::To),
            ("To", RateCol::To),
            ("Taux", RateCol::Rate),
            ("Rate", RateCol::Rate),
            ("Taux de change", RateCol::Rate),
        ] {
            assert_eq!(RateCol::classify(&normalise(h)), Some(c), "{h}");
        }
    }

    #[test]
    fn totals_labels() {
        for t in ["Total", "TOTAL GÉNÉRAL", "Totaux", "Total général (FCFA)"] {
            assert!(is_totals_label(&normalise(t)), "{t}");
        }
        assert!(!is_totals_label(&normalise("Sous-total")));
    }
}
