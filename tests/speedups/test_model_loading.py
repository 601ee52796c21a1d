"""The classifiers loaded without tracing have Rasa's weights and answer as Rasa's."""
import asyncio

import numpy
import pytest
from rasa.core.agent import Agent
from rasa.utils.tensorflow.models import RasaModel

from bench.heldout import load_examples
from speedups import model_loading
from tests.speedups.graph_components import components
from ops.servers import MODEL

pytestmark = pytest.mark.usefixtures("speedups_installed")  # as `python -m speedups` runs Rasa


def classifier_models(agent):
    return {type(component).__name__: component.model
            for component in components(agent) if isinstance(getattr(component, "model", None), RasaModel)}


def loaded(monkeypatch, load):
    monkeypatch.setattr(RasaModel, "load", classmethod(load))
    agent = Agent.load(str(MODEL))
    return agent, classifier_models(agent)


@pytest.fixture(scope="module")
def both():
    patch = pytest.MonkeyPatch()
    try:
        return loaded(patch, model_loading._rasa_load), loaded(patch, model_loading.load)
    finally:
        patch.undo()


def test_the_server_loads_without_tracing():
    assert RasaModel.load.__func__ is model_loading.load


def test_both_classifiers_have_rasas_weights_and_no_traced_graph(both):
    (_, rasas), (_, ours) = both
    assert set(ours) == {"DIETClassifier", "ResponseSelector"} == set(rasas)
    for name, model in ours.items():
        expected = rasas[name].get_weights()
        assert len(model.get_weights()) == len(expected)
        for weights, expected_weights in zip(model.get_weights(), expected):
            numpy.testing.assert_array_equal(weights, expected_weights)
        assert model._tf_predict_step is None and rasas[name]._tf_predict_step is not None
        assert not model.run_eagerly  # what the model's config says, as after Rasa's load


def test_held_out_messages_are_parsed_alike(both):
    (rasas, _), (ours, _) = both
    for example in load_examples()[::5]:
        assert asyncio.run(ours.parse_message(example.text)) == asyncio.run(rasas.parse_message(example.text))


def test_a_model_for_fine_tuning_is_loaded_by_rasa(monkeypatch):
    calls = []
    monkeypatch.setattr(model_loading, "_rasa_load", lambda *args, **kwargs: calls.append((args, kwargs)) or "rasa's")
    assert model_loading.load(RasaModel, "weights", None, None, True, config={}) == "rasa's"
    assert calls == [((RasaModel, "weights", None, None, True), {"config": {}})]
