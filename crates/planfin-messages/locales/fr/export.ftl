# export : ce que planfin-export dit des classeurs qu'il écrit (rapports, plans, journaux,
# modèles) : ses erreurs, les valeurs écrites autrement que leur type, et les messages de saisie
# des modèles.

## Pourquoi un export a échoué. $path : le fichier de sortie ; $detail : le texte du système ou
## de la bibliothèque (en anglais).
export-output-is-input = planfin refuse d'écrire { $path } : c'est le fichier d'entrée { $input } ; choisissez un autre nom de fichier de sortie
export-io = impossible d'écrire { $path } : { $detail } ; vérifiez que le dossier existe, qu'il est accessible en écriture et qu'il reste de la place
export-input = impossible de lire l'entrée { $path } pour enregistrer son SHA-256 : { $detail } ; vérifiez le chemin
export-xlsx = impossible de construire le classeur { $path } : { $detail } (en { $location })
export-text-too-long = impossible d'écrire { $path } : le texte en { $location } a { $chars } caractères, plus que les 32 767 que contient une cellule ; raccourcissez-le
export-too-many-rows = impossible d'écrire { $path } : la feuille { $sheet } demanderait { $rows } lignes, plus que les 1 048 576 que contient une feuille Excel ; répartissez les données (par année ou par mois) dans plusieurs fichiers
export-report = impossible de calculer le rapport de { $path } : { $reason }
export-no-report = rien à écrire dans { $path } : aucun rapport n'a été donné ; passez au moins un rapport d'écarts
export-detail = { $detail }
export-template-kind-unknown = « { $value } » n'est pas un type de modèle : utilisez plan ou ledger

## Une valeur écrite autrement que son type (les constats d'un export).
export-amount-as-text = { $amount } a plus de { $digits } chiffres significatifs : un nombre Excel l'arrondirait, il est donc écrit en texte (exact) et laissé hors des formules
export-amount-too-large = { $amount } atteint 10^15 ou plus : planfin ne relit aucune cellule numérique aussi grande, il est donc écrit en texte (exact)

## Messages de saisie du modèle de plan (montrés par Excel dans la cellule à remplir).
export-prompt-plan-code = Code court du plan, p. ex. CNLTP-2018-2019
export-prompt-plan-title-fr = Titre du plan en français
export-prompt-plan-title-en = Titre en anglais (facultatif)
export-prompt-plan-organisation = Organisation qui exécute le plan
export-prompt-plan-currency = Devise du plan : code ISO 4217 (XOF = FCFA)
export-prompt-plan-start = Premier jour du plan (date ou aaaa-mm-jj)
export-prompt-plan-end = Dernier jour du plan (date ou aaaa-mm-jj)
export-prompt-plan-ceiling = Plafond budgétaire, dans la devise du plan
export-prompt-objective-code = Code unique de l'objectif, p. ex. OS1
export-prompt-objective-title-fr = Intitulé en français
export-prompt-objective-title-en = Intitulé en anglais (facultatif)
export-prompt-source-code = Code unique de la source, p. ex. ETAT
export-prompt-source-name-fr = Nom de la source en français
export-prompt-source-name-en = Nom en anglais (facultatif)
export-prompt-source-kind = Etat, Bailleur ou Autre
export-prompt-line-code = Code de la ligne, en texte (0201 garde son zéro). Une ligne par code et par année.
export-prompt-line-objective = Un code de la feuille Objectifs
export-prompt-line-label-fr = Libellé en français
export-prompt-line-label-en = Libellé en anglais (facultatif)
export-prompt-line-source = Un code de la feuille Sources
export-prompt-line-period = Année (2019) ou trimestre (2019-Q3)
export-prompt-line-amount = Montant prévu pour l'année, dans la devise du plan
export-prompt-line-unit = Facultatif : unité (atelier, jour...)
export-prompt-line-quantity = Facultatif : quantité ; quantité x coût unitaire = montant
export-prompt-line-unit-cost = Facultatif : coût d'une unité
export-prompt-amendment-date = Date d'effet (date ou aaaa-mm-jj)
export-prompt-amendment-reference = Référence unique (arrêté, décision)
export-prompt-amendment-from = Ligne qui cède le montant (vide pour une hausse)
export-prompt-amendment-to = Ligne qui reçoit le montant (vide pour une baisse)
export-prompt-amendment-amount = Montant, positif
export-prompt-amendment-source = Pour une hausse ou une baisse : la source
export-prompt-amendment-reason = Motif
export-prompt-amendment-approved-by = Approuvé par

## Messages de saisie du modèle de journal.
export-prompt-ledger-codes = Collez ici les codes des lignes du plan
export-prompt-ledger-date = Date de l'opération (date ou jj/mm/aaaa)
export-prompt-ledger-voucher = Numéro de pièce, unique
export-prompt-ledger-line = Code de la ligne budgétaire (feuille Codes lignes)
export-prompt-ledger-amount = Montant ; négatif pour une correction
export-prompt-ledger-currency = Devise du montant (vide : devise du plan)
export-prompt-ledger-rate = Taux vers la devise du plan, si aucune parité fixe
export-prompt-ledger-stage = Étape : engagement, liquidation, ordonnancement ou paiement (vide : paiement)
export-prompt-ledger-payee = Bénéficiaire
export-prompt-ledger-description = Objet de la dépense
export-prompt-ledger-document = Référence du justificatif (facture, PV...)
export-prompt-ledger-commitment = Pour une liquidation, un mandat ou un paiement : le N° de pièce de son engagement. Excel prévient quand ce journal n'a pas cette pièce : continuez si l'engagement est dans le journal d'un autre mois, que planfin lit avec celui-ci
