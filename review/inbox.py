"""The visitor messages staff should look at, from the stored conversations: fallbacks and
"did you mean" turns, answers a visitor said did not help, boundary answers and answers
given with low confidence. Each comes with the model's readings of it and what the
assistant replied. Pure functions over Rasa's event dicts, like conversations.stats."""
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Set, Tuple

from actions.feedback import ANSWER_SLOT, FEEDBACK_SLOT
from conversations.stats import FALLBACK_INTENT, FAQ_INTENT, is_unsure, offers_suggestions
from language.topics import faq_selection, topic_answered_by

SUGGESTED = "did you mean"
BOUNDARIES = {"utter_not_on_page": "not on the page", "utter_dont_know": "don't know",
              "utter_out_of_scope": "out of scope"}
NOT_HELPED = "not helped"
LOW_CONFIDENCE = "low confidence"
# Set by the pipeline, never learnt from examples: no message can be an example of them.
UNTRAINABLE = {FALLBACK_INTENT, "several_questions"}


@dataclass
class Message:
    """One visitor message worth a look, and the turn it started."""
    text: str
    ranking: List[Tuple[str, float]]   # training intents (faq/<topic> for FAQs), best first
    reasons: Set[str] = field(default_factory=set)
    replies: List[str] = field(default_factory=list)  # response names, or SUGGESTED


def ranking(parse_data: Dict) -> List[Tuple[str, float]]:
    """The model's intents for a message as training intents, best first: an FAQ's share
    of the intent confidence goes to its topics by the response selector's ranking."""
    scores: List[Tuple[str, float]] = []
    for entry in parse_data.get("intent_ranking") or []:
        name, confidence = entry.get("name"), float(entry.get("confidence") or 0.0)
        if name == FAQ_INTENT:
            scores += [(candidate["intent_response_key"], confidence * float(candidate.get("confidence") or 0.0))
                       for candidate in faq_selection(parse_data).get("ranking") or []]
        elif name not in UNTRAINABLE:
            scores.append((name, confidence))
    return sorted(scores, key=lambda score: -score[1])


def reply_of(event: Dict) -> Optional[str]:
    """The response a bot event sent, SUGGESTED for topic suggestions; None for the
    feedback question, which follows every answer."""
    if offers_suggestions(event):
        return SUGGESTED
    name = (event.get("metadata") or {}).get("utter_action") or "text"
    return None if name == "utter_ask_feedback" else name


def inbox(events: Iterable[Tuple[str, Dict]]) -> List[Message]:
    """The messages to review among (conversation id, event) pairs, oldest first."""
    messages: List[Message] = []
    latest: Dict[str, Message] = {}    # each conversation's latest visitor message
    answered: Dict[str, Message] = {}  # and the latest one that got an answer
    for conversation, event in events:
        kind, message = event.get("event"), latest.get(conversation)
        if kind == "user":
            text, parse_data = " ".join((event.get("text") or "").split()), event.get("parse_data") or {}
            if text.startswith("/") or not text:  # a button's payload
                latest.pop(conversation, None)
                continue
            latest[conversation] = message = Message(text, ranking(parse_data))
            messages.append(message)
            if (parse_data.get("intent") or {}).get("name") == FALLBACK_INTENT:
                message.reasons.add("fallback")
            elif is_unsure(parse_data):
                message.reasons.add(LOW_CONFIDENCE)
        elif kind == "bot" and message and (reply := reply_of(event)):
            message.replies.append(reply)
            if reply == SUGGESTED or reply in BOUNDARIES:
                message.reasons.add(BOUNDARIES.get(reply, SUGGESTED))
            if topic_answered_by(event):
                answered[conversation] = message
        elif kind == "slot" and event.get("name") == ANSWER_SLOT and event.get("value") and message:
            answered[conversation] = message  # an action's answer: a quote, "tell me more"
        elif kind == "slot" and event.get("name") == FEEDBACK_SLOT and conversation in answered:
            if (event.get("value") or {}).get("helpful") is False:
                answered[conversation].reasons.add(NOT_HELPED)
    return [message for message in messages if message.reasons]
