"""Everything that is specific to version 1 of the Crucible API (the seed-era contract).

The generated package `crucible_openapi.v1` is this version's typed layer; `contract` reads the
facts the generator does not carry (status meanings, routes the client must build by hand)
from the same contract file, so nothing here is a handwritten copy of the contract.
"""
