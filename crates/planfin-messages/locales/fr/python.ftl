# Le paquet Python : les messages propres de ses exceptions.

python-conflicts = { $file } : { $count ->
        [one] { $count } pièce contradictoire
       *[other] { $count } pièces contradictoires
    }
