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
from typing import List, Optional, Text, Tuple

import numpy as np
import scipy.sparse
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import DENSE_FEATURIZABLE_ATTRIBUTES
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer

from nlp import sparse_batches

# Rasa imports this module whenever it trains or loads the model (config.yml names it).
sparse_batches.install()

Features = List[Optional[scipy.sparse.coo_matrix]]


def sequence_placeholder() -> scipy.sparse.coo_matrix:
    return scipy.sparse.coo_matrix(np.ones((1, 1)))


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class SentenceCountVectorsFeaturizer(CountVectorsFeaturizer):
    def _create_features(self, attribute: Text, all_tokens: List[List[Text]]) -> Tuple[Features, Features]:
        vectorizer = self.vectorizers.get(attribute)
        if not vectorizer or attribute not in DENSE_FEATURIZABLE_ATTRIBUTES:
            return super()._create_features(attribute, all_tokens)
        sequences, sentences = [], []
        for tokens in all_tokens:
            sequences.append(sequence_placeholder() if tokens else None)
            sentences.append(self.sentence_vector(vectorizer, tokens) if tokens else None)
        return sequences, sentences

    @staticmethod
    def sentence_vector(vectorizer, tokens: List[Text]) -> scipy.sparse.coo_matrix:
        vector = vectorizer.transform([" ".join(tokens)])
        vector.sort_indices()
        return vector.tocoo()
