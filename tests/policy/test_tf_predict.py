"""The classifiers' traced graph, called directly, understands exactly as through TensorFlow's dispatch."""
import asyncio

import numpy
import pytest
import tensorflow as tf
from rasa.core.agent import Agent
from rasa.utils.tensorflow.models import RasaModel

import channels  # noqa: F401  (installs the direct call, as the Rasa server does on start)
from bench.heldout import load_examples
from channels import tf_predict
from tools.servers import MODEL


def test_the_server_predicts_through_the_traced_graph():
    assert RasaModel._rasa_predict is tf_predict.predict


def test_inputs_of_another_rank_or_type_go_through_tensorflows_dispatch():
    specs = [tf.TensorSpec([None, 3], tf.float32), tf.TensorSpec([None], tf.int64)]
    fitting = [numpy.zeros((2, 3), numpy.float32), numpy.zeros(2, numpy.int64)]
    assert tf_predict.matches(specs, fitting)
    assert not tf_predict.matches(specs, [fitting[0], numpy.zeros((2, 1), numpy.int64)])
    assert not tf_predict.matches(specs, [numpy.zeros((2, 3), numpy.float64), fitting[1]])
    assert not tf_predict.matches(specs, fitting[:1])


def test_every_held_out_message_is_parsed_as_through_tensorflows_dispatch(monkeypatch):
    agent = Agent.load(str(MODEL))
    texts = [example.text for example in load_examples()]

    async def parse_all():
        return [await agent.parse_message(text) for text in texts]

    monkeypatch.setattr(RasaModel, "_rasa_predict", tf_predict._rasa_predict)
    expected = asyncio.run(parse_all())
    direct_calls = []
    real_matches = tf_predict.matches

    def counted_matches(specs, batch_in):
        fits = real_matches(specs, batch_in)
        direct_calls.append(fits)
        return fits

    monkeypatch.setattr(RasaModel, "_rasa_predict", tf_predict.predict)
    monkeypatch.setattr(tf_predict, "matches", counted_matches)
    assert asyncio.run(parse_all()) == expected
    assert sum(direct_calls) >= len(texts)  # DIET and the response selector, for each message
