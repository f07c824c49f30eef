# Le paquet Python : les messages propres de ses exceptions.

python-conflicts-in = { $file } : { $count ->
        [one] { $count } pièce contradictoire
       *[other] { $count } pièces contradictoires
    }
python-conflicts = { $count ->
        [one] { $count } pièce contradictoire
       *[other] { $count } pièces contradictoires
    }
