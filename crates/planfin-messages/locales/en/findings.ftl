# Findings of validation and of the reports: what is wrong, then, after the colon, how to fix it.

## Where a finding is.
location-plan = plan
location-plan-ceiling = plan ceiling
location-plan-lines = plan lines
location-line = line { $line }
location-line-period = line { $line } { $period }
location-objective = objective { $objective }
location-source = source { $source }
location-period = year { $period }
location-amendment = amendment { $reference }
location-rate = rate { $currency } { $date }
location-voucher = voucher { $voucher }
location-entry = { $origin } (voucher { $voucher })
location-entry-place = { $file } { $place } (voucher { $voucher })
location-origin = { $file } { $place }
location-unknown-origin = (unknown source)

## The stages of the expenditure chain, as named in findings.
stage-engagement = commitment
stage-liquidation = verification
stage-ordonnancement = payment order
stage-paiement = payment

## A finding as one line.
finding-line = { $location }: { $severity } [{ $code }]: { $message }
finding-line-nowhere = { $severity } [{ $code }]: { $message }
common-too-large = too large to compute

## The plan.
finding-invalid-period = the plan ends ({ $end }) before it starts ({ $start }): swap the dates
finding-invalid-ceiling = the ceiling { $ceiling } is not positive: set it to the total budget approved for the plan
finding-too-precise = { $amount } has more decimals than { $currency } allows ({ $decimals }): round it to { $decimals ->
        [one] { $decimals } decimal place
       *[other] { $decimals } decimal places
    }
finding-duplicate-objective = two objectives have the code "{ $code }": codes must be unique, rename one of them
finding-duplicate-source = two sources have the code "{ $code }": codes must be unique, rename one of them
finding-duplicate-line = two lines have the code "{ $code }": codes must be unique, rename one of them
finding-duplicate-amendment = two different amendments share this reference: give each its own reference
finding-unknown-objective = objective "{ $objective }" is not in the plan: add it or correct the line
finding-unknown-source = funding source "{ $source }" is not in the plan: add it or correct the line
finding-overflow-line = the line's amounts add up to more than planfin can compute exactly (about 7.9e28): look for an amount typed with too many digits
finding-overflow-lines = the lines' amounts add up to more than planfin can compute exactly (about 7.9e28): look for an amount typed with too many digits
finding-overflow-amendments = the amendments of this line add up to more than planfin can compute exactly (about 7.9e28): look for an amount typed with too many digits
finding-overflow-row = the amounts of this row add up to more than planfin can compute exactly (about 7.9e28): look for an amount typed with too many digits
finding-negative-amount = { $amount } is planned for { $period }: a planned amount cannot be negative; to take money from a line, record an amendment
finding-period-outside-plan = an amount is planned for { $period }, outside the plan period { $start } to { $end }: move it to a year of the plan or correct the plan period
finding-costing-mismatch = quantity { $quantity } x unit cost { $unit_cost } = { $product } but the line's amounts add up to { $total }: correct the quantity, the unit cost or the amounts
finding-ceiling-above = the lines add up to { $total }, the ceiling is { $ceiling } (difference { $gap }): the lines exceed the ceiling; reduce them or raise the ceiling
finding-ceiling-below = the lines add up to { $total }, the ceiling is { $ceiling } (difference { $gap }): part of the ceiling is not allocated to any line; allocate it or lower the ceiling

## Exchange rates.
finding-rate-not-positive = rate { $rate } is not positive: give the number of { $to } for one { $from }
finding-rate-other-currency = the rate converts into { $to }, but the plan's currency is { $currency }: give rates from { $from } to { $currency }
finding-rate-pegged = { $from } converts into { $to } at the fixed rate { $peg }, which applies by law: remove this rate
finding-rate-twice = a second rate from { $from } to { $to } dated { $date }: keep one rate per currency and date

## Amendments.
finding-amendment-not-positive = amount { $amount } is not positive: an amendment moves a positive amount from a line, to a line, or both; correct its amount or its lines
finding-amendment-no-line = amount { $amount } and no line: an amendment moves a positive amount from a line, to a line, or both; correct its amount or its lines
finding-amendment-unknown-line = line "{ $line }" is not in the plan: correct the amendment
finding-amendment-unknown-source = funding source "{ $source }" is not in the plan: add it or correct the amendment
finding-amendment-outside-period = dated { $date }, outside the plan period { $start } to { $end }: it still counts from its date; check the date
finding-negative-revised = amendments bring the revised budget to { $revised } on { $date }: a line cannot give more than it has; reduce the amounts taken from it, or date the raise that covers them earlier
finding-amendment-other-source = line "{ $line }" is funded by "{ $funded_by }", not "{ $source }": an amendment moves money on its lines' own sources; correct the source, or to change the source of money, record two amendments: a cut on this line and a raise on a line funded by "{ $source }"

## The ledger.
finding-unknown-line = line "{ $line }" is not in the plan: the amount is reported under an unknown line; correct the line code or add the line to the plan
finding-entry-too-precise = { $amount } has more decimals than { $currency } allows ({ $decimals }): correct the amount
finding-entry-rate-not-positive = rate { $rate } is not positive: give the rate as units of { $to } per { $from }
finding-entry-rate-pegged = rate { $rate } given, but { $from } converts into { $to } at the fixed rate { $peg }, which applies by law: remove the rate
finding-no-rate = the plan has no rate from { $from } to { $to }: add to the plan's rates one dated on or before { $date } (date { $date }, from { $from }, to { $to }, rate: { $to } for one { $from }), or give the rate on the expenditure
finding-no-rate-yet = the plan's first rate from { $from } to { $to } is dated { $first }: add to the plan's rates one dated on or before { $date } (date { $date }, from { $from }, to { $to }, rate: { $to } for one { $from }), or give the rate on the expenditure
finding-entry-outside-period = dated { $date }, outside the plan period { $start } to { $end }: it is counted and flagged; check the date
finding-duplicate-voucher = voucher "{ $voucher }" also at { $first }: identical entry counted once; remove one of the two if the same journal was imported twice

## The expenditure chain.
finding-payment-without-commitment = the { $stage } refers to commitment "{ $commitment }", which no journal has: it counts as a commitment of its own; add the journal that holds "{ $commitment }", or correct the commitment number
finding-commitment-other-line = the { $stage } is charged to line "{ $line }" but its commitment "{ $commitment }" to line "{ $commitment_line }": it counts on its own line, as a commitment of its own; charge it to the commitment's line, or correct the commitment number
finding-stage-exceeds-previous = commitment "{ $commitment }" has { $figure } { $currency } at { $later } but { $before } { $currency } at { $earlier }: the figures count { $later } as reached at { $earlier } too; record the missing { $earlier }, or correct the amounts
finding-stage-regression = voucher "{ $voucher }" is at { $stage } on { $date }, after reaching { $furthest }: the figures keep { $furthest }; correct the later snapshot, or record a correction as a negative amount
finding-stale-commitment = voucher "{ $voucher }", engaged on { $since }, still has { $remaining } { $currency } to pay on { $as_of }, { $age } days later (more than { $stale_days }): pay it, or cancel what will not be paid with a negative commitment
finding-over-committed = engaged { $engaged } { $currency } by { $as_of }, { $over } { $currency } more than the revised budget of { $revised } { $currency }: the credits available do not cover the commitments; record an amendment (budget transfer) before engaging more, or cancel commitments

## The reports.
finding-over-budget = paid { $paid } { $currency } by { $as_of }, { $over } { $currency } more than the revised budget of { $revised } { $currency }: record an amendment (budget transfer) that covers the overrun, or move the expenditures charged to this line by mistake
finding-projected-over-budget = at the pace so far ({ $paid } { $currency } paid in { $days_elapsed } of { $days_total } days), this objective would pay { $projected } { $currency } by { $end }, { $over } { $currency } more than its revised budget of { $revised } { $currency }: slow down commitments or amend the budget (budget transfer) in time
