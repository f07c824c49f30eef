# Le paquet Python : les messages propres de ses exceptions.

python-conflicts = { $count ->
        [one] { $count } pièce en conflit
       *[other] { $count } pièces en conflit
    }

## Les valeurs données depuis Python : `what` nomme l'argument ou le champ (`amount`,
## `records[3] : amount`), `got` la valeur refusée telle que Python l'affiche (`float 0.1`),
## `code` le code Python à écrire à la place.
python-amount-type = { $what } doit être de type decimal.Decimal ou int, et non { $got }
python-amount-type-hint = { $what } doit être de type decimal.Decimal ou int, et non { $got } : écrivez { $code }
python-amount-too-large = { $what } { $got } est trop grand : planfin garde les montants exacts jusqu'à 28 chiffres significatifs
python-amount-not-finite = { $what } doit être un nombre fini, et non { $got }
python-amount-inexact = { $what } { $got } ne peut pas être gardé exactement : planfin garde les montants exacts jusqu'à 28 chiffres significatifs et 28 décimales
python-date-datetime = { $what } doit être de type datetime.date, et non { $got } : prenez sa méthode .date()
python-date-type = { $what } doit être de type datetime.date, et non { $got }
python-date-type-hint = { $what } doit être de type datetime.date, et non { $got } : écrivez { $code }
python-date-invalid = { $what } { $got } n'est pas une date valide
python-not-str = { $what } doit être de type str, et non { $got }
python-not-str-code = { $what } doit être de type str, et non { $got } : les codes sont du texte ('0201' reste '0201') ; passez un str

## Les enregistrements de `Ledger.from_records` et `Ledger.from_pandas` : `place` vaut
## `records[3]` ou `python-row`.
python-row = ligne { $index }
python-field-at = { $place } : { $field }
python-at-place = { $place } : { $message }
python-record-type = { $place } doit être un dict (ou un autre tableau associatif) ou un planfin.Expenditure, et non { $got }
python-record-missing = { $place } : champ { $field } manquant : chaque enregistrement doit avoir { $required }
python-record-unknown-field = { $place } : champ inconnu { $key } ; les champs sont { $fields }
python-list-and = { $head } et { $last }
python-ledger-index = indice { $index } hors du journal ({ $count ->
        [one] { $count } écriture
       *[other] { $count } écritures
    })

## Les fichiers et les options d'import.
python-file-too-large = { $file } : { $size } octets, c'est plus que les { $max } octets que planfin accepte de lire
python-json-is-workbook = { $file } : c'est un classeur ou une archive zip, pas du JSON ; nommez-le en .xlsx, .xls ou .ods pour le lire comme un classeur
python-json-not-utf8 = { $file } : ce n'est pas du texte UTF-8 (octet invalide à la position { $offset }) ; enregistrez-le en JSON UTF-8
python-decimal-mark = decimal_mark « { $value } » n'est pas un séparateur décimal : utilisez « , » (1.250,50), « . » (1,250.50) ou None
python-limits = limits : { $message }

## La provenance d'un classeur écrit à partir de données construites en Python.
python-plan-built = plan { $code } construit en Python
python-ledger-built = journal construit en Python ({ $count ->
        [one] { $count } écriture
       *[other] { $count } écritures
    })
python-embedded-plan = plan CNLTP intégré à planfin
python-embedded-ledger = journal d'exemple CNLTP intégré à planfin
