"""Responses and listening run on the tracker itself instead of a replayed copy, and the
held-out messages and conversations get the same replies and events as with Rasa's copy,
with the action server answering the forms."""
import asyncio

import pytest
from rasa.core.actions.action import ActionBotResponse
from rasa.core.agent import Agent
from rasa.core.policies.policy import PolicyPrediction
from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from speedups import action_copies
from tests.speedups.heldout_conversations import conversations
from ops.servers import MODEL

pytestmark = pytest.mark.usefixtures("speedups_installed")  # as `python -m speedups` runs Rasa

PER_RUN = {"timestamp", "message_id"}


def without_per_run(value):
    if isinstance(value, dict):
        return {key: without_per_run(item) for key, item in value.items() if key not in PER_RUN}
    if isinstance(value, list):
        return [without_per_run(item) for item in value]
    return value


def played(actions_url):
    """Each conversation's replies and events, played on a freshly loaded model (loading seeds
    the generator Rasa picks answer variants with)."""
    agent = Agent.load(str(MODEL), action_endpoint=EndpointConfig(f"{actions_url}/webhook"))

    async def play():
        replies, events = [], []
        for number, turns in enumerate(conversations()):
            replies.append([await agent.handle_text(text, sender_id=f"visitor-{number}") for text in turns])
            tracker = await agent.tracker_store.retrieve(f"visitor-{number}")
            events.append([event.as_dict() for event in tracker.events])
        return replies, without_per_run(events)

    return asyncio.run(play())


def test_the_processor_runs_actions_through_the_speed_up():
    assert MessageProcessor._run_action is action_copies.run_action


def test_conversations_get_rasas_replies_and_events(monkeypatch, actions_url):
    skipped, reads_only = [], action_copies.reads_only

    def counted(action, prediction):
        skipped.append(reads_only(action, prediction))
        return skipped[-1]

    monkeypatch.setattr(action_copies, "reads_only", counted)
    with_speed_up = played(actions_url)
    monkeypatch.setattr(MessageProcessor, "_run_action", action_copies._rasa_run_action)
    assert with_speed_up == played(actions_url)
    assert sum(skipped) > 500 and not all(skipped)  # forms and the action server's actions are copied


def test_only_the_processors_temporary_copy_is_skipped():
    tracker = DialogueStateTracker("visitor", slots=[])
    action_copies.skip_next_copy(tracker)
    assert tracker.copy() is tracker
    assert tracker.copy() is not tracker and "copy" not in vars(tracker)


def test_an_action_with_predicted_events_or_of_another_kind_gets_a_copy():
    response = ActionBotResponse("utter_greet")
    assert action_copies.reads_only(response, PolicyPrediction([1.0], "RulePolicy"))
    assert not action_copies.reads_only(response, PolicyPrediction([1.0], "RulePolicy", events=[SlotSet("x", 1)]))

    class Subclass(ActionBotResponse):
        pass

    assert not action_copies.reads_only(Subclass("utter_greet"), PolicyPrediction([1.0], "RulePolicy"))
