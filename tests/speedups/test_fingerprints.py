"""Fingerprints of the training data are Rasa's: a token's remembered fingerprint is the
one Rasa computes from its current content, however the token changed since, and features
print as Rasa prints them."""
import numpy
import scipy.sparse
from hypothesis import given, settings
from hypothesis import strategies as st
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bench.heldout import load_examples
from speedups.fingerprints import matrix_text, rasa_fingerprint, rasa_matrix_text, remembered_fingerprint

plain = st.one_of(st.text(max_size=8), st.integers(), st.floats(allow_nan=False), st.booleans(), st.none())
tokens = st.builds(Token, text=st.text(min_size=1, max_size=12), start=st.integers(0, 500),
                   data=st.dictionaries(st.sampled_from(["pos", "tag", "shape"]), plain, max_size=3),
                   lemma=st.one_of(st.none(), st.text(min_size=1, max_size=12)))
changes = st.one_of(
    st.tuples(st.just("data"), st.sampled_from(["pos", "tag", "extra"]), plain),
    st.tuples(st.just("attribute"), st.sampled_from(["text", "lemma"]), st.text(min_size=1, max_size=12)),
    st.tuples(st.just("attribute"), st.sampled_from(["start", "end"]), st.one_of(st.integers(0, 500), st.booleans())),
)


def change(token, kind, name, value):
    if kind == "data":
        token.set(name, value)
    else:
        setattr(token, name, value)


@settings(max_examples=300, deadline=None)
@given(tokens, st.lists(changes, max_size=4))
def test_remembered_fingerprint_follows_every_change(token, steps):
    assert remembered_fingerprint(token) == rasa_fingerprint(token)
    for kind, name, value in steps:
        change(token, kind, name, value)
        assert remembered_fingerprint(token) == rasa_fingerprint(token)


def test_equal_values_of_other_types_are_told_apart():
    token = Token("MIT", 0, data={"count": 1})
    before = remembered_fingerprint(token)
    token.set("count", True)
    assert remembered_fingerprint(token) == rasa_fingerprint(token) != before


def test_negative_zero_is_told_apart_from_zero():
    token = Token("0", 0, data={"pos": -0.0})
    before = remembered_fingerprint(token)
    token.set("pos", 0.0)
    assert remembered_fingerprint(token) == rasa_fingerprint(token) != before


def test_data_changed_in_place_is_seen():
    token = Token("dues", 4, data={"vector": numpy.zeros(3), "tags": ["NOUN"]})
    before = remembered_fingerprint(token)
    token.data["tags"].append("PROPN")
    token.data["vector"][0] = 1.0
    assert remembered_fingerprint(token) == rasa_fingerprint(token) != before


def test_training_data_fingerprints_are_rasas(monkeypatch):
    """Fingerprinted after tokenizing, then again after a later step set something on
    every message, as Rasa does after each step of the pipeline."""
    def fingerprints(token_fingerprint):
        monkeypatch.setattr(Token, "fingerprint", token_fingerprint)
        data = TrainingData([Message(data={TEXT: example.text, INTENT: "ask"}) for example in load_examples()])
        WhitespaceTokenizer(WhitespaceTokenizer.get_default_config()).process_training_data(data)
        first = data.fingerprint()
        for message in data.training_examples:
            message.set("seen", True)
        return first, data.fingerprint()

    assert fingerprints(remembered_fingerprint) == fingerprints(rasa_fingerprint)


VALUES_OF_TYPE = {numpy.int64: st.integers(-1000, 1000), numpy.int32: st.integers(-1000, 1000),
                  numpy.float64: st.floats(allow_nan=False),
                  numpy.float32: st.floats(allow_nan=False, allow_infinity=False, width=32)}


@st.composite
def sparse_matrices(draw):
    rows, columns = draw(st.integers(1, 5)), draw(st.integers(1, 2000))
    count = draw(st.integers(0, 30))
    dtype = draw(st.sampled_from(list(VALUES_OF_TYPE)))
    values = VALUES_OF_TYPE[dtype]
    matrix = scipy.sparse.coo_matrix((numpy.array(draw(st.lists(values, min_size=count, max_size=count)), dtype=dtype),
                                      (numpy.array(draw(st.lists(st.integers(0, rows - 1), min_size=count, max_size=count)), dtype=numpy.int32),
                                       numpy.array(draw(st.lists(st.integers(0, columns - 1), min_size=count, max_size=count)), dtype=numpy.int32))),
                                     shape=(rows, columns))
    return draw(st.sampled_from([matrix, matrix.tocsr()]))


@settings(max_examples=300, deadline=None)
@given(sparse_matrices())
def test_features_print_as_rasa_prints_them(matrix):
    assert matrix_text(matrix) == rasa_matrix_text(matrix)
