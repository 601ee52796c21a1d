"""The model run without dask understands and decides exactly as with it."""
import asyncio

import numpy
import pytest
import rasa.core.processor
from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.engine.runner.dask import DaskGraphRunner

from bench.heldout import load_examples
from speedups.graph_runner import SequentialGraphRunner
from ops.servers import MODEL

pytestmark = pytest.mark.usefixtures("speedups_installed")  # as `python -m speedups` runs Rasa

CONVERSATIONS = 60  # two turns each, held-out messages: FAQs, personal questions, chit-chat


def test_the_server_loads_models_with_the_sequential_runner():
    assert rasa.core.processor.DaskGraphRunner is SequentialGraphRunner


def agent_with(runner, monkeypatch) -> Agent:
    monkeypatch.setattr(rasa.core.processor, "DaskGraphRunner", runner)
    return Agent.load(str(MODEL))  # no action server: custom actions fail the same way in both


RANDOM_KEYS = {"timestamp", "model_id", "message_id"}  # the time, the load's id, each message's id


def comparable(value):
    if isinstance(value, dict):
        return {key: comparable(item) for key, item in value.items() if key not in RANDOM_KEYS}
    return [comparable(item) for item in value] if isinstance(value, list) else value


async def converse(agent: Agent, sender: str, texts) -> tuple:
    numpy.random.seed(len(sender))  # the same variant of each response for both
    output = CollectingOutputChannel()
    for text in texts:
        await agent.handle_message(UserMessage(text, output, sender))
    tracker = await agent.tracker_store.retrieve(sender)
    return output.messages, [comparable(event.as_dict()) for event in tracker.events]


@pytest.fixture(scope="module")
def conversations():
    texts = [example.text for example in load_examples()]
    step = max(1, len(texts) // CONVERSATIONS)
    return [texts[i:i + 2] for i in range(0, step * CONVERSATIONS, step)]


def test_replies_and_events_are_those_of_rasas_own_runner(conversations, monkeypatch):
    expected_agent = agent_with(DaskGraphRunner, monkeypatch)
    agent = agent_with(SequentialGraphRunner, monkeypatch)
    assert type(agent.processor.graph_runner) is SequentialGraphRunner
    assert type(expected_agent.processor.graph_runner) is DaskGraphRunner

    async def both():
        for number, texts in enumerate(conversations):
            sender = f"visitor-{number}"
            assert await converse(agent, sender, texts) == await converse(expected_agent, sender, texts), texts
            parsed, expected = await agent.parse_message(texts[0]), await expected_agent.parse_message(texts[0])
            assert comparable(parsed) == comparable(expected), texts[0]

    asyncio.run(both())
