"""The Slack channel, for real: signed Events API callbacks and interactive payloads
go to the running assistant, and its answers arrive at the stand-in Slack Web API."""
import itertools
import json
import urllib.parse
from functools import partial
from pathlib import Path
from typing import Optional

import pytest
import yaml

from tests.channels.slack_standin import (BOT_TOKEN, BOT_USER, DISCONNECT, OK, VISITOR, WEBHOOK_PATH, RateLimited,
                                          direct_message, event_callback, message_ts)
from tests.stored import feedback_given, last_answered_topic
from ops.servers import wait_until

ROOT = Path(__file__).resolve().parents[2]
# The bot scope each event subscription needs, and the one to answer with
EVENT_SCOPES = {"message.im": "im:history", "app_mention": "app_mentions:read", "message.channels": "channels:history"}
ANSWER_SCOPE = "chat:write"
FIVE_MINUTES = 5 * 60
_sequence = itertools.count(1)


def mention(channel: str, text: str, thread_ts: Optional[str] = None) -> dict:
    event = {"type": "app_mention", "channel": channel, "text": f"<@{BOT_USER}> {text}"}
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event_callback(event)


def button_click(post: dict, title: str) -> bytes:
    """The interactive payload Slack sends when the visitor clicks a button of a posted message."""
    button = next(element for block in post["blocks"] if block["type"] == "actions"
                  for element in block["elements"] if element["text"]["text"] == title)
    payload = {"type": "block_actions", "user": {"id": VISITOR}, "channel": {"id": post["channel"]},
               "message": {"ts": message_ts(), "text": post["text"]},
               "actions": [{"type": "button", "action_id": "answer", "value": button["value"]}]}
    return urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()


@pytest.fixture
def deliver(assistant, slack):
    """Deliver a request to the assistant's Slack webhook as Slack does; its HTTP status."""
    return partial(slack.deliver, assistant.rasa_url)


def test_a_direct_message_is_answered_with_the_bot_token(deliver, slack):
    assert deliver(direct_message("DANSWER", "is membership free for residents?")) == 200
    answer = slack.wait_for_post("DANSWER", "free")
    assert answer["authorization"] == f"Bearer {BOT_TOKEN}"
    assert "thread_ts" not in answer


def posted_texts(slack, channel: str) -> list:
    return [post["text"] for post in slack.posted_to(channel)]


@pytest.mark.parametrize("forgery", [
    {"signature": "v0=" + "0" * 64},
    {"age": FIVE_MINUTES + 60},
], ids=["forged signature", "stale timestamp"])
def test_unauthentic_requests_are_refused(deliver, slack, forgery):
    channel = f"DFORGED{next(_sequence)}"
    assert deliver(direct_message(channel, "is membership free for residents?"), **forgery) == 400
    # Replies in one conversation are posted in order: once the next question is
    # answered, an answer to the refused one would be there too.
    assert deliver(direct_message(channel, "which category am I")) == 200
    slack.wait_for_post(channel, "What is your profession?")
    assert not any("free" in text for text in posted_texts(slack, channel))


def test_a_retried_event_is_not_answered_twice(deliver, slack):
    question = direct_message("DRETRY", "is membership free for residents?")
    assert deliver(question) == 200
    answer = slack.wait_for_post("DRETRY", "free")
    assert deliver(question, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_error"}) == 200
    assert deliver(direct_message("DRETRY", "which category am I")) == 200
    slack.wait_for_post("DRETRY", "What is your profession?")
    assert posted_texts(slack, "DRETRY").count(answer["text"]) == 1


def test_a_button_click_gets_the_next_question(deliver, slack):
    assert deliver(direct_message("DBUTTON", "which category am I")) == 200
    question = slack.wait_for_post("DBUTTON", "What is your profession?")
    assert button_titles(question) == ["Physician", "Medical physicist", "Medical student", "MRI scientist",
                      "Radiologist assistant", "Something else"]
    assert deliver(button_click(question, "Physician"), "application/x-www-form-urlencoded") == 200
    slack.wait_for_post("DBUTTON", "Where are you in your career?")


def button_titles(post: dict) -> list:
    return [element["text"]["text"] for block in post["blocks"] if block["type"] == "actions"
            for element in block["elements"]]


def test_a_feedback_click_is_kept_with_the_topic_answered(deliver, slack, events_stored):
    assert deliver(direct_message("DFEEDBACK", "how much do retired members pay?")) == 200
    question = slack.wait_for_post("DFEEDBACK", "Did that answer your question?")
    assert button_titles(question) == ["Yes, thanks", "Not really"]
    assert deliver(button_click(question, "Not really"), "application/x-www-form-urlencoded") == 200
    assert "Contact us" in slack.wait_for_post("DFEEDBACK", "Sorry it didn't help")["text"]
    conversation = f"{VISITOR}_DFEEDBACK"
    wait_until(lambda: any(sender == conversation for sender, _ in feedback_given(events_stored())),
               10, "the feedback in the store")
    topic = last_answered_topic(events_stored(), conversation)
    assert topic == "retired_dues"
    assert [value for sender, value in feedback_given(events_stored()) if sender == conversation] == [
        {"topic": topic, "helpful": False}]


def test_a_thread_is_a_conversation_apart_from_its_channel(deliver, slack):
    opening = mention("CTHREADS", "I'm a resident in Canada, what do I pay?")
    assert deliver(opening) == 200
    assert "thread_ts" not in slack.wait_for_post("CTHREADS", "Member-in-training")

    thread = opening["event"]["ts"]
    assert deliver(mention("CTHREADS", "what do I pay?", thread_ts=thread)) == 200
    assert slack.wait_for_post("CTHREADS", "What is your profession?")["thread_ts"] == thread

    seen = len(slack.posted_to("CTHREADS"))
    assert deliver(mention("CTHREADS", "what do I pay?")) == 200
    assert "thread_ts" not in slack.wait_for_post("CTHREADS", "Member-in-training", after=seen)


def test_the_public_channel_policy_applies(deliver, slack):
    assert deliver(direct_message("DPOLICY", "why? " * 500)) == 200
    slack.wait_for_post("DPOLICY", "too long")


def test_a_rate_limited_reply_is_sent_again_after_the_retry_after(deliver, slack):
    slack.trouble("DLIMITED", RateLimited(retry_after=1))
    assert deliver(direct_message("DLIMITED", "is membership free for residents?")) == 200
    answer = slack.wait_for_post("DLIMITED", "free")
    limited = slack.calls_to("DLIMITED")[0]
    assert isinstance(limited["answer"], RateLimited) and limited["text"] == answer["text"]
    assert answer["time"] - limited["time"] >= 1


def test_a_reply_rides_out_dropped_connections(deliver, slack):
    slack.trouble("DDROPPED", DISCONNECT, DISCONNECT)
    assert deliver(direct_message("DDROPPED", "is membership free for residents?")) == 200
    answer = slack.wait_for_post("DDROPPED", "free")
    assert [(call["answer"], call["text"]) for call in slack.calls_to("DDROPPED")][:3] == [
        (DISCONNECT, answer["text"]), (DISCONNECT, answer["text"]), (OK, answer["text"])]


def test_a_reply_slack_never_gets_is_logged_once_and_the_conversation_goes_on(deliver, slack, assistant,
                                                                              events_stored):
    log = assistant.rasa.log
    logged_before = log.stat().st_size
    conversation = f"{VISITOR}_DUNREACHABLE"

    def logged_since() -> str:
        with log.open(errors="replace") as text:
            text.seek(logged_before)
            return text.read()

    with slack.refusing():
        assert deliver(direct_message("DUNREACHABLE", "which category am I")) == 200
        wait_until(lambda: conversation in logged_since(), 30, "the undelivered reply in the log")
    logged = logged_since().splitlines()
    assert [line.split(" - ", 1)[1] for line in logged if conversation in line] == [
        f"Slack reply in conversation {conversation} not delivered: ClientConnectorError: "
        f"Cannot connect to host {urllib.parse.urlsplit(slack.api_url).netloc} ssl:default [Connection refused]"]
    assert not [line for line in logged if "Traceback" in line]
    stored = [event for sender, event in events_stored() if sender == conversation]
    assert [event["text"] for event in stored if event["event"] == "user"] == ["which category am I"]
    assert "What is your profession?" in [event["text"] for event in stored if event["event"] == "bot"]
    assert deliver(direct_message("DUNREACHABLE", "Physician")) == 200
    slack.wait_for_post("DUNREACHABLE", "Where are you in your career?")


def test_the_app_manifest_sends_slack_to_this_channel():
    manifest = yaml.safe_load((ROOT / "slack" / "manifest.yml").read_text())
    events, interactivity = manifest["settings"]["event_subscriptions"], manifest["settings"]["interactivity"]
    assert events["request_url"] == interactivity["request_url"] == f"https://YOUR-HOST{WEBHOOK_PATH}"
    assert interactivity["is_enabled"]
    assert set(events["bot_events"]) == set(EVENT_SCOPES)
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == {ANSWER_SCOPE, *EVENT_SCOPES.values()}
