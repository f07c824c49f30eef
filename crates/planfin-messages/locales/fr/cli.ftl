# La ligne de commande : ses erreurs, remarques et bilans.

cli-error = planfin : erreur : { $message }
cli-warning = planfin : avertissement : { $message }
cli-says = planfin : { $message }
cli-in-file = { $file } : { $message }
cli-import-note = { $place } : remarque : { $message }
cli-reading = { $file } : lecture
cli-rows-read = { $file } : { $rows ->
        [one] { $rows } rangée lue
       *[other] { $rows } rangées lues
    }

## Les arguments.
cli-bad-date = « { $value } » n'est pas une date : écrivez-la AAAA-MM-JJ
cli-bad-percent = « { $value } » n'est pas un pourcentage : écrivez un nombre positif ou nul, comme 10 ou 2.5
cli-bad-limit = « { $value } » : écrivez NOM=N, par exemple max_range_cells=20000000
cli-bad-whole-number = « { $value } » n'est pas un nombre entier
cli-xlsx-needs-out = --format xlsx écrit un classeur, pas du texte pour le terminal : indiquez le fichier avec --out FICHIER.xlsx
cli-xlsx-extension = { $file } : --format xlsx écrit un classeur Excel, qu'Excel n'ouvre que par l'extension .xlsx : nommez le fichier FICHIER.xlsx
cli-bom-csv-only = --bom ne va qu'avec --format csv : retirez-le ou ajoutez --format csv

## Les fichiers lus.
cli-no-such-file = { $file } : fichier introuvable
cli-permission-denied = { $file } : accès refusé
cli-cannot-read = { $file } : illisible : { $detail }
cli-is-directory = { $file } : est un dossier, pas un fichier
cli-too-large = { $file } : { $size } octets, plus que les { $max } octets que planfin lit
cli-not-json = { $file } : c'est un classeur ou une archive zip, pas du JSON : planfin reconnaît les classeurs à leur extension ; donnez au fichier la sienne (.xlsx, .xlsm, .xlsb, .xls ou .ods)
cli-not-utf8 = { $file } : ce n'est pas du texte UTF-8 (octet invalide à la position { $offset }) : enregistrez-le en JSON UTF-8
cli-workbook-unknown = { $file } : ce classeur n'est ni un plan ni un journal que planfin connaît
cli-json-unknown = { $file } : ni un plan (un objet avec « lines ») ni un journal (un objet avec « expenditures ») : voyez les formats JSON dans le README

## Les fichiers écrits.
cli-output-is-input = { $file } : la sortie écraserait le fichier d'entrée { $input } : choisissez un autre fichier de sortie
cli-output-is-directory = { $file } : est un dossier : donnez un nom de fichier à --out
cli-stdout-failed = impossible d'écrire sur la sortie standard : { $detail }
cli-workbook-finding = { $file } : { $location } [{ $code }] : { $message }

## Rapports et validation.
cli-blocked = { $count ->
        [one] { $count } constat bloquant
       *[other] { $count } constats bloquants
    } : aucun rapport produit ; corrigez-les (planfin validate liste tous les constats)
cli-blocking-findings = { $count ->
        [one] { $count } constat bloquant
       *[other] { $count } constats bloquants
    }
cli-validate-summary = { $files ->
        [one] { $files } fichier
       *[other] { $files } fichiers
    } : { $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    }, { $warnings ->
        [one] { $warnings } avertissement
       *[other] { $warnings } avertissements
    }, { $refused ->
        [one] { $refused } refusé
       *[other] { $refused } refusés
    }
cli-ledger-unchecked = remarque : { $files } : { $entries ->
        [one] { $entries } dépense lue
       *[other] { $entries } dépenses lues
    }, { $duplicates ->
        [one] { $duplicates } pièce en double comptée une fois
       *[other] { $duplicates } pièces en double comptées une fois
    } ; imputations et dates non vérifiées : donnez aussi le plan (planfin validate PLAN JOURNAL..., ou --plan FICHIER)

## Conversion et modèles.
cli-convert-writes = { $file } : planfin écrit des classeurs .xlsx, pas .{ $extension } : nommez la sortie FICHIER.xlsx (Excel et LibreOffice l'ouvrent) ou FICHIER.json
cli-convert-unknown = { $file } : l'extension de la sortie dit quoi écrire : nommez-la FICHIER.json ou FICHIER.xlsx
cli-template-extension = { $file } : un modèle est un classeur Excel : nommez-le FICHIER.xlsx

## Les erreurs de la ligne de commande elle-même.
cli-usage-value = { $option } : { $reason }
cli-usage-choice = « { $value } » n'est pas une valeur de { $option } : utilisez l'une de { $values }
cli-usage-unknown-option = { $option } n'est pas une option de cette commande : voyez planfin COMMANDE --help
cli-usage-unknown-option-like = { $option } n'est pas une option de cette commande : vouliez-vous dire { $suggestion } ? Voyez planfin COMMANDE --help
cli-usage-unknown-command = « { $command } » n'est pas une commande de planfin : voyez planfin --help
cli-usage-unknown-command-like = « { $command } » n'est pas une commande de planfin : vouliez-vous dire { $suggestion } ? Voyez planfin --help
cli-usage-missing = il manque : { $arguments } ; voyez planfin COMMANDE --help
