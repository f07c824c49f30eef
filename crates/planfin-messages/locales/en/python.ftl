# The Python package: its exceptions' own messages.

python-conflicts-in = { $file }: { $count ->
        [one] { $count } conflicting voucher
       *[other] { $count } conflicting vouchers
    }
python-conflicts = { $count ->
        [one] { $count } conflicting voucher
       *[other] { $count } conflicting vouchers
    }
