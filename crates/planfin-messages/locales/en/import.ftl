# import: what planfin-xlsx says about a workbook it reads (a cell, a sheet, a column, the file).

## A cell that could not be imported: the file, the place (Sheet!E9), the value, what was
## expected, the rule broken and the fix.
import-cell = { $file }: { $place }: "{ $value }" is not { $expected }: { $rule }; { $fix }
import-cell-empty = { $file }: { $place }: empty cell, expected { $expected }: { $rule }; { $fix }
import-more-errors = { $file }: { $more ->
        [one] { $more } more error not shown
       *[other] { $more } more errors not shown
    } ({ $total } in all); fix these and import again
import-no-error = { $file }: no error

## What a cell should hold.
import-expected-amount = an amount
import-expected-date = a date
import-expected-code = a code
import-expected-text = a text
import-expected-rate = a rate
import-expected-currency = a currency
import-expected-stage = a stage
import-expected-total-above = the total of the rows above
import-expected-positive-amount = a positive amount
import-expected-line = a line
import-expected-new-line-code = a new line code
import-expected-row-total = the total of the row's years
import-expected-same-objective-source = the same objective and source as the line's other rows
import-expected-new-period = a period not yet given for this line
import-expected-period = a year or a quarter
import-expected-source-kind = a kind of source
import-expected-note = a note (the table ends at its totals row)

## Every kind of cell.
import-rule-spreadsheet-error = the cell holds the spreadsheet error { $error }
import-fix-spreadsheet-error = correct the formula or the cells it uses, then save the workbook
import-rule-uncached = the cell holds a formula whose result was never computed and saved
import-fix-uncached = recalculate and save the workbook (open it in Excel or LibreOffice and save it)
import-rule-required = this column is required
import-fix-required = fill in the cell, or delete the row if it is not an entry

## Codes.
import-rule-code-number = a code is text or a whole number
import-fix-code-as-text = write the code as text (format the column as Text so that 0201 keeps its zero)
import-rule-code-kind = a code is text or a whole number, not a date or a boolean
import-fix-code-kind = format the column as Text and type the code

## Amounts.
import-rule-amount-is-date = the cell is formatted as a date
import-fix-format-as-number = format the cell as a number
import-rule-amount-is-number = an amount is a number
import-fix-amount-as-number = type the amount as a number, e.g. 1250000
import-rule-no-decimals = { $currency } has no decimals
import-fix-round-francs = round the amount to a whole number of francs
import-rule-currency-decimals = { $currency } has { $dp } { $dp ->
        [one] decimal
       *[other] decimals
    }
import-fix-round-amount = round the amount to { $dp } { $dp ->
        [one] decimal
       *[other] decimals
    }
import-rule-at-most-decimals = at most { $dp } { $dp ->
        [one] decimal
       *[other] decimals
    }
import-fix-round-value = round the value to { $dp } { $dp ->
        [one] decimal
       *[other] decimals
    }
import-rule-fifteen-digits = a number cell holds at most 15 significant digits
import-fix-amount-as-text = type the amount as text if it really has more digits
import-rule-not-finite = not a finite number
import-fix-amount-text = write digits with spaces between thousands, one decimal mark and an optional currency (FCFA, XOF, EUR, €), e.g. 1 250 000 or 12 500,50
import-rule-two-signs = two negative signs
import-rule-not-part-of-amount = "{ $text }" is not part of an amount
import-rule-no-digit = there is no digit
import-rule-too-many-digits = too many digits
import-rule-marks-after-decimal = spaces or marks after the decimal mark
import-rule-two-decimal-commas = more than one decimal comma
import-rule-two-decimal-points = more than one decimal point
import-rule-ambiguous-mark = "{ $text }" is ambiguous: the mark can be a thousands separator or a decimal mark
import-rule-thousands-misplaced = "{ $text }" has thousands separators in the wrong places
import-rule-rate-positive = a rate is positive
import-fix-rate = type the rate, e.g. 655.957
import-rule-plan-currency = the plan is in { $plan }, the amount says { $amount }
import-fix-convert = convert the amount to { $currency }
import-rule-row-currency = the amount says { $said } but the currency of the row is { $row }
import-fix-row-currency = make the amount and the Devise column agree
import-rule-no-currency = the journal has no Devise column and the amount names no currency
import-fix-no-currency = add a Devise column, or read the journal with its plan, whose currency is then the journal's
import-rule-sum-overflow = the amounts add up beyond what planfin can hold
import-fix-check-amounts = check the amounts

## Dates.
import-fix-date = format the cell as a date, or type it as dd/mm/yyyy (31/12/2019)
import-rule-date-is-number = the cell holds a plain number, not a date
import-rule-not-a-date = the cell does not hold a date
import-rule-duration = the cell is formatted as a duration
import-rule-serial-out-of-range = { $serial } is outside the dates a spreadsheet can hold
import-rule-leap-year-bug = { $date } does not exist (the spreadsheet 1900 leap-year bug)
import-rule-time-after-date = only a time of day (14:30 or 14:30:00) may follow the date
import-rule-date-order = a date is day/month/year, e.g. 31/12/2019
import-rule-year-digits = the year must have four digits
import-rule-year-range = the year must be between 1900 and 9999
import-rule-month-above-12 = the month is above 12: dates are day/month/year
import-rule-no-such-day = there is no such day

## Currencies, stages, sources, periods.
import-rule-currency = a currency is an ISO code or FCFA
import-fix-currency = write XOF (or FCFA), EUR, USD, ...
import-rule-stage = the stages are engagement, liquidation, ordonnancement and paiement
import-fix-stage = write one of them (an empty cell means paiement)
import-rule-source-kind = the kinds are Etat / State budget, Bailleur / Donor, Autre / Other
import-fix-source-kind = write one of them
import-rule-period = a period is a year or a quarter
import-fix-period = write the year (2019) or the quarter (2019-Q3)

## Totals rows.
import-rule-rows-add-up = the { $rows } { $rows ->
        [one] row
       *[other] rows
    } above add up to { $sum }
import-fix-total = correct the total or the rows, or delete the totals row
import-rule-years-add-up = the years of the row add up to { $sum }
import-fix-row-total = correct the Total or the yearly amounts
import-rule-entry-below-totals = this row looks like an entry but stands below the totals row
import-fix-entry-below-totals = move the entry above the totals row, or delete the totals row

## Plan lines and amendments.
import-rule-line-twice = line { $code } appears twice
import-fix-line-twice = give each line its own code
import-rule-line-elsewhere = line { $code } is already on objective { $objective } with source { $source }
import-fix-same-objective-source = give each row of a line the same objective and source
import-rule-period-twice = line { $code } already has an amount for this period
import-fix-period-twice = merge the two rows, or correct the period
import-rule-amendment-positive = an amendment moves a positive amount (the direction is in De / Vers)
import-fix-amendment-sign = write the amount without a sign and swap De and Vers if needed
import-rule-amendment-lines = an amendment takes from a line (De), gives to a line (Vers), or both
import-fix-amendment-lines = fill in De, Vers or both

## Warnings: what the import noticed and accepted.
import-warning = { $place }: { $message }
import-warn-total-checked = totals row checked: { $total } is the sum of the { $rows } { $rows ->
        [one] row
       *[other] rows
    } above, not imported
import-warn-more = { $count ->
        [one] { $count } more warning not shown
       *[other] { $count } more warnings not shown
    }
import-warn-below-totals = below the totals row: not imported
import-warn-totals-not-checked = totals row not checked: there are errors above
import-warn-line-without-amount = line { $code } has no { $year } and no { $amount }: no planned amount
import-warn-skipped = { $what } without the required columns: skipped
import-warn-skipped-entry = { $what } without date, voucher, line or amount: skipped
import-warn-duplicate = same voucher and content as an earlier row: counted once
import-warn-only-sheet = no sheet named "{ $expected }": reading the only sheet, "{ $sheet }"
import-row = row
import-row-subtotal = subtotal row

## Sheets and columns.
import-missing-sheet = { $file }: no sheet named { $sheet }: the workbook has { $found }; name the sheet that holds them { $sheet_fr }
import-sheet-either = "{ $first }" or "{ $second }"
import-sheet-plan-or-ledger = { $plan } (a plan) or { $ledger } (a ledger)
import-missing-columns = { $file }: { $sheet }: missing { $count ->
       *[other] column(s)
    } { $missing }: the header row has { $found }; add the column(s) with these names (French or English) or rename the existing ones
import-missing-columns-row = { $file }: { $sheet }: missing { $count ->
       *[other] column(s)
    } { $missing }: the header row (row { $row }) has { $found }; add the column(s) with these names (French or English) or rename the existing ones
import-column = { $name }
import-column-plan-key = { $name } (a row with the name in one cell and the value beside it)
import-column-year = { $name } (or one column per year: 2018, 2019, ...)
import-quoted = "{ $value }"
import-no-sheet = none
import-no-header = none

## The file.
import-password-protected = { $file }: the workbook is protected by a password: planfin cannot read encrypted workbooks; open it, remove the password (File > Info > Protect Workbook) and save a copy
import-too-large = { $file }: { $what }, beyond the limit of { $limit }: planfin refuses it to stay safe; if the workbook is genuine, split it or raise { $setting } ({ $cli }; { $python } in Python)
import-not-a-workbook = { $file }: not a workbook: { $reason }; save it from Excel or LibreOffice as .xlsx, .xls or .ods
import-unreadable = { $file }: the workbook cannot be read ({ $reason }); open it in Excel or LibreOffice, repair it if asked, and save it again
import-io = { $file }: cannot open the file: { $detail }
import-conflicts = { $file }: { $count ->
        [one] { $count } conflicting voucher
       *[other] { $count } conflicting vouchers
    }
# A text of a library or of the system, passed on as it is (English).
import-detail = { $detail }

## Why a file is not a workbook, or cannot be read.
import-reason-empty-file = the file is empty (0 bytes)
import-reason-zip-without-workbook = a zip archive, but with neither { $xlsx } nor { $ods } inside
import-reason-xml-2003 = an XML Spreadsheet 2003 file, which planfin does not read
import-reason-html = an HTML page (some systems export tables as HTML named .xls)
import-reason-xml = an XML or HTML text file
import-reason-biff = an Excel 2.x-4.x worksheet (BIFF2-4), which planfin does not read
import-reason-pdf = a PDF document
import-reason-text = a text file (a CSV export?)
import-reason-unknown-content = its content is neither a zip (xlsx, ods) nor an OLE2 (xls) container
import-reason-plan-incomplete = the Plan sheet is incomplete
import-reason-read-again = read again exactly
import-reason-sheet = sheet { $sheet }: { $detail }
import-reason-reader-panicked = the cell reader panicked
import-reason-damaged-record = the reader failed on a damaged record: { $detail }
import-reason-zip-damaged = damaged or truncated zip container, perhaps cut short: { $detail }
import-reason-zip-entry = damaged zip entry { $index }: { $detail }
import-reason-part = { $part }: { $detail }
import-reason-ole2-damaged = the OLE2 container is damaged: { $detail }
import-reason-stream-unreadable = the workbook stream cannot be read: { $detail }
import-reason-sheet-beyond-stream = a sheet starts at byte { $position }, beyond the workbook stream ({ $size } bytes)
import-reason-record-header-cut = a record header at byte { $offset } is cut short
import-reason-record-too-long = the record at byte { $start } claims { $len } bytes, but { $left } are left in the part
import-reason-record-cut = the record at byte { $start } is cut short

## Safety limits: what is too large, and the limit.
import-too-large-file = the file has { $size }
import-too-large-zip-entries = the zip container has { $count } entries
import-too-large-entry = { $entry } declares { $size } uncompressed
import-too-large-ratio = { $entry } inflates { $ratio }:1 ({ $compressed } to { $uncompressed })
import-too-large-total = the entries add up to more than { $size }
import-too-large-ods = its sheets span { $count } cells once repeated rows and columns are expanded
import-too-large-xls = the xls reader would allocate { $count } cells for its sheets (the rectangles their cells span, and the room their DIMENSIONS records reserve)
import-too-large-range = sheet { $sheet } spans { $rows } rows by { $cols } columns
import-too-large-cells = sheet { $sheet } has more than { $count } cells
import-too-large-text = { $place } holds { $count } characters of text
import-limit-cells = { $count } cells
import-limit-entries = { $count } entries
import-limit-characters = { $count } characters
import-limit-ratio = { $ratio }:1
import-limit-too-large = { $value } is too large for { $name }
import-limit-unknown = "{ $name }" is not a limit: the limits are { $names }
import-bytes = { $count } B
import-bytes-kb = { $size } KB
import-bytes-mb = { $size } MB
import-bytes-gb = { $size } GB

## Lists.
import-join-lines =
    { $first }
    { $second }
import-join-list = { $first }, { $second }
