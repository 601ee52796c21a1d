"""A deep copy of features is what `copy.deepcopy` made through pickle's reduce protocol:
the same class and values, and nothing shared that can change."""
import copy

import numpy as np
import pytest
import scipy.sparse
from hypothesis import given, settings
from hypothesis import strategies as st
from rasa.shared.nlu.training_data.features import Features

from nlp.featurizers import SEQUENCE_PLACEHOLDER
from speedups.feature_copies import deep_copy

pytestmark = pytest.mark.usefixtures("speedups_installed")  # as `python -m speedups` runs Rasa


def copy_through_reduce(features: Features) -> Features:
    return copy._reconstruct(features, {}, *features.__reduce_ex__(4))


@st.composite
def sparse_features(draw):
    rows, columns = draw(st.integers(1, 4)), draw(st.integers(1, 40))
    dense = draw(st.lists(st.lists(st.sampled_from([0, 0, 0, 1, 2]), min_size=columns, max_size=columns),
                          min_size=rows, max_size=rows))
    matrix = scipy.sparse.coo_matrix(np.array(dense, dtype=draw(st.sampled_from([np.int64, np.float32]))))
    origin = draw(st.one_of(st.just("CountVectorsFeaturizer"), st.lists(st.text(max_size=5), max_size=3)))
    features = Features(matrix, draw(st.sampled_from(["sentence", "sequence"])), "text", origin)
    if draw(st.booleans()):
        features.fingerprint()
    return features


def assert_same(duplicate: Features, expected: Features) -> None:
    assert type(duplicate) is Features and vars(duplicate).keys() == vars(expected).keys()
    for name, value in vars(expected).items():
        if name != "features":
            assert getattr(duplicate, name) == value
    matrix, expected_matrix = duplicate.features, expected.features
    assert type(matrix) is type(expected_matrix) and vars(matrix).keys() == vars(expected_matrix).keys()
    for name, value in vars(expected_matrix).items():
        if isinstance(value, np.ndarray):
            assert getattr(matrix, name).dtype == value.dtype
            np.testing.assert_array_equal(getattr(matrix, name), value)
        else:
            assert getattr(matrix, name) == value


@settings(max_examples=200, deadline=None)
@given(sparse_features())
def test_copy_is_the_reduce_protocols_and_independent(features):
    duplicate = copy.deepcopy(features)
    assert_same(duplicate, copy_through_reduce(features))
    before = features.features.toarray()
    duplicate.features.data[:] = 7
    if isinstance(duplicate.origin, list):
        duplicate.origin.append("changed")
    np.testing.assert_array_equal(features.features.toarray(), before)
    assert "changed" not in features.origin


def test_copies_read_only_placeholders_as_writable_arrays():
    duplicate = copy.deepcopy(Features(SEQUENCE_PLACEHOLDER, "sequence", "text", "x"))
    duplicate.features.data[0] = 2.0
    assert SEQUENCE_PLACEHOLDER.data[0] == 1.0


def test_other_matrices_are_deep_copied_as_before():
    for matrix in (scipy.sparse.csr_matrix(np.eye(3)), np.eye(3)):
        features = Features(matrix, "sequence", "text", "x")
        duplicate = deep_copy(features, {})
        assert duplicate.features is not matrix and (duplicate.features != matrix).sum() == 0
