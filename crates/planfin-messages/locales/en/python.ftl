# The Python package: its exceptions' own messages.

python-conflicts = { $file }: { $count ->
        [one] { $count } conflicting voucher
       *[other] { $count } conflicting vouchers
    }
