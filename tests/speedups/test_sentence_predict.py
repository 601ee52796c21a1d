"""The classifiers' prediction in numpy gives what Rasa's TensorFlow graph gives."""
import asyncio
import dataclasses

import numpy
import pytest
import scipy.sparse
import tensorflow as tf
from rasa.core.agent import Agent
from rasa.nlu.classifiers.diet_classifier import DIETClassifier
from rasa.shared.constants import DIAGNOSTIC_DATA
from rasa.shared.nlu.training_data.features import Features
from rasa.utils.tensorflow.layers import RandomlyConnectedDense

from bench.heldout import load_examples
from speedups import sentence_predict
from ops.servers import MODEL

pytestmark = pytest.mark.usefixtures("speedups_installed")  # as `python -m speedups` runs Rasa

# float32 sums in another order than TensorFlow's: the last bits of a score may differ.
SCORE_TOLERANCE = 1e-5


@pytest.fixture(scope="module")
def agent():
    return Agent.load(str(MODEL))


@pytest.fixture(scope="module")
def classified(agent):
    """Each classifier with each held-out message it classified, as parsing left it."""
    seen = []

    def remembered(classifier, message):
        seen.append((classifier, message))
        return sentence_predict.predict(classifier, message)

    patch = pytest.MonkeyPatch()
    patch.setattr(DIETClassifier, "_predict", remembered)
    try:
        for example in load_examples():
            asyncio.run(agent.parse_message(example.text))
    finally:
        patch.undo()
    return seen


def test_the_server_predicts_in_numpy():
    assert DIETClassifier._predict is sentence_predict.predict


def test_both_classifiers_of_the_trained_model_have_the_shape_computed_here(classified):
    classifiers = {type(classifier).__name__: classifier for classifier, _ in classified}
    assert set(classifiers) == {"DIETClassifier", "ResponseSelector"}
    assert all(sentence_predict.cached_forward_pass(c.model) is not None for c in classifiers.values())


def test_every_held_out_message_scores_as_in_tensorflow(classified):
    # each held-out message by both classifiers (and the questions of one that asks several)
    seen = {(type(classifier).__name__, message.get("text")) for classifier, message in classified}
    assert seen >= {(name, example.text) for name in ("DIETClassifier", "ResponseSelector")
                    for example in load_examples()}
    for classifier, message in classified:
        expected = sentence_predict._rasa_predict(classifier, message)["i_scores"]
        scores = sentence_predict.predict(classifier, message)["i_scores"]
        assert scores.shape == expected.shape and scores.dtype == expected.dtype
        numpy.testing.assert_allclose(scores, expected, atol=SCORE_TOLERANCE, err_msg=message.get("text"))
        assert scores.argmax() == expected.argmax(), message.get("text")


def test_diagnostic_data_is_tensorflows_when_asked_for(classified, monkeypatch):
    for classifier, message in classified[:40]:
        context = dataclasses.replace(classifier._execution_context, should_add_diagnostic_data=True)
        monkeypatch.setattr(classifier, "_execution_context", context)
        expected = sentence_predict._rasa_predict(classifier, message)[DIAGNOSTIC_DATA]
        diagnostics = sentence_predict.predict(classifier, message)[DIAGNOSTIC_DATA]
        assert diagnostics.keys() == expected.keys() and diagnostics["attention_weights"] is None
        assert expected["attention_weights"] is None
        numpy.testing.assert_allclose(diagnostics["text_transformed"], expected["text_transformed"], atol=1e-5)


def test_without_diagnostics_the_prediction_carries_none(classified):
    classifier, message = classified[0]
    assert not classifier._execution_context.should_add_diagnostic_data
    assert DIAGNOSTIC_DATA not in sentence_predict.predict(classifier, message)


def test_parse_results_are_tensorflows(agent, monkeypatch):
    texts = [example.text for example in load_examples()]

    def parse_all():
        return [asyncio.run(agent.parse_message(text)) for text in texts]

    parsed = parse_all()
    monkeypatch.setattr(DIETClassifier, "_predict", sentence_predict._rasa_predict)
    for ours, expected in zip(parsed, parse_all()):
        assert ours["intent"]["name"] == expected["intent"]["name"]
        assert ours["intent"]["confidence"] == pytest.approx(expected["intent"]["confidence"], abs=SCORE_TOLERANCE)
        assert ours["entities"] == expected["entities"]
        assert ours.get("response_selector", {}).get("faq", {}).get("response", {}).get("intent_response_key") == (
            expected.get("response_selector", {}).get("faq", {}).get("response", {}).get("intent_response_key"))


def test_a_hidden_layer_is_computed_with_its_kernel_masked_as_on_each_call():
    layer = RandomlyConnectedDense(units=5, density=0.3, activation=tf.nn.gelu)
    layer.build((None, 8))
    random = numpy.random.default_rng(7)
    layer.kernel.assign(random.normal(size=(8, 5)).astype(numpy.float32))  # nonzero where masked too
    layer.bias.assign(random.normal(size=5).astype(numpy.float32))
    kernel, bias = sentence_predict.dense(layer)
    inputs = random.normal(size=(3, 8)).astype(numpy.float32)
    numpy.testing.assert_allclose(sentence_predict.gelu(inputs @ kernel + bias), layer(inputs).numpy(), atol=1e-6)


def one_row_features(width, columns, origin):
    matrix = scipy.sparse.coo_matrix((numpy.ones(len(columns)), ([0] * len(columns), columns)), shape=(1, width))
    return Features(matrix, "sentence", "text", origin)


def test_featurizers_blocks_weight_their_own_kernel_rows():
    kernel = numpy.arange(12, dtype=numpy.float32).reshape(6, 2)
    bias = numpy.array([0.5, -0.5], dtype=numpy.float32)
    features = [one_row_features(4, [1, 3], "words"), one_row_features(2, [0], "characters")]
    expected = scipy.sparse.hstack([f.features for f in features]).toarray().astype(numpy.float32) @ kernel + bias
    numpy.testing.assert_array_equal(sentence_predict.sparse_dense(features, (kernel, bias)), expected[0])


def test_features_of_another_shape_go_through_rasa():
    layer = (numpy.zeros((6, 2), numpy.float32), numpy.zeros(2, numpy.float32))
    assert sentence_predict.fits([one_row_features(4, [1], "a"), one_row_features(2, [0], "b")], layer)
    assert not sentence_predict.fits([], layer)
    assert not sentence_predict.fits([one_row_features(4, [1], "a")], layer)
    two_rows = Features(scipy.sparse.coo_matrix(numpy.ones((2, 6))), "sequence", "text", "a")
    assert not sentence_predict.fits([two_rows], layer)


def test_a_message_that_does_not_fit_is_predicted_by_rasa(classified, monkeypatch):
    classifier, message = classified[0]
    calls = []
    monkeypatch.setattr(sentence_predict, "_rasa_predict", lambda *args: calls.append(args) or "rasa's")
    monkeypatch.setattr(sentence_predict, "fits", lambda features, layer: False)
    assert sentence_predict.predict(classifier, message) == "rasa's"
    assert calls == [(classifier, message)]


def test_a_model_of_another_shape_is_predicted_by_rasa(classified, monkeypatch):
    classifier, _ = classified[0]
    monkeypatch.setitem(classifier.model.config, "entity_recognition", True)
    assert sentence_predict.forward_pass(classifier.model) is None


def test_blas_runs_one_thread_in_the_server():
    import threadpoolctl

    assert {pool["num_threads"] for pool in threadpoolctl.threadpool_info() if pool["user_api"] == "blas"} == {1}
