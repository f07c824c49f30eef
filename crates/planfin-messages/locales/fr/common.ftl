# Shared pieces: languages, amounts with their currency, severities.

lang-unknown = « { $value } » n'est pas une langue de planfin : utilisez fr ou en
common-amount-currency = { $amount } { $currency }
severity-error = erreur
severity-warning = avertissement
