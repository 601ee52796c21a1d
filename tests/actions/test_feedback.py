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
], ids=["faq answer", "quote", "greeting", "earlier answer"])
def test_the_answered_topic_is_the_one_answered_in_the_latest_turn(events, topic):
    assert feedback.answered_topic(events) == topic


def named(topic):
    return {"event": "slot", "name": "feedback_topic", "value": topic}


@pytest.mark.parametrize("events, topic", [
    ([USER, FAQ_ANSWER, USER], "retired_dues"),
    ([USER, FAQ_ANSWER, GREETING, USER], "retired_dues"),
    ([USER, named("personal_quote"), USER], "personal_quote"),
    ([USER, named("personal_quote"), USER, FAQ_ANSWER, USER], "retired_dues"),
    ([USER, FAQ_ANSWER, USER, named("personal_quote"), USER], "personal_quote"),
    ([USER, FAQ_ANSWER, USER, named(None), USER], None),
    ([USER, GREETING, USER], None),
], ids=["faq answer", "after a greeting", "quote", "faq answer after a quote", "quote after a faq answer",
        "already recorded", "nothing answered"])
def test_feedback_is_about_the_latest_answer_until_it_is_recorded(events, topic):
    assert feedback.pending_topic(events) == topic


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
    asked = tracker('/feedback{"helpful": "no"}', "feedback", entities, events=[USER, FAQ_ANSWER, USER])
    messages, events = run(ActionRecordFeedback(), asked, domain)
    assert messages[0]["response"] == "utter_feedback_not_helped"
    assert "Contact us" in domain["responses"]["utter_feedback_not_helped"][0]["text"]
    assert events == [SlotSet("feedback", {"topic": "retired_dues", "helpful": False}),
                      SlotSet("feedback_topic", None)]


def test_a_yes_with_no_question_pending_is_not_feedback(domain):
    messages, events = run(ActionRecordFeedback(), tracker("yes", "affirm"), domain)
    assert messages[0]["response"] == "utter_ask_rephrase"
    assert events == []


def test_help_read_as_feedback_with_no_question_pending_says_what_the_assistant_can_do(domain):
    messages, events = run(ActionRecordFeedback(), tracker("help", "feedback"), domain)
    assert messages[0]["response"] == "utter_what_can_you_do"
    assert events == []
