"""The public-channel policy on its own."""
import asyncio

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from channels.policy import (EMPTY_REPLY, MAX_MESSAGE_CHARS, NO_ANSWER_REPLY, TOO_FAST_REPLY, TOO_LONG_REPLY, SenderRateLimit,
                             as_plain_words, clean_text, guarded)
from channels.rest import body_problem
from channels.tracker_store import ConversationStoreUnavailable


@pytest.mark.parametrize("text, expected", [
    ('/inform{"country":"US"}', 'inform{"country":"US"}'),
    ("/restart", "restart"),
    ('/choose_topic{"topic": "general_cost"}', '/choose_topic{"topic": "general_cost"}'),
    ('/choose_topic{"topic": "x"}{"country": "US"}', 'choose_topic{"topic": "x"}{"country": "US"}'),
    ('/feedback{"helpful": "yes"}', '/feedback{"helpful": "yes"}'),
    ('/feedback{"helpful": "no"}', '/feedback{"helpful": "no"}'),
    ('/feedback{"helpful": "yes", "topic": "general_cost"}', 'feedback{"helpful": "yes", "topic": "general_cost"}'),
    ('/feedback{"helpful": "maybe"}', 'feedback{"helpful": "maybe"}'),
    ('/feedback{"feedback": {"topic": "x", "helpful": true}}', 'feedback{"feedback": {"topic": "x", "helpful": true}}'),
    ("who can join?", "who can join?"),
])
def test_only_the_project_button_payloads_are_commands(text, expected):
    assert as_plain_words(text) == expected


def test_clean_text_drops_control_characters_and_lone_surrogates():
    assert clean_text("a\x00b\x07c\nd") == "ab" + "c\nd"
    assert clean_text("x\ud800y") == "x\ufffdy"
    assert clean_text("héllo 👋 مرحبا") == "héllo 👋 مرحبا"


def test_rate_limit_counts_each_sender_in_its_window():
    now = [0.0]
    limit = SenderRateLimit(limit=2, window=10, clock=lambda: now[0])
    assert limit.allows("a") and limit.allows("a") and not limit.allows("a")
    assert limit.allows("b")
    now[0] = 10.0
    assert limit.allows("a")


def _handle(text, sender="visitor", rate_limit=None):
    received, output = [], CollectingOutputChannel()

    async def assistant(message):
        received.append(message.text)
        await message.output_channel.send_response(message.sender_id, {"text": "an answer"})

    asyncio.run(guarded(assistant, rate_limit)(UserMessage(text, output, sender)))
    return received, [message["text"] for message in output.messages]


@pytest.mark.parametrize("text, reply", [("", EMPTY_REPLY), ("  \n\t ", EMPTY_REPLY),
                                         ("x" * (MAX_MESSAGE_CHARS + 1), TOO_LONG_REPLY)])
def test_empty_and_overlong_messages_get_a_friendly_reply(text, reply):
    assert _handle(text) == ([], [reply])


def test_a_turn_without_any_reply_gets_an_apology():
    received, output = [], CollectingOutputChannel()

    async def silent_assistant(message):
        received.append(message.text)

    asyncio.run(guarded(silent_assistant)(UserMessage("hi", output, "visitor")))
    assert received == ["hi"] and [message["text"] for message in output.messages] == [NO_ANSWER_REPLY]


@pytest.mark.parametrize("failure", [ConversationStoreUnavailable("OperationalError"), RuntimeError("x")])
def test_a_failed_turn_shows_only_an_apology_not_its_half_made_replies(failure):
    output = CollectingOutputChannel()

    async def failing_assistant(message):
        await message.output_channel.send_response(message.sender_id, {"text": "an answer not stored"})
        raise failure

    asyncio.run(guarded(failing_assistant)(UserMessage("hi", output, "visitor")))
    assert [message["text"] for message in output.messages] == [NO_ANSWER_REPLY]


def test_too_many_messages_get_asked_to_slow_down():
    limit = SenderRateLimit(limit=1, window=60)
    assert _handle("hi", rate_limit=limit) == (["hi"], ["an answer"])
    assert _handle("hi again", rate_limit=limit) == ([], [TOO_FAST_REPLY])


@pytest.mark.parametrize("body, problem", [
    (None, "the body must be a JSON object"), ([], "the body must be a JSON object"),
    ({"sender": "a"}, "'message' must be a string"), ({"message": 5}, "'message' must be a string"),
    ({"message": "hi", "sender": ""}, "'sender' must be a non-empty string of at most 200 characters"),
    ({"message": "hi", "sender": ["x"]}, "'sender' must be a non-empty string of at most 200 characters"),
    ({"message": "hi", "sender": "a"}, None), ({"message": "hi"}, None),
])
def test_rest_bodies_that_cannot_be_messages(body, problem):
    assert body_problem(body) == problem


@pytest.mark.parametrize("channel", ["rest", "socketio", "slack"])
def test_the_feedback_buttons_send_exactly_the_payloads_the_policy_lets_through(channel):
    from rasa.core.nlg import TemplatedNaturalLanguageGenerator
    from structlog.testing import capture_logs
    from rasa.shared.core.trackers import DialogueStateTracker
    from tests.language_fixtures import project_domain

    domain = project_domain()
    tracker = DialogueStateTracker.from_events("visitor", [], slots=domain.slots)
    generator = TemplatedNaturalLanguageGenerator(domain.responses)
    with capture_logs() as logged:
        reply = asyncio.run(generator.generate("utter_ask_feedback", tracker, channel))
    payloads = [button["payload"] for button in reply["buttons"]]
    assert payloads == ['/feedback{"helpful": "yes"}', '/feedback{"helpful": "no"}']
    assert all(as_plain_words(payload) == payload for payload in payloads)
    assert not [entry for entry in logged if entry["log_level"] in ("error", "exception")]
