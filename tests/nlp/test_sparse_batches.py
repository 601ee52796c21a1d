"""Sparse features become the same batch arrays as with Rasa's own conversion."""
import numpy as np
import scipy.sparse
from hypothesis import given, settings, strategies as st
from rasa.utils.tensorflow.data_generator import RasaDataGenerator
from rasa.utils.tensorflow.model_data import FeatureArray

from nlp import featurizers  # noqa: F401  (installs the conversion, as loading the pipeline does)
from nlp import sparse_batches


def test_the_pipeline_installs_the_conversion():
    assert RasaDataGenerator._scipy_matrix_to_values is sparse_batches.sparse_values


@st.composite
def feature_arrays(draw):
    width = draw(st.integers(1, 40))
    matrices = []
    for _ in range(draw(st.integers(1, 12))):
        rows = draw(st.integers(1, 9))
        dense = draw(st.lists(st.lists(st.sampled_from([0.0, 0.0, 1.0, 2.0, 0.5]), min_size=width, max_size=width),
                              min_size=rows, max_size=rows))
        matrices.append(scipy.sparse.coo_matrix(np.array(dense)))
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
