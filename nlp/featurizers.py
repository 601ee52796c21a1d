"""Rasa's CountVectorsFeaturizer with sentence features only for message text.

Without transformer layers, DIET and the ResponseSelector classify a message by its
sentence features alone: they read the classifier's output at the sentence position, and
token-level (sequence) features only shape the other positions, which nothing reads. Yet
each classifier still trains a dense layer over the whole vocabulary for the sequence
features, and runs its hidden layers at every token position, for every training example
and every message. Here text gets a sequence of one position with one constant feature
instead: that layer shrinks to a single row and the hidden layers run at two positions.

Intent and response-key labels are featurized as in Rasa, because the classifiers sum
their sequence features into a bag of words.
"""
from collections import Counter
from typing import List, Optional, Text, Tuple

import numpy as np
import scipy.sparse
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import DENSE_FEATURIZABLE_ATTRIBUTES
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from sklearn.feature_extraction.text import CountVectorizer

Features = List[Optional[scipy.sparse.coo_matrix]]


def read_only(matrix: scipy.sparse.coo_matrix) -> scipy.sparse.coo_matrix:
    for array in (matrix.data, matrix.row, matrix.col):
        array.flags.writeable = False
    return matrix


# One matrix shared by every message: building it took 26 µs a message, a fifth of featurizing.
SEQUENCE_PLACEHOLDER = read_only(scipy.sparse.coo_matrix(np.ones((1, 1))))


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class SentenceCountVectorsFeaturizer(CountVectorsFeaturizer):
    def _create_features(self, attribute: Text, all_tokens: List[List[Text]]) -> Tuple[Features, Features]:
        vectorizer = self.vectorizers.get(attribute)
        if not vectorizer or attribute not in DENSE_FEATURIZABLE_ATTRIBUTES:
            return super()._create_features(attribute, all_tokens)
        sequences, sentences = [], []
        for tokens in all_tokens:
            sequences.append(SEQUENCE_PLACEHOLDER if tokens else None)
            sentences.append(self.sentence_vector(vectorizer, tokens) if tokens else None)
        return sequences, sentences

    @staticmethod
    def sentence_vector(vectorizer: CountVectorizer, tokens: List[Text]) -> scipy.sparse.coo_matrix:
        """`vectorizer.transform` of the joined tokens, as a coo matrix with its columns in
        order, counted straight from the vectorizer's own analyzer and vocabulary (sklearn's
        checks and its csr matrix took twice as long)."""
        vocabulary = vectorizer.vocabulary_
        counts = Counter(column for column in map(vocabulary.get, vectorizer.build_analyzer()(" ".join(tokens)))
                         if column is not None)
        columns = sorted(counts)
        values = np.array([1 if vectorizer.binary else counts[column] for column in columns], dtype=vectorizer.dtype)
        return scipy.sparse.coo_matrix((values, (np.zeros(len(columns), np.int32), np.array(columns, np.int32))),
                                       shape=(1, len(vocabulary)))
