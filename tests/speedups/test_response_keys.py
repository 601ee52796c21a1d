"""A selector's remembered response keys are the ones Rasa's walk over the responses finds,
for the trained model's responses and for responses made to catch the walk's order."""
import asyncio

import pytest
from rasa.core.agent import Agent
from rasa.nlu.selectors.response_selector import ResponseSelector

from bench.heldout import load_examples
from speedups import response_keys
from tests.speedups.graph_components import components
from ops.servers import MODEL

pytestmark = pytest.mark.usefixtures("speedups_installed")  # as `python -m speedups` runs Rasa


@pytest.fixture(scope="module")
def agent():
    return Agent.load(str(MODEL))


@pytest.fixture(scope="module")
def selector(agent):
    (found,) = [component for component in components(agent) if isinstance(component, ResponseSelector)]
    return found


def names_to_try(responses):
    keys = list(responses)
    texts = [response.get("text") for variants in responses.values() for response in variants]
    return [*keys, *[key.replace("utter_", "", 1) for key in keys], *texts, "", None, "faq/no_such_answer"]


def test_the_server_resolves_with_the_remembered_keys():
    assert ResponseSelector._resolve_intent_response_key is response_keys.resolve


def test_every_name_of_the_trained_models_responses_resolves_as_in_rasa(selector):
    names = names_to_try(selector.responses)
    assert len(selector.responses) > 50
    for name in names:
        assert selector._resolve_intent_response_key({"name": name}) == \
            response_keys._rasa_resolve(selector, {"name": name}), name
    assert sum(response_keys._rasa_resolve(selector, {"name": name}) is not None for name in names) > 100


def test_every_held_out_message_gets_rasas_response_key(agent, selector, monkeypatch):
    resolved = []

    def compared(component, label):
        resolved.append((component.__class__, response_keys.resolve(component, label),
                         response_keys._rasa_resolve(component, label)))
        return resolved[-1][1]

    monkeypatch.setattr(ResponseSelector, "_resolve_intent_response_key", compared)
    for example in load_examples()[::4]:
        asyncio.run(agent.parse_message(example.text))
    assert len(resolved) > 50 and all(mine == rasas for _, mine, rasas in resolved)
    assert any(mine is not None for _, mine, _ in resolved)


def test_the_first_key_in_rasas_order_wins_and_a_change_of_responses_is_seen(selector, monkeypatch):
    monkeypatch.setattr(selector, "responses", {
        "utter_faq/first": [{"text": "shared"}, {"text": "faq/second"}],
        "utter_faq/second": [{"text": "shared"}, {"image": "no text"}],
        "utter_faq/third": [{"text": None}],
    })
    for name in ("shared", "faq/second", "faq/first", "", None, "faq/third", "other"):
        assert response_keys.resolve(selector, {"name": name}) == response_keys._rasa_resolve(selector, {"name": name})
    assert response_keys.resolve(selector, {"name": "faq/second"}) == "faq/first"
    monkeypatch.setattr(selector, "responses", {"utter_faq/other": [{"text": "shared"}]})
    assert response_keys.resolve(selector, {"name": "shared"}) == "faq/other"
