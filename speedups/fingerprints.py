"""Rasa fingerprints the training data after every pipeline step, so that the next
training can skip the steps whose inputs did not change: about a sixth of a full training.

- Every such fingerprint hashes every token of every example again, though the tokenizer
  makes the tokens once and the later steps leave them as they are. Here a token keeps its
  fingerprint together with the content it was computed from, and computes it again, with
  Rasa's own function, whenever that content differs.
- Features are fingerprinted by their text form, one line per entry, which Rasa formats
  from numpy scalars (230 µs for a sentence's character n-grams). The same lines are
  formatted from Python numbers here (50 µs), for the integer and double-precision values
  whose text is the same either way; other matrices keep Rasa's formatting.
"""
from typing import Any, Optional, Text, Tuple

import numpy as np
import rasa.shared.nlu.training_data.util as training_data_util
import scipy.sparse
from rasa.nlu.tokenizers.tokenizer import Token

rasa_fingerprint = Token.fingerprint
rasa_matrix_text = training_data_util.sparse_matrix_to_string
PLAIN_TYPES = (str, int, float, bool, type(None))
_REMEMBERED = "_fingerprint_of_content"


def content(token: Token) -> Optional[Tuple[Any, ...]]:
    """Everything the fingerprint reads, with types (1, 1.0 and True print differently);
    None when the token holds data that cannot be compared by value."""
    values = [token.text, token.start, token.end, token.lemma]
    for key, value in token.data.items():
        values += [key, value]
    if not all(isinstance(value, PLAIN_TYPES) for value in values):
        return None
    # floats by their text: -0.0 == 0.0, yet they print (and fingerprint) differently
    return tuple((type(value), repr(value) if isinstance(value, float) else value) for value in values)


def remembered_fingerprint(token: Token) -> Text:
    current = content(token)
    if current is None:
        return rasa_fingerprint(token)
    remembered = token.__dict__.get(_REMEMBERED)
    if remembered is None or remembered[0] != current:
        remembered = (current, rasa_fingerprint(token))
        setattr(token, _REMEMBERED, remembered)
    return remembered[1]


def matrix_text(matrix: scipy.sparse.spmatrix) -> Text:
    if not (np.issubdtype(matrix.dtype, np.integer) or matrix.dtype == np.float64):
        return rasa_matrix_text(matrix)
    entries = matrix.tocoo()
    return "\n".join("  (%d, %d)\t%s" % entry
                     for entry in zip(entries.row.tolist(), entries.col.tolist(), entries.data.tolist()))


def install() -> None:
    Token.fingerprint = remembered_fingerprint
    training_data_util.sparse_matrix_to_string = matrix_text
