"""Rasa fingerprints the training data after every pipeline step, so that the next
training can skip the steps whose inputs did not change. Every such fingerprint hashes
every token of every example again, though the tokenizer makes the tokens once and the
later steps leave them as they are: that was about a tenth of a full training. Here a
token keeps its fingerprint together with the content it was computed from, and computes
it again, with Rasa's own function, whenever that content differs."""
from typing import Any, Optional, Text, Tuple

from rasa.nlu.tokenizers.tokenizer import Token

rasa_fingerprint = Token.fingerprint
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
    return tuple((type(value), value) for value in values)


def remembered_fingerprint(token: Token) -> Text:
    current = content(token)
    if current is None:
        return rasa_fingerprint(token)
    remembered = token.__dict__.get(_REMEMBERED)
    if remembered is None or remembered[0] != current:
        remembered = (current, rasa_fingerprint(token))
        setattr(token, _REMEMBERED, remembered)
    return remembered[1]


def install() -> None:
    Token.fingerprint = remembered_fingerprint
