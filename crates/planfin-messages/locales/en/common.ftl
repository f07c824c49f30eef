# Shared pieces: languages, amounts with their currency, severities.

lang-unknown = "{ $value }" is not a language planfin speaks: use fr or en
common-amount-currency = { $amount } { $currency }
severity-error = error
severity-warning = warning
common-text = { $text }

## Errors of the domain (planfin-core).
error-unknown-currency = unknown currency "{ $code }": use an ISO 4217 code such as XOF, XAF, EUR or USD
error-money-overflow = amount overflow: the figures are too large to be exact; look for an amount typed with too many digits
error-conflicting-voucher = voucher "{ $voucher }" at { $again } conflicts with the entry of the same voucher at { $first }: a voucher keeps its line and commitment, and has one amount per stage and date; give the new entry its own voucher, or record a correction as a new entry
error-ledger-full = the ledger is full: it holds at most 4,294,967,295 entries and 4 GiB of vouchers and of other texts; split the journal by year or by source
error-json-syntax = { $file }:{ $line }:{ $column }: { $detail }
error-json-conflicts = { $file }: { $count ->
        [one] { $count } conflicting voucher
       *[other] { $count } conflicting vouchers
    }; first: { $first }
error-report-blocked = { $count ->
        [one] { $count } blocking finding
       *[other] { $count } blocking findings
    }; first: { $first }
error-stage-unknown = "{ $value }" is not a stage: use engagement, liquidation, ordonnancement or paiement
error-grouping-unknown = "{ $value }" is not a grouping: use one of { $codes }
