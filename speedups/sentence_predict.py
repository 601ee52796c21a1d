"""The classifiers' prediction for one message, computed with numpy.

With no transformer layers (config.yml), DIET and the response selector treat each
position of a message on its own: the featurizer gives text one sequence position with a
constant feature (nlp/featurizers.py) and a sentence position with the message's n-grams.
Each position goes through a dense layer over its sparse features and the hidden layers
(gelu); the classifier embeds the sentence position and compares it with each label's
embedding, which Rasa computes once when the model loads. For this Rasa builds padded
arrays, turns them into tensors and runs a TensorFlow graph, about 2 ms per classifier
and message, against 0.06 to 0.2 ms for the arithmetic itself. The weights are
read from the loaded model, so a retrained model needs nothing here. A model of any other
shape, or a message with more sequence positions, goes through Rasa's own code.
"""
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Text, Tuple

import numpy as np
import scipy.special
import threadpoolctl
from rasa.nlu.classifiers.diet_classifier import DIET, DIETClassifier
from rasa.shared.constants import DIAGNOSTIC_DATA
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.utils.tensorflow.constants import COSINE, ENTITY_RECOGNITION, FEATURIZERS, LABEL, SENTENCE, SEQUENCE, SOFTMAX
from rasa.utils.tensorflow.layers import RandomlyConnectedDense
from rasa.utils.tensorflow.rasa_layers import ConcatenateSparseDenseFeatures, RasaSequenceLayer

_rasa_predict = DIETClassifier._predict
_FORWARD_PASS = "_sentence_forward_pass"  # on a model: its ForwardPass, or None if it has none

Dense = Tuple[np.ndarray, np.ndarray]  # kernel, bias


@dataclass(frozen=True)
class ForwardPass:
    sequence_to_dense: Dense
    sentence_to_dense: Dense
    hidden: List[Dense]
    embed: Dense
    label_embeddings: np.ndarray
    cosine: bool
    softmax: bool

    def predict(self, sequence: List[Features], sentence: List[Features], diagnostics: bool) -> Dict[Text, Any]:
        """What Rasa's graph returns for a message with one sequence position. The sequence
        position shows only in the diagnostic data, so it is computed only for that."""
        positions = [sparse_dense(sentence, self.sentence_to_dense)]
        if diagnostics:
            positions.insert(0, sparse_dense(sequence, self.sequence_to_dense))
        positions = np.stack(positions)
        for kernel, bias in self.hidden:
            positions = gelu(positions @ kernel + bias)
        kernel, bias = self.embed
        similarities = self.label_embeddings @ normalized(positions[-1] @ kernel + bias, self.cosine)
        scores = softmax(similarities) if self.softmax else similarities
        prediction = {"i_scores": scores[np.newaxis, :]}
        if diagnostics:
            prediction[DIAGNOSTIC_DATA] = {"attention_weights": None, "text_transformed": positions[np.newaxis, :, :]}
        return prediction


def sparse_dense(features: List[Features], layer: Dense) -> np.ndarray:
    """A `DenseForSparse` layer over the featurizers' one-row matrices side by side, as Rasa
    combines them: each matrix weights the kernel rows of its own columns."""
    kernel, bias = layer
    offsets = np.cumsum([0] + [feature.features.shape[1] for feature in features])
    rows = [feature.features.tocoo() for feature in features]
    columns = np.concatenate([row.col + offset for row, offset in zip(rows, offsets)])
    values = np.concatenate([row.data for row in rows]).astype(np.float32)
    return values @ kernel[columns] + bias


def gelu(x: np.ndarray) -> np.ndarray:
    """`tf.nn.gelu` as Rasa's hidden layers use it (the exact form, not the tanh one)."""
    return (0.5 * x * (1.0 + scipy.special.erf(x / np.float32(np.sqrt(2.0))))).astype(np.float32)


def normalized(x: np.ndarray, cosine: bool) -> np.ndarray:
    """`tf.nn.l2_normalize` for cosine similarity; inner products use the vector as it is."""
    return x / np.sqrt(np.maximum(np.sum(x * x, axis=-1, keepdims=True), 1e-12)) if cosine else x


def softmax(x: np.ndarray) -> np.ndarray:
    exponentials = np.exp(x - x.max())
    return exponentials / exponentials.sum()


def dense(layer: Any) -> Dense:
    kernel = layer.kernel.numpy()
    if isinstance(layer, RandomlyConnectedDense) and layer.kernel_mask is not None:
        kernel = kernel * layer.kernel_mask.numpy()  # as the layer masks its kernel on each call
    return kernel, layer.bias.numpy()


def forward_pass(model: DIET) -> Optional[ForwardPass]:
    """The model's weights, if it has the shape computed here."""
    signature = model.predict_data_signature.get(TEXT, {})
    sequence_layer = model._tf_layers[f"sequence_layer.{model.text_name}"]
    combining = sequence_layer._tf_layers[RasaSequenceLayer.FEATURE_COMBINING]._tf_layers
    if (
        model.all_labels_embed is None
        or model.config[ENTITY_RECOGNITION]
        or sequence_layer._has_transformer
        or any(name.startswith("unify_dims") for name in combining)
        or not all(len(signature.get(kind, [])) == 1 and signature[kind][0].is_sparse for kind in (SEQUENCE, SENTENCE))
    ):
        return None
    loss = model._tf_layers[f"loss.{LABEL}"]
    return ForwardPass(
        sequence_to_dense=dense_for_sparse(combining[f"sparse_dense.{SEQUENCE}"]),
        sentence_to_dense=dense_for_sparse(combining[f"sparse_dense.{SENTENCE}"]),
        hidden=[dense(layer) for layer in sequence_layer._tf_layers[RasaSequenceLayer.FFNN]._ffn_layers
                if isinstance(layer, RandomlyConnectedDense)],
        embed=dense(model._tf_layers[f"embed.{TEXT}"]._dense),
        label_embeddings=model.all_labels_embed.numpy(),
        cosine=loss.similarity_type == COSINE,
        softmax=loss.model_confidence == SOFTMAX,
    )


def dense_for_sparse(combining: ConcatenateSparseDenseFeatures) -> Dense:
    return dense(combining._tf_layers[combining.SPARSE_TO_DENSE])


def cached_forward_pass(model: DIET) -> Optional[ForwardPass]:
    if _FORWARD_PASS not in model.__dict__:
        if not model.prepared_for_prediction:  # as Rasa prepares it before its first prediction
            model.prepare_for_predict()
            model.prepared_for_prediction = True
        model.__dict__[_FORWARD_PASS] = forward_pass(model)
    return model.__dict__[_FORWARD_PASS]


def predict(classifier: DIETClassifier, message: Message) -> Optional[Dict[Text, Any]]:
    """Rasa's `_predict` for DIET and the response selector, through numpy where it can."""
    weights = None if classifier.model is None else cached_forward_pass(classifier.model)
    # Rasa's own choice and order of the features it would combine
    sequence, sentence = message._filter_sparse_features(TEXT, classifier.component_config[FEATURIZERS] or [])
    if weights is None or not fits(sequence, weights.sequence_to_dense) or not fits(sentence, weights.sentence_to_dense):
        return _rasa_predict(classifier, message)
    return weights.predict(sequence, sentence, classifier._execution_context.should_add_diagnostic_data)


def fits(features: List[Features], layer: Dense) -> bool:
    return bool(features) and all(feature.features.shape[0] == 1 for feature in features) and (
        sum(feature.features.shape[1] for feature in features) == layer[0].shape[0])


def install() -> None:
    DIETClassifier._predict = predict
    # One-row products gain nothing from a second BLAS thread, and OpenBLAS's idle thread
    # spins after each product: it took as much CPU as the rest of the server.
    threadpoolctl.threadpool_limits(1, user_api="blas")
