"""Failures a live deployment meets: its own servers, so the shared one is not disturbed."""
import time

import pytest

from channels.policy import NO_ANSWER_REPLY
from ops.servers import running_assistant


@pytest.fixture(scope="module")
def own_assistant():
    with running_assistant() as running:
        yield running


def test_action_server_down_gets_an_apology_then_the_conversation_continues(own_assistant):
    assert "What is your profession?" in own_assistant.text("outage", "which category am I")
    own_assistant.actions.stop()
    started = time.monotonic()
    assert own_assistant.text("outage", "Physician") == NO_ANSWER_REPLY
    assert time.monotonic() - started < 5
    own_assistant.start()
    assert "Where are you in your career?" in own_assistant.text("outage", "Physician")


def test_a_restart_loses_nothing(own_assistant):
    own_assistant.text("durable", "which category am I")
    own_assistant.text("durable", "Physician")
    own_assistant.stop()
    own_assistant.start()
    reply = own_assistant.text("durable", "Retired")
    assert "When did you retire?" in reply
