"""Rasa deep-copies a message's features each time a classifier gathers them, for training
and for every message it classifies, and once more for every placeholder of a missing
feature. `copy.deepcopy` takes a sparse matrix apart through pickle's reduce protocol:
40 µs for one sentence's features, about 3% of the server's time. A sparse matrix in
coordinate form is its three arrays and a few immutable values; this copies the arrays
(4 µs) and leaves any other matrix to `copy.deepcopy`."""
import copy
from typing import Any, Dict

import scipy.sparse
from rasa.shared.nlu.training_data.features import Features

COO_ARRAYS = ("data", "row", "col")
COO_ATTRIBUTES = {*COO_ARRAYS, "_shape", "has_canonical_format", "maxprint"}  # the rest are immutable


def copied_matrix(matrix: Any, memo: Dict[int, Any]) -> Any:
    if type(matrix) is not scipy.sparse.coo_matrix or vars(matrix).keys() != COO_ATTRIBUTES:
        return copy.deepcopy(matrix, memo)
    duplicate = scipy.sparse.coo_matrix.__new__(scipy.sparse.coo_matrix)
    duplicate.__dict__.update(vars(matrix))
    for name in COO_ARRAYS:
        setattr(duplicate, name, getattr(matrix, name).copy())
    return duplicate


def deep_copy(features: Features, memo: Dict[int, Any]) -> Features:
    duplicate = Features.__new__(Features)
    memo[id(features)] = duplicate
    for name, value in vars(features).items():
        setattr(duplicate, name, copied_matrix(value, memo) if name == "features" else copy.deepcopy(value, memo))
    return duplicate


def install() -> None:
    Features.__deepcopy__ = deep_copy
