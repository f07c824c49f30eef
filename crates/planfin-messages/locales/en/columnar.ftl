# columnar: what planfin-columnar says about the Parquet and Arrow IPC files it reads and
# writes. $file: the input as the user named it; $path: the output; $column: a column's name;
# $detail: the words of the system or of the Arrow or Parquet reader (English).

## A file refused as a whole.
columnar-unreadable = { $file }: cannot read it as a Parquet or Arrow IPC file: { $detail }; check that it is one and is complete
columnar-missing-column = { $file }: no column `{ $column }`; a ledger needs the columns `voucher`, `date`, `line`, `amount` and `currency`, a plan the columns of its lines (see the README)
columnar-float-column = { $file }: column `{ $column }` holds floating-point numbers ({ $found }), which cannot hold an amount exactly; write it as a decimal (`Decimal128` with the currency's decimals) or as an integer
columnar-wrong-type = { $file }: column `{ $column }` holds { $found }, not { $expected }
columnar-expected-text = text (`Utf8`, or a dictionary of `Utf8`)
columnar-expected-date = dates (`Date32`)
columnar-expected-number = exact numbers (`Decimal128`, `Int64` or `Int32`)
columnar-scale-too-small = { $file }: column `{ $column }` has { $scale ->
        [one] { $scale } decimal
       *[other] { $scale } decimals
    }, but { $currency } amounts have { $minor ->
        [one] { $minor } decimal
       *[other] { $minor } decimals
    }; write the column with at least { $minor } decimals
columnar-metadata = { $file }: the metadata `{ $key }` cannot be read: { $detail }; write the file again with planfin
columnar-no-plan = { $file }: no `{ $key }` in the file's metadata: it is a table, not a plan planfin wrote; convert the plan to Parquet or Arrow with planfin

## A value refused: the row (from 1), the column, the value and why.
columnar-value = { $file }: row { $row }, column `{ $column }`: "{ $value }" cannot be read: { $reason }
columnar-null = { $file }: row { $row }, column `{ $column }`: empty, and the column needs a value
columnar-reason-date = the date is outside the years planfin reads
columnar-reason-amount = the number has more than 28 significant digits
columnar-reason-period = write a year (2019) or a quarter (2019-Q3)

## Why a file could not be written.
columnar-too-wide = cannot write { $path }: the `{ $column }` of "{ $key }" does not fit in 38 digits at { $scale } decimals
columnar-too-many-texts = cannot write { $path }: column `{ $column }` has more than 2,147,483,647 distinct texts; split the data by year or source
