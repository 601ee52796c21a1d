"""RulePolicy's remembered rule matches are the ones Rasa works out, at every prediction of
the held-out messages and conversations, with the action server answering the forms."""
import asyncio

import pytest
from rasa.core.agent import Agent
from rasa.core.policies.rule_policy import RulePolicy
from rasa.utils.endpoints import EndpointConfig

from speedups import rule_keys
from tests.speedups.graph_components import components
from tests.speedups.heldout_conversations import conversations
from ops.servers import MODEL

pytestmark = pytest.mark.usefixtures("speedups_installed")  # as `python -m speedups` runs Rasa


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
