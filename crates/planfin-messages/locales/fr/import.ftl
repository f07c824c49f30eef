# import : ce que planfin-xlsx dit d'un classeur qu'il lit (une cellule, une feuille, une colonne, le fichier).

## Une cellule refusée : le fichier, l'endroit (Feuille!E9), la valeur, ce qui était attendu,
## la règle enfreinte et la correction.
import-cell = { $file } : { $place } : « { $value } » n'est pas { $expected } : { $rule } ; { $fix }
import-cell-empty = { $file } : { $place } : cellule vide, il faut { $expected } : { $rule } ; { $fix }
import-more-errors = { $file } : { $more ->
        [one] { $more } autre erreur non affichée
       *[other] { $more } autres erreurs non affichées
    } ({ $total } en tout) ; corrigez celles-ci et importez de nouveau
import-no-error = { $file } : aucune erreur

## Ce qu'une cellule doit contenir.
import-expected-amount = un montant
import-expected-date = une date
import-expected-code = un code
import-expected-text = un texte
import-expected-rate = un taux
import-expected-currency = une devise
import-expected-stage = une étape
import-expected-total-above = le total des lignes au-dessus
import-expected-positive-amount = un montant positif
import-expected-line = une ligne budgétaire
import-expected-new-line-code = un nouveau code de ligne budgétaire
import-expected-row-total = le total des années de la ligne
import-expected-same-objective-source = le même objectif et la même source que les autres lignes de cette ligne budgétaire
import-expected-new-period = une période pas encore saisie pour cette ligne budgétaire
import-expected-period = une année ou un trimestre
import-expected-source-kind = un type de source de financement
import-expected-note = une note (le tableau s'arrête à sa ligne de total)

## Toutes les cellules.
import-rule-spreadsheet-error = la cellule contient l'erreur de tableur { $error }
import-fix-spreadsheet-error = corrigez la formule ou les cellules qu'elle utilise, puis enregistrez le classeur
import-rule-uncached = la cellule contient une formule dont le résultat n'a jamais été calculé ni enregistré
import-fix-uncached = recalculez et enregistrez le classeur (ouvrez-le dans Excel ou LibreOffice et enregistrez-le)
import-rule-required = cette colonne est obligatoire
import-fix-required = remplissez la cellule, ou supprimez la ligne si ce n'est pas une écriture

## Codes.
import-rule-code-number = un code est un texte ou un nombre entier
import-fix-code-as-text = écrivez le code comme texte (mettez la colonne au format Texte pour que 0201 garde son zéro)
import-rule-code-kind = un code est un texte ou un nombre entier, pas une date ni une valeur VRAI/FAUX
import-fix-code-kind = mettez la colonne au format Texte et tapez le code

## Montants.
import-rule-amount-is-date = la cellule est au format date
import-fix-format-as-number = mettez la cellule au format nombre
import-rule-amount-is-number = un montant est un nombre
import-fix-amount-as-number = tapez le montant comme un nombre, par exemple 1250000
import-rule-no-decimals = la devise { $currency } n'a pas de décimales
import-fix-round-francs = arrondissez le montant au franc près
import-rule-currency-decimals = la devise { $currency } a { $dp } { $dp ->
        [one] décimale
       *[other] décimales
    }
import-fix-round-amount = arrondissez le montant à { $dp } { $dp ->
        [one] décimale
       *[other] décimales
    }
import-rule-at-most-decimals = au plus { $dp } { $dp ->
        [one] décimale
       *[other] décimales
    }
import-fix-round-value = arrondissez la valeur à { $dp } { $dp ->
        [one] décimale
       *[other] décimales
    }
import-rule-fifteen-digits = une cellule nombre contient au plus 15 chiffres significatifs
import-fix-amount-as-text = tapez le montant comme texte s'il a vraiment plus de chiffres
import-rule-not-finite = ce n'est pas un nombre fini
import-fix-amount-text = écrivez des chiffres avec une espace entre les milliers, une seule marque décimale et, si besoin, la devise (FCFA, XOF, EUR, €), par exemple 1 250 000 ou 12 500,50
import-rule-two-signs = deux signes moins
import-rule-not-part-of-amount = « { $text } » ne fait pas partie d'un montant
import-rule-no-digit = il n'y a aucun chiffre
import-rule-too-many-digits = trop de chiffres
import-rule-marks-after-decimal = des espaces ou des séparateurs après la marque décimale
import-rule-two-decimal-commas = plus d'une virgule décimale
import-rule-two-decimal-points = plus d'un point décimal
import-rule-ambiguous-mark = « { $text } » est ambigu : le signe peut séparer les milliers ou marquer les décimales
import-rule-thousands-misplaced = « { $text } » a des séparateurs de milliers mal placés
import-rule-rate-positive = un taux est positif
import-fix-rate = tapez le taux, par exemple 655,957
import-rule-plan-currency = le plan est en { $plan }, le montant indique { $amount }
import-fix-convert = convertissez le montant en { $currency }
import-rule-row-currency = le montant indique { $said } mais la devise de la ligne est { $row }
import-fix-row-currency = accordez le montant et la colonne Devise
import-rule-no-currency = le journal n'a pas de colonne Devise et le montant ne nomme aucune devise
import-fix-no-currency = ajoutez une colonne Devise, ou lisez le journal avec son plan, dont la devise devient alors celle du journal
import-rule-sum-overflow = la somme des montants dépasse ce que planfin peut contenir
import-fix-check-amounts = vérifiez les montants

## Dates.
import-fix-date = mettez la cellule au format date, ou tapez-la sous la forme jj/mm/aaaa (31/12/2019)
import-rule-date-is-number = la cellule contient un simple nombre, pas une date
import-rule-not-a-date = la cellule ne contient pas de date
import-rule-duration = la cellule est au format durée
import-rule-serial-out-of-range = { $serial } est hors des dates qu'un tableur peut contenir
import-rule-leap-year-bug = le { $date } n'existe pas (l'erreur des tableurs sur l'année bissextile 1900)
import-rule-time-after-date = seule une heure (par exemple 14 h 30) peut suivre la date
import-rule-date-order = une date s'écrit jour/mois/année, par exemple 31/12/2019
import-rule-year-digits = l'année doit avoir quatre chiffres
import-rule-year-range = l'année doit être comprise entre 1900 et 9999
import-rule-month-above-12 = le mois dépasse 12 : les dates s'écrivent jour/mois/année
import-rule-no-such-day = ce jour n'existe pas

## Devises, étapes, sources, périodes.
import-rule-currency = une devise est un code ISO ou FCFA
import-fix-currency = écrivez XOF (ou FCFA), EUR, USD, ...
import-rule-stage = les étapes sont engagement, liquidation, ordonnancement et paiement
import-fix-stage = écrivez l'une d'elles (une cellule vide vaut paiement)
import-rule-source-kind = les types sont Etat / State budget, Bailleur / Donor, Autre / Other
import-fix-source-kind = écrivez l'un d'eux
import-rule-period = une période est une année ou un trimestre
import-fix-period = écrivez l'année (2019) ou le trimestre (2019-Q3)

## Lignes de total.
import-rule-rows-add-up = { $rows ->
        [one] la ligne au-dessus totalise
       *[other] les { $rows } lignes au-dessus totalisent
    } { $sum }
import-fix-total = corrigez le total ou les lignes, ou supprimez la ligne de total
import-rule-years-add-up = les années de la ligne totalisent { $sum }
import-fix-row-total = corrigez le Total ou les montants annuels
import-rule-entry-below-totals = cette ligne ressemble à une écriture mais se trouve sous la ligne de total
import-fix-entry-below-totals = déplacez l'écriture au-dessus de la ligne de total, ou supprimez la ligne de total

## Lignes budgétaires et amendements du plan.
import-rule-line-twice = la ligne budgétaire { $code } apparaît deux fois
import-fix-line-twice = donnez à chaque ligne budgétaire son propre code
import-rule-line-elsewhere = la ligne budgétaire { $code } relève déjà de l'objectif { $objective } avec la source { $source }
import-fix-same-objective-source = donnez à toutes les lignes d'une même ligne budgétaire le même objectif et la même source
import-rule-period-twice = la ligne budgétaire { $code } a déjà un montant pour cette période
import-fix-period-twice = fusionnez les deux lignes, ou corrigez la période
import-rule-amendment-positive = un amendement déplace un montant positif (le sens est donné par De / Vers)
import-fix-amendment-sign = écrivez le montant sans signe et inversez De et Vers si besoin
import-rule-amendment-lines = un amendement prend à une ligne budgétaire (De), donne à une ligne budgétaire (Vers), ou les deux
import-fix-amendment-lines = remplissez De, Vers ou les deux

## Avertissements : ce que l'import a remarqué et accepté.
import-warning = { $place } : { $message }
import-warn-total-checked = ligne de total vérifiée : { $total } est la somme { $rows ->
        [one] de la ligne
       *[other] des { $rows } lignes
    } au-dessus, non importée
import-warn-more = { $count ->
        [one] { $count } autre avertissement non affiché
       *[other] { $count } autres avertissements non affichés
    }
import-warn-below-totals = sous la ligne de total : non importée
import-warn-totals-not-checked = ligne de total non vérifiée : il y a des erreurs au-dessus
import-warn-line-without-amount = la ligne budgétaire { $code } n'a ni { $year } ni { $amount } : aucun montant prévu
import-warn-skipped = { $what } sans les colonnes obligatoires : ignorée
import-warn-skipped-entry = { $what } sans date, pièce, imputation ni montant : ignorée
import-warn-duplicate = même pièce et même contenu qu'une ligne précédente : comptée une fois
import-warn-only-sheet = aucune feuille nommée « { $expected } » : lecture de la seule feuille, « { $sheet } »
import-row = ligne
import-row-subtotal = ligne de sous-total

## Feuilles et colonnes.
import-missing-sheet = { $file } : aucune feuille nommée { $sheet } (feuilles du classeur : { $found }) ; nommez { $sheet_fr } la feuille qui contient ces données
import-sheet-either = « { $first } » ou « { $second } »
import-sheet-plan-or-ledger = { $plan } (un plan) ou { $ledger } (un journal des dépenses)
import-missing-columns = { $file } : feuille { $sheet } : { $count ->
        [one] colonne manquante
       *[other] colonnes manquantes
    } { $missing } ; en-têtes trouvés : { $found } ; ajoutez { $count ->
        [one] la colonne sous ce nom
       *[other] les colonnes sous ces noms
    } (en français ou en anglais) ou renommez les colonnes existantes
import-missing-columns-row = { $file } : feuille { $sheet } : { $count ->
        [one] colonne manquante
       *[other] colonnes manquantes
    } { $missing } ; en-têtes de la ligne { $row } : { $found } ; ajoutez { $count ->
        [one] la colonne sous ce nom
       *[other] les colonnes sous ces noms
    } (en français ou en anglais) ou renommez les colonnes existantes
import-column = { $name }
import-column-plan-key = { $name } (une ligne avec le nom dans une cellule et la valeur à côté)
import-column-year = { $name } (ou une colonne par année : 2018, 2019, ...)
import-quoted = « { $value } »
import-no-sheet = aucune
import-no-header = aucun

## Le fichier.
import-password-protected = { $file } : le classeur est protégé par un mot de passe : planfin ne lit pas les classeurs chiffrés ; ouvrez-le, retirez le mot de passe (Fichier > Informations > Protéger le classeur) et enregistrez-en une copie
import-too-large = { $file } : { $what }, au-delà de la limite de { $limit } : planfin le refuse par sécurité ; si le classeur est authentique, découpez-le ou relevez { $setting } ({ $cli } ; { $python } en Python)
import-not-a-workbook = { $file } : ce n'est pas un classeur : { $reason } ; enregistrez-le depuis Excel ou LibreOffice au format .xlsx, .xls ou .ods
import-unreadable = { $file } : le classeur est illisible ({ $reason }) ; ouvrez-le dans Excel ou LibreOffice, réparez-le si on vous le propose, puis enregistrez-le de nouveau
import-io = { $file } : impossible d'ouvrir le fichier : { $detail }
import-conflicts = { $file } : { $count ->
        [one] { $count } pièce en conflit
       *[other] { $count } pièces en conflit
    }
# Un texte d'une bibliothèque ou du système, transmis tel quel (en anglais).
import-detail = { $detail }

## Pourquoi un fichier n'est pas un classeur, ou est illisible.
import-reason-empty-file = le fichier est vide (0 octet)
import-reason-zip-without-workbook = une archive zip, mais sans { $xlsx } ni { $ods }
import-reason-xml-2003 = un fichier XML Spreadsheet 2003, que planfin ne lit pas
import-reason-html = une page HTML (certains logiciels exportent des tableaux en HTML sous un nom en .xls)
import-reason-xml = un fichier texte XML ou HTML
import-reason-biff = une feuille Excel 2.x-4.x (BIFF2-4), que planfin ne lit pas
import-reason-pdf = un document PDF
import-reason-text = un fichier texte (un export CSV ?)
import-reason-unknown-content = son contenu n'est ni une archive zip (xlsx, ods) ni un conteneur OLE2 (xls)
import-reason-plan-incomplete = la feuille Plan est incomplète
import-reason-read-again = à relire en mode exact
import-reason-sheet = feuille { $sheet } : { $detail }
import-reason-reader-panicked = le lecteur de cellules s'est arrêté sur une erreur interne
import-reason-damaged-record = le lecteur a échoué sur un enregistrement endommagé : { $detail }
import-reason-zip-damaged = conteneur zip endommagé ou tronqué : { $detail }
import-reason-zip-entry = entrée { $index } du zip endommagée : { $detail }
import-reason-part = { $part } : { $detail }
import-reason-ole2-damaged = le conteneur OLE2 est endommagé : { $detail }
import-reason-stream-unreadable = le flux du classeur est illisible : { $detail }
import-reason-sheet-beyond-stream = une feuille commence à l'octet { $position }, au-delà du flux du classeur ({ $size } octets)
import-reason-record-header-cut = l'en-tête d'enregistrement à l'octet { $offset } est tronqué
import-reason-record-too-long = l'enregistrement à l'octet { $start } annonce { $len } octets, mais il n'en reste que { $left } dans la partie
import-reason-record-cut = l'enregistrement à l'octet { $start } est tronqué

## Limites de sécurité : ce qui est trop grand, et la limite.
import-too-large-file = le fichier fait { $size }
import-too-large-zip-entries = le conteneur zip a { $count } entrées
import-too-large-entry = { $entry } annonce { $size } une fois décompressé
import-too-large-ratio = { $entry } se décompresse { $ratio } fois ({ $compressed } en { $uncompressed })
import-too-large-total = les entrées totalisent plus de { $size }
import-too-large-ods = ses feuilles couvrent { $count } cellules une fois développées les lignes et colonnes répétées
import-too-large-xls = le lecteur xls allouerait { $count } cellules pour ses feuilles (les rectangles que couvrent leurs cellules, et la place que réservent leurs enregistrements DIMENSIONS)
import-too-large-range = la feuille { $sheet } couvre { $rows } lignes sur { $cols } colonnes
import-too-large-cells = la feuille { $sheet } a plus de { $count } cellules
import-too-large-text = { $place } contient { $count } caractères de texte
import-limit-cells = { $count } cellules
import-limit-entries = { $count } entrées
import-limit-characters = { $count } caractères
import-limit-ratio = { $ratio } pour 1
import-limit-too-large = { $value } est trop grand pour { $name }
import-limit-unknown = « { $name } » n'est pas une limite : les limites sont { $names }
import-bytes = { $count } o
import-bytes-kb = { $size } ko
import-bytes-mb = { $size } Mo
import-bytes-gb = { $size } Go

## Listes.
import-join-lines =
    { $first }
    { $second }
import-join-list = { $first }, { $second }
