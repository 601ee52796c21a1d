"""Rasa's CountVectorsFeaturizer with sentence features only for message text.

Without transformer layers, DIET and the ResponseSelector classify a message by its
sentence features alone: they read the classifier's output at the sentence position, and
token-level (sequence) features only shape the other positions, which nothing reads. Yet
each classifier still trains a dense layer for the sequence features of the whole
vocabulary, as large as the one for the sentence features, and computes it for every
message. Here text gets one constant feature per token instead: the sequence keeps its
length, and that layer shrinks to a single row.

Intent and response-key labels are featurized as in Rasa, because the classifiers sum
their sequence features into a bag of words.
"""
from typing import List, Optional, Text, Tuple

import numpy as np
import scipy.sparse
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import DENSE_FEATURIZABLE_ATTRIBUTES
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer

Features = List[Optional[scipy.sparse.coo_matrix]]


def token_placeholder(tokens: List[Text]) -> scipy.sparse.coo_matrix:
    return scipy.sparse.coo_matrix(np.ones((len(tokens), 1)))


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class SentenceCountVectorsFeaturizer(CountVectorsFeaturizer):
    def _create_features(self, attribute: Text, all_tokens: List[List[Text]]) -> Tuple[Features, Features]:
        vectorizer = self.vectorizers.get(attribute)
        if not vectorizer or attribute not in DENSE_FEATURIZABLE_ATTRIBUTES:
            return super()._create_features(attribute, all_tokens)
        sequences, sentences = [], []
        for tokens in all_tokens:
            sequences.append(token_placeholder(tokens) if tokens else None)
            sentences.append(self.sentence_vector(vectorizer, tokens) if tokens else None)
        return sequences, sentences

    @staticmethod
    def sentence_vector(vectorizer, tokens: List[Text]) -> scipy.sparse.coo_matrix:
        vector = vectorizer.transform([" ".join(tokens)])
        vector.sort_indices()
        return vector.tocoo()
