# columnar : ce que planfin-columnar dit des fichiers Parquet et Arrow IPC qu'il lit et écrit.
# $file : l'entrée, nommée comme l'utilisateur l'a nommée ; $path : la sortie ; $column : le nom
# d'une colonne ; $detail : les mots du système ou du lecteur Arrow ou Parquet (en anglais).

## Un fichier refusé en entier.
columnar-unreadable = { $file } : illisible comme fichier Parquet ou Arrow IPC : { $detail } ; vérifiez qu'il en est un et qu'il est complet
columnar-missing-column = { $file } : pas de colonne `{ $column }` ; un journal a besoin des colonnes `voucher`, `date`, `line`, `amount` et `currency`, un budget des colonnes de ses lignes (voir le README)
columnar-float-column = { $file } : la colonne `{ $column }` contient des nombres à virgule flottante ({ $found }), qui ne peuvent pas tenir un montant exactement ; écrivez-la en décimal (`Decimal128` avec les décimales de la devise) ou en entier
columnar-wrong-type = { $file } : la colonne `{ $column }` contient { $found }, et non { $expected }
columnar-expected-text = du texte (`Utf8`, ou un dictionnaire de `Utf8`)
columnar-expected-date = des dates (`Date32`)
columnar-expected-number = des nombres exacts (`Decimal128`, `Int64` ou `Int32`)
columnar-scale-too-small = { $file } : la colonne `{ $column }` a { $scale ->
        [one] { $scale } décimale
       *[other] { $scale } décimales
    }, mais les montants en { $currency } en ont { $minor } ; écrivez la colonne avec au moins { $minor ->
        [one] { $minor } décimale
       *[other] { $minor } décimales
    }
columnar-metadata = { $file } : la métadonnée `{ $key }` est illisible : { $detail } ; écrivez de nouveau le fichier avec planfin
columnar-no-plan = { $file } : pas de `{ $key }` dans les métadonnées du fichier : c'est une table, pas un budget écrit par planfin ; convertissez le budget en Parquet ou en Arrow avec planfin

## Une valeur refusée : la ligne (à partir de 1), la colonne, la valeur et pourquoi.
columnar-value = { $file } : ligne { $row }, colonne `{ $column }` : « { $value } » est illisible : { $reason }
columnar-null = { $file } : ligne { $row }, colonne `{ $column }` : vide, et la colonne demande une valeur
columnar-reason-date = la date est hors des années que planfin lit
columnar-reason-amount = le nombre a plus de 28 chiffres significatifs
columnar-reason-period = écrivez une année (2019) ou un trimestre (2019-T3)

## Pourquoi un fichier n'a pas pu être écrit.
columnar-too-wide = impossible d'écrire { $path } : la valeur `{ $column }` de « { $key } » ne tient pas en 38 chiffres avec { $scale } décimales
columnar-too-many-texts = impossible d'écrire { $path } : la colonne `{ $column }` a plus de 2 147 483 647 textes distincts ; divisez les données par exercice ou par source
