# The command line: its errors, notes and summaries.

cli-error = planfin: error: { $message }
cli-warning = planfin: warning: { $message }
cli-says = planfin: { $message }
cli-in-file = { $file }: { $message }
cli-import-note = { $place }: note: { $message }
cli-embedded = { $file } (embedded in planfin)
cli-reading = { $file }: reading
cli-rows-read = { $file }: { $rows ->
        [one] { $rows } row read
       *[other] { $rows } rows read
    }

## Arguments.
cli-bad-date = "{ $value }" is not a date: write it as YYYY-MM-DD
cli-bad-percent = "{ $value }" is not a percentage: write a number of 0 or more, such as 10 or 2.5
cli-bad-limit = "{ $value }": write NAME=N, e.g. max_range_cells=20000000
cli-bad-whole-number = "{ $value }" is not a whole number
cli-xlsx-needs-out = --format xlsx writes a workbook, not text for the terminal: give the file with --out FILE.xlsx
cli-xlsx-extension = { $file }: --format xlsx writes an Excel workbook, which Excel opens only by the .xlsx extension: name the file FILE.xlsx
cli-bom-csv-only = --bom goes with --format csv only: drop it or add --format csv

## Inputs.
cli-no-such-file = { $file }: no such file
cli-permission-denied = { $file }: permission denied
cli-cannot-read = { $file }: cannot be read: { $detail }
cli-is-directory = { $file }: is a directory, not a file
cli-too-large = { $file }: { $size } bytes is larger than the { $max } bytes planfin reads
cli-not-json = { $file }: this is a spreadsheet or zip file, not JSON: planfin tells workbooks by their extension; give the file its own (.xlsx, .xlsm, .xlsb, .xls or .ods)
cli-not-utf8 = { $file }: not UTF-8 text (invalid byte at offset { $offset }): save it as UTF-8 JSON
cli-workbook-unknown = { $file }: this workbook is neither a plan nor a ledger planfin knows
cli-json-unknown = { $file }: neither a plan (an object with "lines") nor a ledger (an object with "expenditures"): see the JSON formats in the README

## Outputs.
cli-output-is-input = { $file }: the output would overwrite the input { $input }: choose another output file
cli-output-is-directory = { $file }: is a directory: give a file name to --out
cli-stdout-failed = cannot write to standard output: { $detail }
cli-workbook-finding = { $file }: { $location } [{ $code }]: { $message }

## Reports and validation.
cli-blocked = { $count ->
        [one] { $count } blocking finding
       *[other] { $count } blocking findings
    }: no report produced; fix them (planfin validate lists every finding)
cli-blocking-findings = { $count ->
        [one] { $count } blocking finding
       *[other] { $count } blocking findings
    }
cli-validate-summary = { $files ->
        [one] { $files } file
       *[other] { $files } files
    }: { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }, { $refused } refused
cli-ledger-unchecked = note: { $files }: { $entries ->
        [one] { $entries } expenditure read
       *[other] { $entries } expenditures read
    }, { $duplicates ->
        [one] { $duplicates } duplicate voucher counted once
       *[other] { $duplicates } duplicate vouchers counted once
    }; line codes and dates not checked: give the plan too (planfin validate PLAN LEDGER..., or --plan FILE)

## Convert and template.
cli-convert-writes = { $file }: planfin writes .xlsx workbooks, not .{ $extension }: name the output FILE.xlsx (Excel and LibreOffice open it), FILE.json, FILE.parquet or FILE.arrow
cli-convert-unknown = { $file }: the output's extension tells what to write: name it FILE.json, FILE.xlsx, FILE.parquet or FILE.arrow
cli-template-extension = { $file }: a template is an Excel workbook: name it FILE.xlsx

## Errors of the command line itself.
cli-usage-value = { $option }: { $reason }
cli-usage-choice = "{ $value }" is not a value of { $option }: use one of { $values }
cli-usage-unknown-option = { $option } is not an option of this command: see planfin COMMAND --help
cli-usage-unknown-option-like = { $option } is not an option of this command: did you mean { $suggestion }? See planfin COMMAND --help
cli-usage-unknown-command = "{ $command }" is not a command of planfin: see planfin --help
cli-usage-unknown-command-like = "{ $command }" is not a command of planfin: did you mean { $suggestion }? See planfin --help
cli-usage-missing = missing: { $arguments }; see planfin COMMAND --help

## --help: what each command and option is for (help-<command> and help-<command>-<option>, or
## help-<option> for an option that means the same everywhere).
help-heading-options = Options
help-heading-commands = Commands
help-heading-arguments = Arguments
help-usage = Usage
help-planfin = Budget plans and expenditure ledgers: variance, progress and final reports, and validation. With no option, `planfin report` prints the variance by objective of the embedded CNLTP plan (Mali, 2018-2019, ceiling 206,850,000 XOF) against its illustrative sample ledger.
help-report = Variance of the revised budget against engaged and paid spending
help-progress = The progress report (rapport d'étape): execution to a cut-off date, burn rate and the spend projected to the end of the plan at that pace
help-final = The final report (rapport final): the whole period, the reconciliation of ceiling, amendments and spend, every finding
help-validate = Check plan and ledger files and print every finding with its location
help-convert = Convert a plan or a ledger between a workbook, JSON, Parquet and Arrow IPC (by the files' extensions)
help-template = Write an empty plan or ledger workbook to fill in, with drop-down lists
help-lang = Language of everything planfin prints and writes: `fr` or `en`; default: PLANFIN_LANG, then the locale (LANG, LC_MESSAGES), then French
help-plan = The plan: a workbook (.xlsx, .xlsm, .xlsb, .xls, .ods), JSON, Parquet (.parquet) or Arrow IPC (.arrow); default: the embedded CNLTP plan
help-ledger = An expenditure ledger (workbook, JSON, Parquet or Arrow IPC); repeat for several journals (a voucher present in two files is counted once). Default: the embedded sample ledger when no --plan is given, else none
help-decimal_mark = How text amounts such as 1,000 or 1.000 in workbooks are read: `comma` (1.250,50) or `point` (1,250.50); without it they are refused as ambiguous
help-limits = Set a safety limit of the workbook reader, for a genuine workbook refused as too large, e.g. `--limit max_range_cells=20000000`; repeatable. The limits: `max_file_bytes`, `max_zip_entries`, `max_entry_bytes`, `max_shared_strings_bytes`, `max_total_bytes`, `max_ratio`, `max_cells`, `max_range_cells`, `max_text_chars`, `max_errors`
help-format = Output format: `table` (for the terminal), `xlsx` (a workbook with live formulas; needs --out), `csv`, `json` or `md`
help-out = Write to this file (atomically) instead of the terminal
help-bom = With --format csv: start with a UTF-8 byte order mark, for Excel
help-tolerance = Flag rows whose |variance| exceeds this percentage of the revised budget
help-stale_days = An open commitment engaged more than this many days before the cut-off is a `stale_commitment` finding
help-report-as_of = Leave out amendments and expenditures dated after this day (YYYY-MM-DD)
help-by = One row per `objective`, `line` (budget line), `source` (funding source) or `period` (fiscal year)
help-progress-as_of = The cut-off date (YYYY-MM-DD): amendments and expenditures dated after it are left out
help-validate-files = Plan and ledger files (workbooks or JSON); which is which is read from their content
help-validate-plan = Check the ledgers against this plan (default: the plan among the files, if there is one)
help-convert-input = The plan or ledger to read: a workbook (.xlsx, .xlsm, .xlsb, .xls, .ods), JSON, Parquet (.parquet) or Arrow IPC (.arrow)
help-convert-output = The file to write: .xlsx, .json, .parquet or .arrow
help-template-out = The workbook to write (.xlsx)
help-kind = A plan workbook (`plan`) or a ledger workbook (`ledger`)
help-help = Print help
help-version = Print version
help-default = default: { $value }
