"""Before running each action Rasa's processor replays the whole conversation into a new
tracker, so that events a policy predicted along with the action can be dropped if the
action rejects them: four replays a turn, each copying every slot, about 3% of the
server's time. When the policy predicted no events, the replay has the tracker's own
state; a response, a retrieved response or listening only reads the tracker it is given
(their `run` reads slots and the latest message), so they are given the tracker itself."""
from typing import Any

from rasa.core.actions.action import Action, ActionBotResponse, ActionListen, ActionRetrieveResponse
from rasa.core.policies.policy import PolicyPrediction
from rasa.core.processor import MessageProcessor
from rasa.shared.core.trackers import DialogueStateTracker

_rasa_run_action = MessageProcessor._run_action
READ_ONLY_ACTIONS = (ActionBotResponse, ActionRetrieveResponse, ActionListen)  # these classes exactly


def reads_only(action: Action, prediction: PolicyPrediction) -> bool:
    return type(action) in READ_ONLY_ACTIONS and not prediction.events


def skip_next_copy(tracker: DialogueStateTracker) -> None:
    """The tracker's next `copy()` (the processor's temporary tracker) returns the tracker."""

    def itself() -> DialogueStateTracker:
        del tracker.copy
        return tracker

    tracker.copy = itself


async def run_action(processor: MessageProcessor, action: Action, tracker: DialogueStateTracker,
                     output_channel: Any, nlg: Any, prediction: PolicyPrediction) -> bool:
    if not reads_only(action, prediction):
        return await _rasa_run_action(processor, action, tracker, output_channel, nlg, prediction)
    skip_next_copy(tracker)
    try:
        return await _rasa_run_action(processor, action, tracker, output_channel, nlg, prediction)
    finally:
        vars(tracker).pop("copy", None)


def install() -> None:
    MessageProcessor._run_action = run_action
