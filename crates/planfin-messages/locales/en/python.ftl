# The Python package: its exceptions' own messages.

python-conflicts = { $count ->
        [one] { $count } conflicting voucher
       *[other] { $count } conflicting vouchers
    }

## Values given from Python: `what` names the argument or the field (`amount`,
## `records[3]: amount`), `got` the value refused as Python shows it (`float 0.1`), `code` the
## Python code to write instead.
python-amount-type = { $what } must be decimal.Decimal or int, got { $got }
python-amount-type-hint = { $what } must be decimal.Decimal or int, got { $got }: use { $code }
python-amount-too-large = { $what } { $got } is too large: planfin keeps amounts exact up to 28 significant digits
python-amount-not-finite = { $what } must be a finite number, got { $got }
python-amount-inexact = { $what } { $got } cannot be held exactly: planfin keeps amounts exact up to 28 significant digits and 28 decimals
python-date-datetime = { $what } must be datetime.date, got { $got }: use its .date()
python-date-type = { $what } must be datetime.date, got { $got }
python-date-type-hint = { $what } must be datetime.date, got { $got }: use { $code }
python-date-invalid = { $what } { $got } is not a valid date
python-not-str = { $what } must be str, got { $got }
python-not-str-code = { $what } must be str, got { $got }: codes are text ('0201' stays '0201'): pass a str

## The records of `Ledger.from_records` and `Ledger.from_pandas`: `place` is `records[3]` or
## `python-row`.
python-row = row { $index }
python-field-at = { $place }: { $field }
python-at-place = { $place }: { $message }
python-record-type = { $place } must be a dict (or another mapping) or a planfin.Expenditure, got { $got }
python-record-missing = { $place }: no { $field }: every record needs { $required }
python-record-unknown-field = { $place }: unknown field { $key }: the fields are { $fields }
python-list-and = { $head } and { $last }
python-ledger-index = ledger index { $index } out of range ({ $count ->
        [one] { $count } entry
       *[other] { $count } entries
    })

## Files and import options.
python-file-too-large = { $file }: { $size } bytes is larger than the { $max } bytes planfin reads
python-json-is-workbook = { $file }: this is a workbook or zip file, not JSON: name it .xlsx, .xls or .ods to read it as a workbook
python-json-not-utf8 = { $file }: not UTF-8 text (invalid byte at offset { $offset }): save it as UTF-8 JSON
python-decimal-mark = decimal_mark "{ $value }" is not a decimal mark: use "," (1.250,50), "." (1,250.50) or None
python-limits = limits: { $message }

## The provenance of a workbook written from data built in Python.
python-plan-built = plan { $code } built in Python
python-ledger-built = ledger built in Python ({ $count ->
        [one] { $count } entry
       *[other] { $count } entries
    })
python-embedded-plan = embedded CNLTP plan
python-embedded-ledger = embedded CNLTP sample ledger
