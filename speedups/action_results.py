"""Rasa 3.6 checks every reply from the action server with `jsonschema.validate`, which
first checks the schema itself against JSON Schema's meta-schema, every time, and then
tries each event against all 23 kinds of event in the schema's `oneOf` (about 1.2 ms a
reply). Each kind names its event with a `const`, so exactly one kind can match: an event
is checked against the schema's common part and the kind it names, which is the same
answer. A reply that fails still goes through Rasa's own method, for Rasa's own error."""
from typing import Any, Dict

from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction

_rasa_validation = RemoteAction._validate_action_result


def validator(schema: Dict[str, Any]) -> Any:
    return validator_for(schema)(schema)


_SCHEMA = RemoteAction.action_response_format_spec()
_EVENTS = _SCHEMA["properties"]["events"]
_EVENT_KINDS = {kind["properties"]["event"]["const"]: validator(kind) for kind in _EVENTS["items"]["oneOf"]}
_WITHOUT_KINDS = validator({**_SCHEMA, "properties": {**_SCHEMA["properties"], "events": {
    **_EVENTS, "items": {key: value for key, value in _EVENTS["items"].items() if key != "oneOf"}}}})


def is_valid(result: Any) -> bool:
    return _WITHOUT_KINDS.is_valid(result) and all(
        event["event"] in _EVENT_KINDS and _EVENT_KINDS[event["event"]].is_valid(event)
        for event in result.get("events") or [])


def validate_action_result(action: RemoteAction, result: Dict[str, Any]) -> bool:
    return is_valid(result) or _rasa_validation(action, result)


def install() -> None:
    RemoteAction._validate_action_result = validate_action_result
