"""Sparse features are joined and become batch arrays exactly as with Rasa's own code."""
import numpy as np
import pytest
import scipy.sparse
from hypothesis import given, settings, strategies as st
from rasa.shared.nlu.training_data.features import Features
from rasa.utils.tensorflow.data_generator import RasaDataGenerator
from rasa.utils.tensorflow.model_data import FeatureArray

import speedups
from speedups import sparse_batches


@pytest.mark.parametrize("install", [speedups.install_serving, speedups.install_training], ids=["serving", "training"])
def test_serving_and_training_install_both(install, monkeypatch):
    monkeypatch.setattr(RasaDataGenerator, "_scipy_matrix_to_values", staticmethod(sparse_batches._rasa_conversion))
    monkeypatch.setattr(Features, "_combine_sparse_features", sparse_batches._rasa_combination)
    install()
    assert RasaDataGenerator._scipy_matrix_to_values is sparse_batches.sparse_values
    assert Features._combine_sparse_features is sparse_batches.combine_sparse_features


@st.composite
def sparse_matrices(draw, rows, width):
    dense = draw(st.lists(st.lists(st.sampled_from([0.0, 0.0, 1.0, 2.0, 0.5]), min_size=width, max_size=width),
                          min_size=rows, max_size=rows))
    return scipy.sparse.coo_matrix(np.array(dense))


@st.composite
def feature_arrays(draw):
    width = draw(st.integers(1, 40))
    matrices = [draw(sparse_matrices(draw(st.integers(1, 9)), width)) for _ in range(draw(st.integers(1, 12)))]
    as_csr = draw(st.booleans())
    return FeatureArray(np.array([m.tocsr() if as_csr else m for m in matrices] + [None], dtype=object)[:-1],
                        number_of_dimensions=3)


@settings(max_examples=200, deadline=None)
@given(feature_arrays())
def test_indices_values_and_shape_are_rasas(array):
    expected = sparse_batches._rasa_conversion(array)
    got = sparse_batches.sparse_values(array)
    for mine, rasas in zip(got, expected):
        assert mine.dtype == rasas.dtype
        assert np.array_equal(mine, rasas)


def features_of(matrix):
    return Features(matrix, "sentence", "text", "CountVectorsFeaturizer")


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 6).flatmap(lambda rows: st.tuples(sparse_matrices(rows, 7), sparse_matrices(rows, 11))))
def test_joined_features_are_rasas(pair):
    left, right = pair
    expected, got = features_of(left), features_of(left)
    sparse_batches._rasa_combination(expected, features_of(right))
    sparse_batches.combine_sparse_features(got, features_of(right))
    assert got.features.shape == expected.features.shape and got.features.dtype == expected.features.dtype
    for column in ("row", "col", "data"):
        assert np.array_equal(getattr(got.features, column), getattr(expected.features, column))


def test_features_of_different_lengths_are_not_joined():
    with pytest.raises(ValueError, match="sequence dimensions do not match"):
        sparse_batches.combine_sparse_features(features_of(scipy.sparse.coo_matrix(np.ones((2, 3)))),
                                               features_of(scipy.sparse.coo_matrix(np.ones((3, 3)))))
