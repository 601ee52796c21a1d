"""RulePolicy's remembered rule matches are the ones Rasa works out, at every prediction of
the held-out messages and conversations, with the action server answering the forms."""
import asyncio
import os
import urllib.request

import pytest
import yaml
from rasa.core.agent import Agent
from rasa.core.policies.rule_policy import RulePolicy
from rasa.utils.endpoints import EndpointConfig

from bench.heldout import load_examples
from speedups import rule_keys
from tests.speedups.graph_components import components
from ops.servers import MODEL, QUIET, ROOT, actions_server, free_port, wait_until

pytestmark = pytest.mark.usefixtures("speedups_installed")  # as `python -m speedups` runs Rasa


@pytest.fixture(scope="module")
def actions_url(tmp_path_factory):
    port = free_port()
    server = actions_server(port, tmp_path_factory.mktemp("actions") / "actions.log", {**os.environ, **QUIET})
    server.start()
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until(lambda: urllib.request.urlopen(f"{url}/health").status == 200, 60, "the action server")
        yield url
    finally:
        server.stop()


def conversations():
    """Each held-out message on its own, then each scripted conversation."""
    scripted = yaml.safe_load((ROOT / "tests" / "heldout" / "conversations.yml").read_text(encoding="utf-8"))
    return [[example.text] for example in load_examples()] + [c["turns"] for c in scripted["conversations"]]


def test_the_rasa_server_remembers_rule_matches():
    assert RulePolicy._get_possible_keys is rule_keys.possible_keys


def test_remembered_matches_are_rasas_at_every_prediction(monkeypatch, actions_url):
    agent = Agent.load(str(MODEL), action_endpoint=EndpointConfig(f"{actions_url}/webhook"))
    agreed = []

    def compared(policy, lookup, states):
        remembered = rule_keys.possible_keys(policy, lookup, states)
        agreed.append(remembered == rule_keys._rasa_possible_keys(policy, lookup, states))
        return remembered

    monkeypatch.setattr(RulePolicy, "_get_possible_keys", compared)

    async def play():
        for number, turns in enumerate(conversations()):
            for text in turns:
                await agent.handle_text(text, sender_id=f"visitor-{number}")

    asyncio.run(play())
    (policy,) = [component for component in components(agent) if isinstance(component, RulePolicy)]
    remembered = getattr(policy, rule_keys._REMEMBERED)
    assert len(agreed) > 1000 and all(agreed)
    assert len(remembered) < 0.6 * len(agreed)  # conversations do pass through the same states
