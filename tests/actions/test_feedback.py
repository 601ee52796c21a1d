"""Feedback after answers: the pure rules in actions/feedback.py and the two actions."""
import pytest
from rasa_sdk.events import SlotSet

from actions import feedback
from actions.actions import ActionAskFeedback, ActionRecordFeedback
from tests.actions.test_actions import run, tracker

FAQ_ANSWER = {"event": "bot", "metadata": {"utter_action": "utter_faq/retired_dues"}}
GREETING = {"event": "bot", "metadata": {"utter_action": "utter_greet"}}
USER = {"event": "user"}


@pytest.mark.parametrize("events, topic", [
    ([USER, FAQ_ANSWER], "retired_dues"),
    ([USER, {"event": "slot", "name": "feedback_topic", "value": "personal_quote"}], "personal_quote"),
    ([USER, GREETING], None),
    ([FAQ_ANSWER, USER, GREETING], None),  # an answer in an earlier turn does not count
    ([{"event": "user", "input_channel": "cmdline"}, FAQ_ANSWER], None),
], ids=["faq answer", "quote", "greeting", "earlier answer", "command line"])
def test_the_answered_topic_is_the_one_answered_in_the_latest_turn(events, topic):
    assert feedback.answered_topic(events) == topic


@pytest.mark.parametrize("intent, entities, text, helpful", [
    ("feedback", [{"entity": "helpful", "value": "yes"}], '/feedback{"helpful": "yes"}', True),
    ("feedback", [{"entity": "helpful", "value": "no"}], '/feedback{"helpful": "no"}', False),
    ("affirm", [], "yes", True),
    ("thank", [], "thanks a lot", True),
    ("deny", [], "no", False),
    ("feedback", [], "yes that helped", True),
    ("feedback", [], "that didn't help", False),
    ("feedback", [], "not what I was looking for", False),
    ("greet", [], "hello", None),
])
def test_helpfulness_reads_buttons_and_typed_replies(intent, entities, text, helpful):
    assert feedback.helpfulness(intent, entities, text) is helpful


def test_the_question_is_asked_only_after_an_answer(domain):
    messages, events = run(ActionAskFeedback(), tracker("who can join", "faq", events=[USER, FAQ_ANSWER]), domain)
    assert [message["response"] for message in messages] == ["utter_ask_feedback"]
    assert events == [SlotSet("feedback_topic", "retired_dues")]
    messages, events = run(ActionAskFeedback(), tracker("tell me more", "tell_more", events=[USER, GREETING]), domain)
    assert messages == [] and events == [SlotSet("feedback_topic", None)]


def test_a_no_is_kept_with_its_topic_and_offers_a_way_on(domain):
    entities = [{"entity": "helpful", "value": "no"}]
    asked = tracker('/feedback{"helpful": "no"}', "feedback", entities, slots={"feedback_topic": "retired_dues"})
    messages, events = run(ActionRecordFeedback(), asked, domain)
    assert messages[0]["response"] == "utter_feedback_not_helped"
    assert "Contact us" in domain["responses"]["utter_feedback_not_helped"][0]["text"]
    assert events == [SlotSet("feedback", {"topic": "retired_dues", "helpful": False}),
                      SlotSet("feedback_topic", None)]


def test_a_yes_with_no_question_pending_is_not_feedback(domain):
    messages, events = run(ActionRecordFeedback(), tracker("yes", "affirm"), domain)
    assert messages[0]["response"] == "utter_ask_rephrase"
    assert events == []
