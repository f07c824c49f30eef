//! # planfin-layout
//!
//! The one description of planfin's plan and ledger workbooks: each sheet and each column with
//! its French and English names as planfin writes them, the names it accepts when reading
//! (normalised aliases), the name it gives in messages, and which columns a sheet requires.
//! The importer (planfin-xlsx) finds headers with it; the writers (planfin-export) write the
//! same names, so a column's names are written once, here.
//!
//! Names match in French or English ignoring case, accents, spaces and punctuation:
//! `Montant (FCFA)`, `MONTANT FCFA` and `montant_fcfa` are all `montantfcfa`.
//!
//! ```
//! use planfin_core::plan::Lang;
//! use planfin_layout::{Columns, EXPENDITURES, LedgerCol, normalise};
//! assert_eq!(EXPENDITURES.name(Lang::En), "Expenditures");
//! assert_eq!(LedgerCol::Voucher.header(Lang::Fr), "N° pièce");
//! // What planfin writes, it reads back; other spellings too.
//! assert_eq!(LedgerCol::classify(&normalise("N° pièce")), Some(LedgerCol::Voucher));
//! assert_eq!(LedgerCol::classify(&normalise("Montant (FCFA)")), Some(LedgerCol::Amount));
//! assert_eq!(LedgerCol::Amount.name(), "Montant / Amount");
//! assert!(LedgerCol::REQUIRED.contains(&LedgerCol::Date));
//! ```

use planfin_core::currency::Currency;
use planfin_core::plan::Lang;

/// The comparable form of a name: lower case, accents dropped, letters and digits only.
///
/// ```
/// use planfin_layout::normalise;
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
pub struct SheetKind {
    /// The French name (used in messages and written by the fixtures).
    pub fr: &'static str,
    /// The English name.
    pub en: &'static str,
    /// Every accepted name, normalised.
    pub aliases: &'static [&'static str],
}

impl SheetKind {
    /// The first sheet of `names` that is this one.
    pub fn find<'n>(&self, names: &'n [String]) -> Option<&'n String> {
        names
            .iter()
            .find(|n| self.aliases.contains(&normalise(n).as_str()))
    }

    /// The name planfin writes in `lang`.
    pub fn name(&self, lang: Lang) -> &'static str {
        Header::new(self.fr, self.en).get(lang)
    }

    /// `"Lignes" or "Lines"`.
    pub fn described(&self) -> String {
        if self.fr == self.en {
            format!("\"{}\"", self.fr)
        } else {
            format!("\"{}\" or \"{}\"", self.fr, self.en)
        }
    }
}

/// The plan's key/value sheet.
pub const PLAN: SheetKind = SheetKind {
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
pub const OBJECTIVES: SheetKind = SheetKind {
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
pub const SOURCES: SheetKind = SheetKind {
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
pub const LINES: SheetKind = SheetKind {
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
pub const AMENDMENTS: SheetKind = SheetKind {
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
pub const RATES: SheetKind = SheetKind {
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
pub const EXPENDITURES: SheetKind = SheetKind {
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

/// A header as planfin writes it, in French and in English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    /// The French header.
    pub fr: &'static str,
    /// The English header.
    pub en: &'static str,
}

impl Header {
    /// The header `fr` in French, `en` in English.
    pub const fn new(fr: &'static str, en: &'static str) -> Header {
        Header { fr, en }
    }

    /// The header in `lang`.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.fr,
            Lang::En => self.en,
        }
    }
}

/// One column of a sheet: its names written, read and shown in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column<C> {
    /// The column.
    pub key: C,
    /// The header planfin writes.
    pub header: Header,
    /// Its name in messages (`Montant / Amount`).
    pub label: &'static str,
    /// Every accepted header, normalised.
    pub aliases: &'static [&'static str],
    /// Accepted words that may be followed by a currency (`montant`, `montantfcfa`).
    pub amount_words: &'static [&'static str],
}

impl<C> Column<C> {
    /// Whether the normalised header `norm` names this column.
    pub fn matches(&self, norm: &str) -> bool {
        self.aliases.contains(&norm)
            || self
                .amount_words
                .iter()
                .any(|w| with_currency_suffix(norm, w))
    }
}

/// A column with no amount word.
const fn col<C>(
    key: C,
    header: Header,
    label: &'static str,
    aliases: &'static [&'static str],
) -> Column<C> {
    Column {
        key,
        header,
        label,
        aliases,
        amount_words: &[],
    }
}

/// A column named by words that may be followed by a currency.
const fn amount_col<C>(
    key: C,
    header: Header,
    label: &'static str,
    amount_words: &'static [&'static str],
) -> Column<C> {
    Column {
        key,
        header,
        label,
        aliases: &[],
        amount_words,
    }
}

/// The columns of one sheet.
pub trait Columns: Copy + Eq + Sized + 'static {
    /// Every column, in the order headers are tried (the first that matches wins).
    const COLUMNS: &'static [Column<Self>];
    /// The columns the sheet needs.
    const REQUIRED: &'static [Self];
    /// How many known headers make a row the header row.
    const MIN_MATCH: usize;

    /// The column a normalised header names, if any.
    fn classify(normalised: &str) -> Option<Self> {
        Self::COLUMNS
            .iter()
            .find(|c| c.matches(normalised))
            .map(|c| c.key)
    }

    /// The description of the column.
    fn column(self) -> Option<&'static Column<Self>> {
        Self::COLUMNS.iter().find(|c| c.key == self)
    }

    /// The column's name in messages (`Montant / Amount`).
    fn name(self) -> &'static str {
        self.column().map_or("", |c| c.label)
    }

    /// The header planfin writes for the column in `lang`.
    fn header(self, lang: Lang) -> &'static str {
        self.column().map_or(self.name(), |c| c.header.get(lang))
    }
}

/// Whether `norm` is `word` possibly followed by a currency or unit in parentheses
/// (`montantfcfa`, `montanteur`).
fn with_currency_suffix(norm: &str, word: &str) -> bool {
    norm.strip_prefix(word)
        .is_some_and(|rest| rest.is_empty() || currency_word(rest).is_some())
}

/// The currency a normalised word names (`fcfa`, `xof`, `eur`, `euros`, ...).
pub fn currency_word(norm: &str) -> Option<Currency> {
    match norm {
        "fcfa" | "cfa" | "xof" | "francscfa" | "francs" | "f" => Some(Currency::XOF),
        "xaf" => Some(Currency::XAF),
        "eur" | "euro" | "euros" => Some(Currency::EUR),
        "usd" | "dollars" => Some(Currency::USD),
        _ => None,
    }
}

/// The currency an amount header names: `Montant (EUR)` is EUR.
pub fn currency_hint(header: &str) -> Option<Currency> {
    let norm = normalise(header);
    ["montant", "amount", "somme", "valeur"]
        .iter()
        .find_map(|w| norm.strip_prefix(w))
        .and_then(currency_word)
}

/// Columns of the expenditure journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LedgerCol {
    /// The `Date` column (its names: [`Columns::COLUMNS`]).
    Date,
    /// The `Voucher` column (its names: [`Columns::COLUMNS`]).
    Voucher,
    /// The `Line` column (its names: [`Columns::COLUMNS`]).
    Line,
    /// The `Amount` column (its names: [`Columns::COLUMNS`]).
    Amount,
    /// The `Currency` column (its names: [`Columns::COLUMNS`]).
    Currency,
    /// The `Rate` column (its names: [`Columns::COLUMNS`]).
    Rate,
    /// The `Stage` column (its names: [`Columns::COLUMNS`]).
    Stage,
    /// The `Payee` column (its names: [`Columns::COLUMNS`]).
    Payee,
    /// The `Description` column (its names: [`Columns::COLUMNS`]).
    Description,
    /// The `Document` column (its names: [`Columns::COLUMNS`]).
    Document,
    /// The `Commitment` column: the voucher of the commitment (engagement) a liquidation, an
    /// order or a payment belongs to (its names: [`Columns::COLUMNS`]).
    Commitment,
}

impl Columns for LedgerCol {
    const COLUMNS: &'static [Column<Self>] = {
        use LedgerCol::*;
        &[
            col(
                Date,
                Header::new("Date", "Date"),
                "Date",
                &[
                    "date",
                    "datedepense",
                    "dateoperation",
                    "datedelaoperation",
                    "datepiece",
                ],
            ),
            col(
                Voucher,
                Header::new("N° pièce", "Voucher"),
                "N° pièce / Voucher",
                &[
                    "reference",
                    "ref",
                    "npiece",
                    "numeropiece",
                    "nodepiece",
                    "ndepiece",
                    "numerodepiece",
                    "piece",
                    "voucher",
                    "voucherno",
                    "vouchernumber",
                    "referencepiece",
                    "nmandat",
                    "nbon",
                ],
            ),
            col(
                Line,
                Header::new("Ligne", "Line"),
                "Ligne / Line",
                &[
                    "ligne",
                    "lignebudgetaire",
                    "imputation",
                    "imputationbudgetaire",
                    "line",
                    "budgetline",
                    "codeligne",
                    "linecode",
                    "ligneimputation",
                ],
            ),
            amount_col(
                Amount,
                Header::new("Montant", "Amount"),
                "Montant / Amount",
                &["montant", "amount", "somme"],
            ),
            col(
                Currency,
                Header::new("Devise", "Currency"),
                "Devise / Currency",
                &["devise", "currency", "monnaie"],
            ),
            col(
                Rate,
                Header::new("Taux", "Rate"),
                "Taux / Rate",
                &["taux", "rate", "tauxdechange", "exchangerate", "cours"],
            ),
            col(
                Stage,
                Header::new("Étape", "Stage"),
                "Etape / Stage",
                &["etape", "stage", "phase", "statut", "status", "stade"],
            ),
            col(
                Payee,
                Header::new("Bénéficiaire", "Payee"),
                "Bénéficiaire / Payee",
                &[
                    "beneficiaire",
                    "payee",
                    "fournisseur",
                    "supplier",
                    "prestataire",
                ],
            ),
            col(
                Description,
                Header::new("Libellé", "Description"),
                "Libellé / Description",
                &[
                    "libelle",
                    "objet",
                    "description",
                    "designation",
                    "motif",
                    "details",
                ],
            ),
            col(
                Document,
                Header::new("Justificatif", "Document"),
                "Justificatif / Document",
                &[
                    "justificatif",
                    "document",
                    "piecejustificative",
                    "facture",
                    "invoice",
                    "supportingdocument",
                ],
            ),
            col(
                Commitment,
                Header::new("N° engagement", "Commitment"),
                "N° engagement / Commitment",
                &[
                    "engagement",
                    "nengagement",
                    "numeroengagement",
                    "numerodengagement",
                    "nodengagement",
                    "ndengagement",
                    "refengagement",
                    "commitment",
                    "commitmentno",
                    "commitmentnumber",
                    "commitmentref",
                ],
            ),
        ]
    };
    const REQUIRED: &'static [Self] = &[
        LedgerCol::Date,
        LedgerCol::Voucher,
        LedgerCol::Line,
        LedgerCol::Amount,
    ];
    const MIN_MATCH: usize = 3;
}

/// Keys of the plan's key/value sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanKey {
    /// The `Code` column (its names: [`Columns::COLUMNS`]).
    Code,
    /// The `Title` column (its names: [`Columns::COLUMNS`]).
    Title,
    /// The `TitleEn` column (its names: [`Columns::COLUMNS`]).
    TitleEn,
    /// The `Organisation` column (its names: [`Columns::COLUMNS`]).
    Organisation,
    /// The `Currency` column (its names: [`Columns::COLUMNS`]).
    Currency,
    /// The `Start` column (its names: [`Columns::COLUMNS`]).
    Start,
    /// The `End` column (its names: [`Columns::COLUMNS`]).
    End,
    /// The `Ceiling` column (its names: [`Columns::COLUMNS`]).
    Ceiling,
}

impl Columns for PlanKey {
    const COLUMNS: &'static [Column<Self>] = {
        use PlanKey::*;
        &[
            col(
                Code,
                Header::new("Code", "Code"),
                "Code",
                &["code", "codeduplan", "plancode", "reference"],
            ),
            col(
                Title,
                Header::new("Titre", "Title"),
                "Titre / Title",
                &[
                    "titre",
                    "title",
                    "intitule",
                    "titrefr",
                    "intitulefr",
                    "libelle",
                    "nom",
                ],
            ),
            col(
                TitleEn,
                Header::new("Titre EN", "Title EN"),
                "Titre EN / Title EN",
                &[
                    "titreen",
                    "titleen",
                    "intituleen",
                    "englishtitle",
                    "titreanglais",
                    "intituleanglais",
                ],
            ),
            col(
                Organisation,
                Header::new("Organisation", "Organisation"),
                "Organisation",
                &[
                    "organisation",
                    "organization",
                    "structure",
                    "organisme",
                    "entite",
                ],
            ),
            col(
                Currency,
                Header::new("Devise", "Currency"),
                "Devise / Currency",
                &["devise", "currency", "monnaie"],
            ),
            col(
                Start,
                Header::new("Début", "Start"),
                "Début / Start",
                &[
                    "debut",
                    "start",
                    "datededebut",
                    "datedebut",
                    "startdate",
                    "debutdeperiode",
                ],
            ),
            col(
                End,
                Header::new("Fin", "End"),
                "Fin / End",
                &[
                    "fin",
                    "end",
                    "datedefin",
                    "datefin",
                    "enddate",
                    "findeperiode",
                ],
            ),
            amount_col(
                Ceiling,
                Header::new("Plafond", "Ceiling"),
                "Plafond / Ceiling",
                &["plafond", "ceiling", "budgettotal", "montanttotal"],
            ),
        ]
    };
    const REQUIRED: &'static [Self] = &[
        PlanKey::Code,
        PlanKey::Title,
        PlanKey::Currency,
        PlanKey::Start,
        PlanKey::End,
        PlanKey::Ceiling,
    ];
    const MIN_MATCH: usize = 1;
}

/// Columns of the objectives sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectiveCol {
    /// The `Code` column (its names: [`Columns::COLUMNS`]).
    Code,
    /// The `Title` column (its names: [`Columns::COLUMNS`]).
    Title,
    /// The `TitleEn` column (its names: [`Columns::COLUMNS`]).
    TitleEn,
}

impl Columns for ObjectiveCol {
    const COLUMNS: &'static [Column<Self>] = &[
        col(
            ObjectiveCol::Code,
            Header::new("Code", "Code"),
            "Code",
            &["code", "codeobjectif", "objectif", "objective"],
        ),
        col(
            ObjectiveCol::Title,
            Header::new("Intitulé", "Title"),
            "Intitulé / Title",
            &[
                "intitule",
                "titre",
                "title",
                "libelle",
                "intitulefr",
                "titrefr",
                "libellefr",
            ],
        ),
        col(
            ObjectiveCol::TitleEn,
            Header::new("Intitulé EN", "Title EN"),
            "Title EN",
            &[
                "titleen",
                "intituleen",
                "titreen",
                "libelleen",
                "englishtitle",
                "intituleanglais",
            ],
        ),
    ];
    const REQUIRED: &'static [Self] = &[ObjectiveCol::Code, ObjectiveCol::Title];
    const MIN_MATCH: usize = 2;
}

/// Columns of the funding sources sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceCol {
    /// The `Code` column (its names: [`Columns::COLUMNS`]).
    Code,
    /// The `Name` column (its names: [`Columns::COLUMNS`]).
    Name,
    /// The `NameEn` column (its names: [`Columns::COLUMNS`]).
    NameEn,
    /// The `Kind` column (its names: [`Columns::COLUMNS`]).
    Kind,
}

impl Columns for SourceCol {
    const COLUMNS: &'static [Column<Self>] = &[
        col(
            SourceCol::Code,
            Header::new("Code", "Code"),
            "Code",
            &["code", "codesource", "source"],
        ),
        col(
            SourceCol::Name,
            Header::new("Nom", "Name"),
            "Nom / Name",
            &["nom", "name", "intitule", "libelle", "nomfr", "namefr"],
        ),
        col(
            SourceCol::NameEn,
            Header::new("Nom EN", "Name EN"),
            "Name EN",
            &["nameen", "nomen", "intituleen", "englishname", "nomanglais"],
        ),
        col(
            SourceCol::Kind,
            Header::new("Type", "Kind"),
            "Type / Kind",
            &["type", "kind", "nature", "categorie", "category"],
        ),
    ];
    const REQUIRED: &'static [Self] = &[SourceCol::Code, SourceCol::Name, SourceCol::Kind];
    const MIN_MATCH: usize = 2;
}

/// Columns of the budget lines sheet. A year column (`2018`, `Montant 2019`) makes the layout
/// wide; a `Annee`/`Year` column with `Montant` makes it long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineCol {
    /// The `Code` column (its names: [`Columns::COLUMNS`]).
    Code,
    /// The `Objective` column (its names: [`Columns::COLUMNS`]).
    Objective,
    /// The `Label` column (its names: [`Columns::COLUMNS`]).
    Label,
    /// The `LabelEn` column (its names: [`Columns::COLUMNS`]).
    LabelEn,
    /// The `Source` column (its names: [`Columns::COLUMNS`]).
    Source,
    /// The `Period` column (its names: [`Columns::COLUMNS`]).
    Period,
    /// The `Amount` column (its names: [`Columns::COLUMNS`]).
    Amount,
    /// An amount column of one year (wide layout).
    Year(i32),
    /// The `Total` column (its names: [`Columns::COLUMNS`]).
    Total,
    /// The `Unit` column (its names: [`Columns::COLUMNS`]).
    Unit,
    /// The `Quantity` column (its names: [`Columns::COLUMNS`]).
    Quantity,
    /// The `UnitCost` column (its names: [`Columns::COLUMNS`]).
    UnitCost,
}

impl Columns for LineCol {
    const COLUMNS: &'static [Column<Self>] = {
        use LineCol::*;
        &[
            col(
                Code,
                Header::new("Code", "Code"),
                "Code",
                &[
                    "code",
                    "codeligne",
                    "ligne",
                    "line",
                    "linecode",
                    "lignebudgetaire",
                ],
            ),
            col(
                Objective,
                Header::new("Objectif", "Objective"),
                "Objectif / Objective",
                &[
                    "objectif",
                    "objective",
                    "codeobjectif",
                    "os",
                    "objectifstrategique",
                ],
            ),
            col(
                Label,
                Header::new("Libellé", "Label"),
                "Libellé / Label",
                &[
                    "libelle",
                    "label",
                    "intitule",
                    "activite",
                    "activity",
                    "designation",
                    "libellefr",
                    "labelfr",
                ],
            ),
            col(
                LabelEn,
                Header::new("Libellé EN", "Label EN"),
                "Label EN",
                &[
                    "libelleen",
                    "labelen",
                    "intituleen",
                    "englishlabel",
                    "libelleanglais",
                ],
            ),
            col(
                Source,
                Header::new("Source", "Source"),
                "Source",
                &[
                    "source",
                    "sourcedefinancement",
                    "financement",
                    "fundingsource",
                    "codesource",
                ],
            ),
            col(
                Period,
                Header::new("Année", "Year"),
                "Année / Year",
                &[
                    "annee",
                    "year",
                    "exercice",
                    "periode",
                    "period",
                    "fiscalyear",
                ],
            ),
            amount_col(
                Amount,
                Header::new("Montant", "Amount"),
                "Montant / Amount",
                &["montant", "amount", "budget"],
            ),
            amount_col(
                Total,
                Header::new("Total", "Total"),
                "Total",
                &["total", "montanttotal", "totalgeneral"],
            ),
            col(
                Unit,
                Header::new("Unité", "Unit"),
                "Unité / Unit",
                &["unite", "unit"],
            ),
            col(
                Quantity,
                Header::new("Quantité", "Quantity"),
                "Quantité / Quantity",
                &["quantite", "quantity", "qte", "nombre"],
            ),
            amount_col(
                UnitCost,
                Header::new("Coût unitaire", "Unit cost"),
                "Coût unitaire / Unit cost",
                &["coutunitaire", "unitcost", "prixunitaire", "cu", "pu"],
            ),
        ]
    };
    const REQUIRED: &'static [Self] = &[
        LineCol::Code,
        LineCol::Objective,
        LineCol::Label,
        LineCol::Source,
    ];
    const MIN_MATCH: usize = 3;

    /// A year column (`2018`, `Montant 2019`) first, then the columns.
    fn classify(n: &str) -> Option<Self> {
        if let Some(year) = year_column(n) {
            return Some(LineCol::Year(year));
        }
        Self::COLUMNS.iter().find(|c| c.matches(n)).map(|c| c.key)
    }

    fn name(self) -> &'static str {
        match self {
            LineCol::Year(_) => "one column per year (2018, 2019, ...)",
            other => other.column().map_or("", |c| c.label),
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
pub enum AmendmentCol {
    /// The `Date` column (its names: [`Columns::COLUMNS`]).
    Date,
    /// The `Reference` column (its names: [`Columns::COLUMNS`]).
    Reference,
    /// The `From` column (its names: [`Columns::COLUMNS`]).
    From,
    /// The `To` column (its names: [`Columns::COLUMNS`]).
    To,
    /// The `Amount` column (its names: [`Columns::COLUMNS`]).
    Amount,
    /// The `Source` column (its names: [`Columns::COLUMNS`]).
    Source,
    /// The `Reason` column (its names: [`Columns::COLUMNS`]).
    Reason,
    /// The `ApprovedBy` column (its names: [`Columns::COLUMNS`]).
    ApprovedBy,
}

impl Columns for AmendmentCol {
    const COLUMNS: &'static [Column<Self>] = {
        use AmendmentCol::*;
        &[
            col(
                Date,
                Header::new("Date", "Date"),
                "Date",
                &["date", "dateeffet", "datedeffet", "effectivedate"],
            ),
            col(
                Reference,
                Header::new("Référence", "Reference"),
                "Référence / Reference",
                &[
                    "reference",
                    "ref",
                    "numero",
                    "decision",
                    "arrete",
                    "nreference",
                ],
            ),
            col(
                From,
                Header::new("De", "From"),
                "De / From",
                &[
                    "de",
                    "from",
                    "lignesource",
                    "fromline",
                    "lignede",
                    "debit",
                    "ligneorigine",
                ],
            ),
            col(
                To,
                Header::new("Vers", "To"),
                "Vers / To",
                &[
                    "vers",
                    "to",
                    "a",
                    "lignedestination",
                    "toline",
                    "ligneversee",
                    "credit",
                    "lignebeneficiaire",
                ],
            ),
            amount_col(
                Amount,
                Header::new("Montant", "Amount"),
                "Montant / Amount",
                &["montant", "amount"],
            ),
            col(
                Source,
                Header::new("Source", "Source"),
                "Source",
                &["source", "sourcedefinancement", "fundingsource"],
            ),
            col(
                Reason,
                Header::new("Motif", "Reason"),
                "Motif / Reason",
                &["motif", "reason", "justification", "objet"],
            ),
            col(
                ApprovedBy,
                Header::new("Approuvé par", "Approved by"),
                "Approuvé par / Approved by",
                &[
                    "approuvepar",
                    "approvedby",
                    "approbateur",
                    "visa",
                    "signataire",
                ],
            ),
        ]
    };
    const REQUIRED: &'static [Self] = &[
        AmendmentCol::Date,
        AmendmentCol::Reference,
        AmendmentCol::Amount,
    ];
    const MIN_MATCH: usize = 3;
}

/// Columns of the exchange-rate sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateCol {
    /// The `Date` column (its names: [`Columns::COLUMNS`]).
    Date,
    /// The `From` column (its names: [`Columns::COLUMNS`]).
    From,
    /// The `To` column (its names: [`Columns::COLUMNS`]).
    To,
    /// The `Rate` column (its names: [`Columns::COLUMNS`]).
    Rate,
}

impl Columns for RateCol {
    const COLUMNS: &'static [Column<Self>] = {
        use RateCol::*;
        &[
            col(
                Date,
                Header::new("Date", "Date"),
                "Date",
                &[
                    "date",
                    "dateeffet",
                    "datedeffet",
                    "effectivedate",
                    "apartirdu",
                    "validfrom",
                ],
            ),
            col(
                From,
                Header::new("De", "From"),
                "De / From",
                &[
                    "de",
                    "from",
                    "devise",
                    "currency",
                    "devisesource",
                    "fromcurrency",
                ],
            ),
            col(
                To,
                Header::new("Vers", "To"),
                "Vers / To",
                &["vers", "to", "en", "devisecible", "tocurrency"],
            ),
            col(
                Rate,
                Header::new("Taux", "Rate"),
                "Taux / Rate",
                &[
                    "taux",
                    "rate",
                    "tauxdechange",
                    "exchangerate",
                    "cours",
                    "parite",
                ],
            ),
        ]
    };
    const REQUIRED: &'static [Self] = &[RateCol::Date, RateCol::From, RateCol::Rate];
    const MIN_MATCH: usize = 3;
}

/// Whether a normalised first cell marks a totals row (`Total`, `TOTAL GENERAL`, `Totaux`).
pub fn is_totals_label(norm: &str) -> bool {
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
            ("N° engagement", LedgerCol::Commitment),
            ("Engagement", LedgerCol::Commitment),
            ("Commitment", LedgerCol::Commitment),
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

    /// What planfin writes, it reads back as the same column, in both languages.
    fn headers_read_back<C: Columns + std::fmt::Debug>() {
        for c in C::COLUMNS {
            for h in [c.header.fr, c.header.en] {
                assert_eq!(C::classify(&normalise(h)), Some(c.key), "{h}");
            }
        }
        for r in C::REQUIRED {
            assert!(r.column().is_some(), "{r:?}");
        }
    }

    #[test]
    fn every_written_header_reads_back() {
        headers_read_back::<LedgerCol>();
        headers_read_back::<PlanKey>();
        headers_read_back::<ObjectiveCol>();
        headers_read_back::<SourceCol>();
        headers_read_back::<LineCol>();
        headers_read_back::<AmendmentCol>();
        headers_read_back::<RateCol>();
        for sheet in [
            PLAN,
            OBJECTIVES,
            SOURCES,
            LINES,
            AMENDMENTS,
            RATES,
            EXPENDITURES,
        ] {
            for lang in [Lang::Fr, Lang::En] {
                let names = vec![sheet.name(lang).to_string()];
                assert_eq!(sheet.find(&names), Some(&names[0]));
            }
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
