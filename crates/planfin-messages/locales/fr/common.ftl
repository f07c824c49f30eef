# Shared pieces: languages, amounts with their currency, severities.

lang-unknown = « { $value } » n'est pas une langue de planfin : utilisez fr ou en
common-amount-currency = { $amount } { $currency }
severity-error = erreur
severity-warning = avertissement
common-text = { $text }

## Erreurs du domaine (planfin-core).
error-unknown-currency = devise inconnue « { $code } » : utilisez un code ISO 4217 comme XOF, XAF, EUR ou USD
error-money-overflow = dépassement de capacité : les montants sont trop grands pour être exacts ; cherchez un montant saisi avec trop de chiffres
error-conflicting-voucher = la pièce « { $voucher } » en { $again } contredit l'écriture de la même pièce en { $first } : une pièce garde sa ligne et son engagement, et n'a qu'un montant par étape et par date ; donnez à la nouvelle écriture sa propre pièce, ou enregistrez une correction comme nouvelle écriture
error-ledger-full = le journal est plein : il contient au plus 4 294 967 295 écritures et 4 Gio de pièces et d'autres textes ; divisez le journal par exercice ou par source
error-json-syntax = { $file } :{ $line } :{ $column } : JSON illisible ({ $detail })
error-json-conflicts = { $file } : { $count ->
        [one] { $count } pièce en conflit
       *[other] { $count } pièces en conflit
    } ; première : { $first }
error-report-blocked = { $count ->
        [one] { $count } constat bloquant
       *[other] { $count } constats bloquants
    } ; premier : { $first }
error-stage-unknown = « { $value } » n'est pas une étape : utilisez engagement, liquidation, ordonnancement ou paiement
error-grouping-unknown = « { $value } » n'est pas un regroupement : utilisez l'un de { $codes }
