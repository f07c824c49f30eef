# Constats de la validation et des rapports : ce qui ne va pas, puis, après les deux-points, comment le corriger.

## Où se trouve un constat.
location-plan = plan
location-plan-ceiling = plafond du plan
location-plan-lines = lignes du plan
location-line = ligne { $line }
location-line-period = ligne { $line } { $period }
location-objective = objectif { $objective }
location-source = source { $source }
location-period = exercice { $period }
location-amendment = modification { $reference }
location-rate = taux { $currency } { $date }
location-voucher = pièce { $voucher }
location-entry = { $origin } (pièce { $voucher })
location-entry-place = { $file } { $place } (pièce { $voucher })
location-origin = { $file } { $place }
location-unknown-origin = (origine inconnue)

## Les étapes de la chaîne de la dépense, telles que les constats les nomment.
stage-engagement = engagement
stage-liquidation = liquidation
stage-ordonnancement = ordonnancement
stage-paiement = paiement

## Un constat sur une ligne.
finding-line = { $location } : { $severity } [{ $code }] : { $message }
finding-line-nowhere = { $severity } [{ $code }] : { $message }
common-too-large = trop grand pour être calculé

## Le plan.
finding-invalid-period = le plan se termine ({ $end }) avant de commencer ({ $start }) : intervertissez les dates
finding-invalid-ceiling = le plafond { $ceiling } n'est pas positif : indiquez le budget total approuvé pour le plan
finding-too-precise = { $amount } a plus de décimales que { $currency } n'en admet ({ $decimals }) : arrondissez-le à { $decimals ->
        [one] { $decimals } décimale
       *[other] { $decimals } décimales
    }
finding-duplicate-objective = deux objectifs portent le code « { $code } » : les codes doivent être uniques, renommez l'un d'eux
finding-duplicate-source = deux sources de financement portent le code « { $code } » : les codes doivent être uniques, renommez l'une d'elles
finding-duplicate-line = deux lignes portent le code « { $code } » : les codes doivent être uniques, renommez l'une d'elles
finding-duplicate-amendment = deux modifications différentes portent cette référence : donnez à chacune sa propre référence
finding-unknown-objective = l'objectif « { $objective } » n'est pas dans le plan : ajoutez-le ou corrigez la ligne
finding-unknown-source = la source de financement « { $source } » n'est pas dans le plan : ajoutez-la ou corrigez la ligne
finding-overflow-line = les montants de la ligne totalisent plus que planfin ne peut calculer exactement (environ 7,9e28) : cherchez un montant saisi avec trop de chiffres
finding-overflow-lines = les montants des lignes totalisent plus que planfin ne peut calculer exactement (environ 7,9e28) : cherchez un montant saisi avec trop de chiffres
finding-overflow-amendments = les modifications de cette ligne totalisent plus que planfin ne peut calculer exactement (environ 7,9e28) : cherchez un montant saisi avec trop de chiffres
finding-overflow-row = les montants de cette rangée totalisent plus que planfin ne peut calculer exactement (environ 7,9e28) : cherchez un montant saisi avec trop de chiffres
finding-negative-amount = { $amount } est prévu pour { $period } : un montant prévu ne peut pas être négatif ; pour retirer des crédits d'une ligne, enregistrez une modification
finding-period-outside-plan = un montant est prévu pour { $period }, hors de la période du plan du { $start } au { $end } : placez-le sur un exercice du plan ou corrigez la période du plan
finding-costing-mismatch = quantité { $quantity } x coût unitaire { $unit_cost } = { $product } mais les montants de la ligne totalisent { $total } : corrigez la quantité, le coût unitaire ou les montants
finding-ceiling-above = les lignes totalisent { $total }, le plafond est de { $ceiling } (différence { $gap }) : les lignes dépassent le plafond ; réduisez-les ou relevez le plafond
finding-ceiling-below = les lignes totalisent { $total }, le plafond est de { $ceiling } (différence { $gap }) : une partie du plafond n'est affectée à aucune ligne ; affectez-la ou abaissez le plafond

## Les taux de change.
finding-rate-not-positive = le taux { $rate } n'est pas positif : indiquez le nombre de { $to } pour un { $from }
finding-rate-other-currency = le taux convertit en { $to }, mais la devise du plan est { $currency } : donnez des taux de { $from } en { $currency }
finding-rate-pegged = { $from } se convertit en { $to } à la parité fixe { $peg }, qui s'applique de droit : supprimez ce taux
finding-rate-twice = un second taux de { $from } en { $to } daté du { $date } : gardez un seul taux par devise et par date

## Les modifications.
finding-amendment-not-positive = le montant { $amount } n'est pas positif : une modification déplace un montant positif depuis une ligne, vers une ligne, ou les deux ; corrigez son montant ou ses lignes
finding-amendment-no-line = montant { $amount } et aucune ligne : une modification déplace un montant positif depuis une ligne, vers une ligne, ou les deux ; corrigez son montant ou ses lignes
finding-amendment-unknown-line = la ligne « { $line } » n'est pas dans le plan : corrigez la modification
finding-amendment-unknown-source = la source de financement « { $source } » n'est pas dans le plan : ajoutez-la ou corrigez la modification
finding-amendment-outside-period = datée du { $date }, hors de la période du plan du { $start } au { $end } : elle compte quand même à partir de sa date ; vérifiez la date
finding-negative-revised = les modifications portent le budget révisé à { $revised } le { $date } : une ligne ne peut pas céder plus qu'elle n'a ; réduisez les montants qui lui sont retirés, ou datez plus tôt l'augmentation qui les couvre
finding-amendment-other-source = la ligne « { $line } » est financée par « { $funded_by } », pas par « { $source } » : une modification déplace des crédits sur les sources propres de ses lignes ; corrigez la source, ou pour changer la source des crédits, enregistrez deux modifications : une réduction sur cette ligne et une augmentation sur une ligne financée par « { $source } »

## Le journal des dépenses.
finding-unknown-line = la ligne « { $line } » n'est pas dans le plan : le montant est présenté sous une ligne inconnue ; corrigez l'imputation ou ajoutez la ligne au plan
finding-entry-too-precise = { $amount } a plus de décimales que { $currency } n'en admet ({ $decimals }) : corrigez le montant
finding-entry-rate-not-positive = le taux { $rate } n'est pas positif : donnez le taux en unités de { $to } pour un { $from }
finding-entry-rate-pegged = un taux { $rate } est donné, mais { $from } se convertit en { $to } à la parité fixe { $peg }, qui s'applique de droit : supprimez le taux
finding-no-rate = le plan n'a aucun taux de { $from } en { $to } : ajoutez aux taux du plan un taux daté du { $date } au plus tard (date { $date }, de { $from }, en { $to }, taux : nombre de { $to } pour un { $from }), ou donnez le taux sur la dépense
finding-no-rate-yet = le premier taux du plan de { $from } en { $to } est daté du { $first } : ajoutez aux taux du plan un taux daté du { $date } au plus tard (date { $date }, de { $from }, en { $to }, taux : nombre de { $to } pour un { $from }), ou donnez le taux sur la dépense
finding-entry-outside-period = datée du { $date }, hors de la période du plan du { $start } au { $end } : elle est comptée et signalée ; vérifiez la date
finding-duplicate-voucher = la pièce « { $voucher } » figure aussi dans { $first } : écriture identique comptée une seule fois ; supprimez l'une des deux si le même journal a été importé deux fois

## La chaîne de la dépense.
finding-payment-without-commitment = la pièce à l'étape { $stage } renvoie à l'engagement « { $commitment } », qu'aucun journal ne contient : elle compte comme un engagement à part entière ; ajoutez le journal qui contient « { $commitment } », ou corrigez le numéro d'engagement
finding-commitment-other-line = la pièce à l'étape { $stage } est imputée sur la ligne « { $line } » mais son engagement « { $commitment } » sur la ligne « { $commitment_line } » : elle compte sur sa propre ligne, comme un engagement à part entière ; imputez-la sur la ligne de l'engagement, ou corrigez le numéro d'engagement
finding-stage-exceeds-previous = l'engagement « { $commitment } » a { $figure } { $currency } à l'étape { $later } mais { $before } { $currency } à l'étape { $earlier } : les montants comptent l'étape { $later } comme atteinte aussi à l'étape { $earlier } ; enregistrez l'étape { $earlier } manquante, ou corrigez les montants
finding-stage-regression = la pièce « { $voucher } » est à l'étape { $stage } le { $date }, après avoir atteint l'étape { $furthest } : les montants gardent { $furthest } ; corrigez la situation la plus récente, ou enregistrez une correction en montant négatif
finding-stale-commitment = la pièce « { $voucher } », engagée le { $since }, a encore { $remaining } { $currency } à payer au { $as_of }, { $age } jours plus tard (plus de { $stale_days }) : payez-la, ou annulez ce qui ne sera pas payé par un engagement négatif
finding-over-committed = { $engaged } { $currency } engagés au { $as_of }, soit { $over } { $currency } de plus que le budget révisé de { $revised } { $currency } : les crédits disponibles ne couvrent pas les engagements ; enregistrez une modification (virement de crédits) avant d'engager davantage, ou annulez des engagements

## Les rapports.
finding-over-budget = { $paid } { $currency } payés au { $as_of }, soit { $over } { $currency } de plus que le budget révisé de { $revised } { $currency } : enregistrez une modification (virement de crédits) qui couvre le dépassement, ou déplacez les dépenses imputées par erreur sur cette ligne
finding-projected-over-budget = au rythme actuel ({ $paid } { $currency } payés en { $days_elapsed } jours sur { $days_total }), cet objectif paierait { $projected } { $currency } d'ici le { $end }, soit { $over } { $currency } de plus que son budget révisé de { $revised } { $currency } : ralentissez les engagements ou modifiez le budget (virement de crédits) à temps
