# The command line: its errors, notes and summaries.

cli-error = planfin: error: { $message }
cli-warning = planfin: warning: { $message }
cli-says = planfin: { $message }
cli-in-file = { $file }: { $message }
cli-import-note = { $place }: note: { $message }
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
cli-convert-writes = { $file }: planfin writes .xlsx workbooks, not .{ $extension }: name the output FILE.xlsx (Excel and LibreOffice open it) or FILE.json
cli-convert-unknown = { $file }: the output's extension tells what to write: name it FILE.json or FILE.xlsx
cli-template-extension = { $file }: a template is an Excel workbook: name it FILE.xlsx

## Errors of the command line itself.
cli-usage-value = { $option }: { $reason }
cli-usage-choice = "{ $value }" is not a value of { $option }: use one of { $values }
cli-usage-unknown-option = { $option } is not an option of this command: see planfin COMMAND --help
cli-usage-unknown-option-like = { $option } is not an option of this command: did you mean { $suggestion }? See planfin COMMAND --help
cli-usage-unknown-command = "{ $command }" is not a command of planfin: see planfin --help
cli-usage-unknown-command-like = "{ $command }" is not a command of planfin: did you mean { $suggestion }? See planfin --help
cli-usage-missing = missing: { $arguments }; see planfin COMMAND --help
