# export: what planfin-export says about the workbooks it writes (reports, plans, ledgers,
# templates): its errors, the values it wrote differently, and the input messages of templates.

## Why an export failed. $path: the output file; $detail: the text of the system or of the
## library (English).
export-output-is-input = refusing to write { $path }: it is the input file { $input }; choose another output file name
export-io = cannot write { $path }: { $detail }; check that the folder exists, is writable and has free space
export-input = cannot read input { $path } to record its SHA-256: { $detail }; check the path
export-xlsx = cannot build workbook { $path }: { $detail } (at { $location })
export-text-too-long = cannot write { $path }: the text at { $location } has { $chars } characters, more than the 32,767 a cell holds; shorten it
export-too-many-rows = cannot write { $path }: sheet { $sheet } would need { $rows } rows, more than the 1,048,576 an Excel sheet holds; split the data (by year or month) into several files
export-report = cannot compute the report for { $path }: { $reason }
export-no-report = nothing to write to { $path }: no report was given; pass at least one variance report
export-detail = { $detail }
export-template-kind-unknown = "{ $value }" is not a template kind: use plan or ledger

## A value written differently from its type (the findings of an export).
export-amount-as-text = { $amount } has more than { $digits } significant digits: an Excel number would round it, so it is written as text (exact) and left out of formulas
export-amount-too-large = { $amount } is 10^15 or more: planfin reads no number cell that large back, so it is written as text (exact)

## Input messages of the plan template (shown by Excel in the cell being filled in).
export-prompt-plan-code = Short code of the plan, e.g. CNLTP-2018-2019
export-prompt-plan-title-fr = Title of the plan (French)
export-prompt-plan-title-en = Title in English (optional)
export-prompt-plan-organisation = Organisation that executes the plan
export-prompt-plan-currency = Plan currency: ISO 4217 code (XOF = CFA franc)
export-prompt-plan-start = First day of the plan (a date or yyyy-mm-dd)
export-prompt-plan-end = Last day of the plan (a date or yyyy-mm-dd)
export-prompt-plan-ceiling = Budget ceiling, in the plan currency
export-prompt-objective-code = Unique objective code, e.g. OS1
export-prompt-objective-title-fr = Title (French)
export-prompt-objective-title-en = Title in English (optional)
export-prompt-source-code = Unique source code, e.g. STATE
export-prompt-source-name-fr = Name of the source (French)
export-prompt-source-name-en = Name in English (optional)
export-prompt-source-kind = State budget, Donor or Other
export-prompt-line-code = Line code, as text (0201 keeps its zero). One row per line and year.
export-prompt-line-objective = A code of the Objectives sheet
export-prompt-line-label-fr = Label (French)
export-prompt-line-label-en = Label in English (optional)
export-prompt-line-source = A code of the Sources sheet
export-prompt-line-period = Year (2019) or quarter (2019-Q3)
export-prompt-line-amount = Planned amount for the year, in the plan currency
export-prompt-line-unit = Optional: unit (workshop, day...)
export-prompt-line-quantity = Optional: quantity; quantity x unit cost = amount
export-prompt-line-unit-cost = Optional: cost of one unit
export-prompt-amendment-date = Effective date (a date or yyyy-mm-dd)
export-prompt-amendment-reference = Unique reference (decision number)
export-prompt-amendment-from = Line the amount is taken from (empty for a raise)
export-prompt-amendment-to = Line the amount goes to (empty for a cut)
export-prompt-amendment-amount = Amount, positive
export-prompt-amendment-source = For a raise or a cut: the funding source
export-prompt-amendment-reason = Reason
export-prompt-amendment-approved-by = Approved by

## Input messages of the ledger template.
export-prompt-ledger-codes = Paste the plan's line codes here
export-prompt-ledger-date = Date of the operation (a date or yyyy-mm-dd)
export-prompt-ledger-voucher = Voucher number, unique
export-prompt-ledger-line = Budget line code (Line codes sheet)
export-prompt-ledger-amount = Amount; negative for a correction
export-prompt-ledger-currency = Currency of the amount (empty: the plan's)
export-prompt-ledger-rate = Rate to the plan currency, where no fixed peg applies
export-prompt-ledger-stage = Stage: engagement, liquidation, ordonnancement or paiement (empty: paiement)
export-prompt-ledger-payee = Payee
export-prompt-ledger-description = What the expenditure is for
export-prompt-ledger-document = Supporting document reference (invoice, ...)
export-prompt-ledger-commitment = For a liquidation, an order or a payment: the voucher of its commitment. Excel warns when this journal has no such voucher: go on if the commitment is in another month's journal, which planfin reads with this one
