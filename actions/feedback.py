"""Feedback on answers: which answer a "Did that answer your question?" is about, and
what the visitor's reply says. Pure functions over Rasa's event and entity dicts."""
import re
from typing import Any, Dict, Iterable, List, Optional, Tuple

from language.topics import Events, topic_answered_by

QUOTE_TOPIC = "personal_quote"  # a personal quote from the membership engine
ANSWER_SLOT = "feedback_topic"   # set by actions whose answers carry no utter_faq metadata
FEEDBACK_SLOT = "feedback"
FEEDBACK_INTENT = "feedback"
HELPFUL_ENTITY = "helpful"
HELPFUL_INTENTS = {"affirm": True, "thank": True, "deny": False}
NEGATIVE = re.compile(r"n't|\b(not|no|useless|unhelpful|wrong)\b")
REPLIES = {True: "utter_feedback_helped", False: "utter_feedback_not_helped"}


def split_at_latest_message(events: Events) -> Tuple[List[Dict[str, Any]], List[Dict[str, Any]]]:
    """The events before the visitor's latest message, and those after it."""
    events = list(events)
    starts = [index for index, event in enumerate(events) if event.get("event") == "user"]
    return (events[:starts[-1]], events[starts[-1] + 1:]) if starts else (events, events)


def events_since_latest_message(events: Events) -> List[Dict[str, Any]]:
    return split_at_latest_message(events)[1]


def events_before_latest_message(events: Events) -> List[Dict[str, Any]]:
    return split_at_latest_message(events)[0]


def answered_topic(events: Events) -> Optional[str]:
    """The topic answered in the latest turn: an FAQ answer, or an answer an action named
    in the feedback_topic slot (a quote, a "tell me more"). None when nothing was answered."""
    return pending_topic(events_since_latest_message(events))


def pending_topic(events: Events) -> Optional[str]:
    """The topic the pending feedback question is about: the latest FAQ answer, or the
    topic an action named for its answer, whichever came last. None once feedback on it
    was recorded."""
    for event in reversed(list(events)):
        if event.get("event") == "slot" and event.get("name") == ANSWER_SLOT:
            return event.get("value")
        topic = topic_answered_by(event)
        if topic:
            return topic
    return None


def helpfulness(intent: str, entities: Iterable[Dict[str, Any]], text: str) -> Optional[bool]:
    """Whether the reply says the answer helped: from a button's entity, a yes, no or
    thanks, or typed words. None when it says neither."""
    value = next((entity.get("value") for entity in entities if entity.get("entity") == HELPFUL_ENTITY), None)
    if value in ("yes", "no"):
        return value == "yes"
    if intent in HELPFUL_INTENTS:
        return HELPFUL_INTENTS[intent]
    if intent == FEEDBACK_INTENT and text:
        return not NEGATIVE.search(text.lower())
    return None


def feedback_reply(intent: str, helpful: Optional[bool], topic: Optional[str]) -> str:
    """The response to a feedback reply. With no question pending it is not feedback: a yes
    or no gets a request to rephrase, and words like "help" what the assistant can do."""
    if topic is None:
        return "utter_what_can_you_do" if intent == FEEDBACK_INTENT else "utter_ask_rephrase"
    if helpful is None:
        return "utter_ask_rephrase"
    return REPLIES[helpful]


def feedback_record(topic: Optional[str], helpful: Optional[bool]) -> Optional[Dict[str, Any]]:
    """What the feedback slot keeps, or None when there is nothing to keep."""
    if topic is None or helpful is None:
        return None
    return {"topic": topic, "helpful": helpful}
