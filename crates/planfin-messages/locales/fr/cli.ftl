# La ligne de commande : ses erreurs, remarques et bilans.

cli-error = planfin : erreur : { $message }
cli-warning = planfin : avertissement : { $message }
cli-says = planfin : { $message }
cli-in-file = { $file } : { $message }
cli-import-note = { $place } : remarque : { $message }
cli-embedded = { $file } (intégré à planfin)
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
cli-convert-writes = { $file } : planfin écrit des classeurs .xlsx, pas .{ $extension } : nommez la sortie FICHIER.xlsx (Excel et LibreOffice l'ouvrent), FICHIER.json, FICHIER.parquet ou FICHIER.arrow
cli-convert-unknown = { $file } : l'extension de la sortie dit quoi écrire : nommez-la FICHIER.json, FICHIER.xlsx, FICHIER.parquet ou FICHIER.arrow
cli-template-extension = { $file } : un modèle est un classeur Excel : nommez-le FICHIER.xlsx

## Les erreurs de la ligne de commande elle-même.
cli-usage-value = { $option } : { $reason }
cli-usage-choice = « { $value } » n'est pas une valeur de { $option } : utilisez l'une de { $values }
cli-usage-unknown-option = { $option } n'est pas une option de cette commande : voyez planfin COMMANDE --help
cli-usage-unknown-option-like = { $option } n'est pas une option de cette commande : vouliez-vous dire { $suggestion } ? Voyez planfin COMMANDE --help
cli-usage-unknown-command = « { $command } » n'est pas une commande de planfin : voyez planfin --help
cli-usage-unknown-command-like = « { $command } » n'est pas une commande de planfin : vouliez-vous dire { $suggestion } ? Voyez planfin --help
cli-usage-missing = il manque : { $arguments } ; voyez planfin COMMANDE --help

## --help : à quoi sert chaque commande et chaque option (help-<commande> et
## help-<commande>-<option>, ou help-<option> pour une option qui dit partout la même chose).
help-heading-options = Options
help-heading-commands = Commandes
help-heading-arguments = Arguments
help-usage = Utilisation
help-planfin = Plans budgétaires et journaux des dépenses : rapports d'écarts, d'étape et final, et validation. Sans option, `planfin report` affiche les écarts par objectif du plan CNLTP intégré (Mali, 2018-2019, plafond 206 850 000 XOF) face à son journal d'exemple illustratif.
help-report = Écarts entre le budget révisé et les dépenses engagées et payées
help-progress = Le rapport d'étape : l'exécution à une date de situation, le rythme de paiement et les paiements projetés en fin de plan à ce rythme
help-final = Le rapport final : toute la période, le rapprochement du plafond, des modifications et des dépenses, tous les constats
help-validate = Vérifier des fichiers de plan et de journal, et afficher chaque constat avec son emplacement
help-convert = Convertir un plan ou un journal entre classeur, JSON, Parquet et Arrow IPC (selon l'extension des fichiers)
help-template = Écrire un classeur de plan ou de journal vide à remplir, avec des listes déroulantes
help-lang = Langue de tout ce que planfin affiche et écrit : `fr` ou `en` ; par défaut PLANFIN_LANG, puis la langue du système (LANG, LC_MESSAGES), puis le français
help-plan = Le plan : un classeur (.xlsx, .xlsm, .xlsb, .xls, .ods), du JSON, du Parquet (.parquet) ou de l'Arrow IPC (.arrow) ; par défaut le plan CNLTP intégré
help-ledger = Un journal des dépenses (classeur, JSON, Parquet ou Arrow IPC) ; à répéter pour plusieurs journaux (une pièce présente dans deux fichiers compte une fois). Par défaut le journal d'exemple intégré sans --plan, sinon aucun
help-decimal_mark = Comment lire les montants en texte comme 1,000 ou 1.000 dans les classeurs : `comma` (1.250,50) ou `point` (1,250.50) ; sans cette option ils sont refusés comme ambigus
help-limits = Fixer une limite de sécurité du lecteur de classeurs, pour un vrai classeur refusé comme trop grand, par exemple `--limit max_range_cells=20000000` ; à répéter. Les limites : `max_file_bytes`, `max_zip_entries`, `max_entry_bytes`, `max_shared_strings_bytes`, `max_total_bytes`, `max_ratio`, `max_cells`, `max_range_cells`, `max_text_chars`, `max_errors`
help-format = Format de sortie : `table` (pour le terminal), `xlsx` (un classeur aux formules vivantes ; il faut --out), `csv`, `json` ou `md`
help-out = Écrire dans ce fichier (d'un bloc) au lieu du terminal
help-bom = Avec --format csv : commencer par une marque d'ordre des octets UTF-8, pour Excel
help-tolerance = Signaler les rangées dont l'écart dépasse ce pourcentage du budget révisé
help-stale_days = Un engagement encore ouvert, engagé plus de ce nombre de jours avant la date de situation, est un constat `stale_commitment`
help-report-as_of = Laisser de côté les modifications et les dépenses datées après ce jour (AAAA-MM-JJ)
help-by = Une rangée par objectif (`objective`), ligne budgétaire (`line`), source de financement (`source`) ou exercice (`period`)
help-progress-as_of = La date de situation (AAAA-MM-JJ) : les modifications et les dépenses datées après elle sont laissées de côté
help-validate-files = Fichiers de plan et de journal (classeurs ou JSON) ; planfin reconnaît lequel est lequel à leur contenu
help-validate-plan = Vérifier les journaux au regard de ce plan (par défaut le plan parmi les fichiers, s'il y en a un)
help-convert-input = Le plan ou le journal à lire : un classeur (.xlsx, .xlsm, .xlsb, .xls, .ods), du JSON, du Parquet (.parquet) ou de l'Arrow IPC (.arrow)
help-convert-output = Le fichier à écrire : .xlsx, .json, .parquet ou .arrow
help-template-out = Le classeur à écrire (.xlsx)
help-kind = Un classeur de plan (`plan`) ou de journal (`ledger`)
help-help = Afficher l'aide
help-version = Afficher la version
help-default = par défaut : { $value }
