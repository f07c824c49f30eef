# Shared pieces: languages, amounts with their currency, severities.

lang-unknown = "{ $value }" is not a language planfin speaks: use fr or en
common-amount-currency = { $amount } { $currency }
severity-error = error
severity-warning = warning
