"""The action server's replies are checked as strictly as Rasa checks them, only faster."""
import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

import channels  # noqa: F401  (installs the check, as the Rasa server does on start)
from channels.action_results import validate_action_result


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
