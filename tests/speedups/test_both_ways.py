"""The held-out conversations (tests/heldout/conversations.yml), played over REST to the
trained model served with the speed-ups and with Rasa's own code (ASSISTANT_SPEEDUPS=off),
get the same replies and leave the same events in the conversation store.

Rasa picks among an answer's variants with numpy's generator, which loading the
classifiers seeds (their random_seed in config.yml), so playing the same messages in the
same order picks the same variants either way."""
from collections import defaultdict
from typing import Any, Dict

import pytest
import sqlalchemy as sa
import yaml

import speedups
from conversations.store import stored_events
from ops.servers import MODEL, ROOT, running_assistant
from tests.speedups.test_sentence_predict import SCORE_TOLERANCE

CONVERSATIONS = yaml.safe_load((ROOT / "tests" / "heldout" / "conversations.yml").read_text(encoding="utf-8"))[
    "conversations"]
# When an event happened, and the random id Rasa gives each message: new on every run. (The
# model_id in each event's metadata is not: both servers load the same model file.)
PER_RUN = {"timestamp", "message_id"}
LAUNCHER_SAYS = {"on": "Rasa with the speed-ups", "off": "Rasa's own code"}


def played(switch: str) -> Dict[str, Any]:
    """Every conversation's replies, turn by turn, and events, with the server's log."""
    with running_assistant(MODEL, env={speedups.SWITCH: switch}) as assistant:
        replies = {f"heldout-{number}": [assistant.say(f"heldout-{number}", turn) for turn in conversation["turns"]]
                   for number, conversation in enumerate(CONVERSATIONS)}
        events = defaultdict(list)
        for sender, event in stored_events(sa.create_engine(f"sqlite:///{assistant.workdir / 'conversations.db'}")):
            events[sender].append(event)
        return {"replies": replies, "events": events, "log": (assistant.workdir / "rasa.log").read_text()}


@pytest.fixture(scope="module")
def both_ways():
    return {switch: played(switch) for switch in LAUNCHER_SAYS}


def comparable(value: Any, approximate: bool, key: str = "") -> Any:
    """Without the per-run fields; approximate: each classifier confidence as equal to any
    within the float32 rounding of computing it in numpy rather than TensorFlow
    (speedups/sentence_predict.py)."""
    if isinstance(value, dict):
        return {name: comparable(item, approximate, name) for name, item in value.items() if name not in PER_RUN}
    if isinstance(value, list):
        return [comparable(item, approximate, key) for item in value]
    if approximate and key == "confidence" and isinstance(value, float):
        return pytest.approx(value, abs=SCORE_TOLERANCE)
    return value


def test_each_server_ran_as_switched(both_ways):
    for switch, says in LAUNCHER_SAYS.items():
        assert both_ways[switch]["log"].startswith(says), switch


def test_the_replies_are_the_same(both_ways):
    replies, expected = both_ways["on"]["replies"], both_ways["off"]["replies"]
    assert len(replies) == len(CONVERSATIONS) and all(all(turns) for turns in replies.values())
    for sender, turns in expected.items():
        assert replies[sender] == turns, sender


def test_the_stored_events_are_the_same(both_ways):
    events, expected = both_ways["on"]["events"], both_ways["off"]["events"]
    assert events.keys() == expected.keys() and len(events) > len(CONVERSATIONS)  # the warm-up's too
    for sender, expected_events in expected.items():
        got = [comparable(event, approximate=True) for event in events[sender]]
        assert got == [comparable(event, approximate=False) for event in expected_events], sender
