"""The action server's replies are checked as strictly as Rasa checks them, only faster."""
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction

from speedups.action_results import is_valid, validate_action_result

pytestmark = pytest.mark.usefixtures("speedups_installed")  # as `python -m speedups` runs Rasa


def remote_action():
    return RemoteAction("action_quote", None)


def test_the_server_uses_the_faster_check():
    assert RemoteAction._validate_action_result is validate_action_result


def test_a_valid_reply_passes():
    reply = {"events": [{"event": "slot", "name": "country", "value": "CA"}], "responses": [{"text": "Hi"}]}
    assert remote_action()._validate_action_result(reply) is True


@pytest.mark.parametrize("reply", [
    {"events": [{"event": "no_such_event"}]},
    {"responses": "not a list"},
    {"events": [{"event": "slot"}]},
])
def test_an_invalid_reply_fails_with_rasas_own_error(reply):
    with pytest.raises(jsonschema.ValidationError, match="Failed to validate Action server response"):
        remote_action()._validate_action_result(reply)


REAL_EVENTS = [
    {"event": "slot", "name": "country", "value": "CA", "timestamp": None},
    {"event": "active_loop", "name": "profile_form"},
    {"event": "active_loop", "name": None},
    {"event": "followup", "name": "utter_quote"},
    {"event": "reset_slots"},
    {"event": "bot", "text": "Hi", "data": {"buttons": []}, "metadata": {}},
    {"event": "user", "text": "hi", "parse_data": {"intent": {"name": "greet", "confidence": 1.0}, "entities": []}},
    {"event": "action_execution_rejected", "name": "profile_form"},
]
values = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=5),
                   st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))
event_names = st.sampled_from(sorted({event["event"] for event in REAL_EVENTS} | {"restart", "nonsense"}))


@st.composite
def events(draw):
    event = dict(draw(st.sampled_from(REAL_EVENTS)))
    for key in draw(st.lists(st.sampled_from(["event", "name", "value", "text", "timestamp", "data", "intent"]), max_size=3)):
        event[key] = draw(event_names) if key == "event" and draw(st.booleans()) else draw(values)
    if draw(st.booleans()) and event:
        del event[draw(st.sampled_from(sorted(event)))]
    return event


replies = st.fixed_dictionaries({}, optional={
    "events": st.one_of(st.lists(events(), max_size=4), values),
    "responses": st.one_of(st.lists(st.one_of(st.fixed_dictionaries({"text": st.text(max_size=5)}), values), max_size=2), values),
})


@settings(max_examples=600, deadline=None)
@given(reply=st.one_of(replies, values))
def test_every_reply_is_judged_as_by_the_whole_schema(reply):
    schema = RemoteAction.action_response_format_spec()
    assert is_valid(reply) == validator_for(schema)(schema).is_valid(reply)
