"""What the previous answer rests on, for a visitor who asks "why?", "source?" or "where
does it say that?". Pure functions over Rasa's event dicts and the domain.

The answer is found from the assistant's own messages before the question:
- an FAQ answer names its topic (`utter_action: utter_faq/<topic>`), and a "tell me more"
  names the topic it expands (ANSWERED_TOPIC); the topic's sources are the page sentences
  listed under `metadata.sources` in data/answers/faq_*.yml;
- the membership engine's answer carries its reasons, each with its source (REASONS);
- the "the page does not say" answer rests on no sentence of the page.
The latest turn that gave any of these is the previous answer: a greeting, a "did that
answer your question?" or a "did you mean" after it does not hide it. A restart forgets it.
"""
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from actions.feedback import events_before_latest_message
from actions.rendering import render_answer_sources
from language.confidence import FAQ_CLEAR_ANSWER
from language.routing import intent_candidates
from language.topics import Domain, Events, best_faq_answer, topic_answered_by, topic_metadata, topic_title

# Metadata of the assistant's messages that answer without a response of the domain.
REASONS = "reasons"                # the engine's answer: [{"text", "source"}]
ANSWERED_TOPIC = "answered_topic"  # a "tell me more": the FAQ topic it expands
NOT_ON_PAGE = "utter_not_on_page"
RESTART = "restart"
NO_ANSWER = "utter_no_answer_to_source"  # data/answers/general.yml: nothing answered yet

Reason = Dict[str, str]


@dataclass(frozen=True)
class PreviousAnswer:
    """The answers of one turn: FAQ topics in the order given, the engine's reasons, and
    whether the turn said the page does not cover a question."""
    topics: Tuple[str, ...] = ()
    reasons: Tuple[Reason, ...] = ()
    not_on_page: bool = False

    def __bool__(self) -> bool:
        return bool(self.topics or self.reasons or self.not_on_page)


def quote_reasons(quote: Mapping[str, Any]) -> List[Reason]:
    """Every reason an engine answer shows or rests on, each once: its reasons, and the
    latest published figure a year without a schedule is given from."""
    reasons = list(quote.get("reasons") or [])
    latest = quote.get("latest_published")
    if latest and quote.get("dues_note"):
        reasons.append({"text": quote["dues_note"], "source": latest["source"]})
    unique = {(reason["text"], reason["source"]): reason for reason in reasons}
    return [{"text": text, "source": source} for text, source in unique]


def quote_metadata(quote: Mapping[str, Any]) -> Dict[str, Any]:
    """What the message with an engine answer keeps, so a later "source?" can show it."""
    return {REASONS: quote_reasons(quote)}


def tell_more_metadata(topic: str) -> Dict[str, Any]:
    return {ANSWERED_TOPIC: topic}


def _turns_backwards(events: Events) -> Iterable[List[Dict[str, Any]]]:
    """The assistant's messages of each turn before the latest message, latest turn first,
    up to the last restart."""
    turn: List[Dict[str, Any]] = []
    for event in reversed(events_before_latest_message(events)):
        kind = event.get("event")
        if kind == RESTART:
            break
        if kind == "user":
            yield list(reversed(turn))
            turn = []
        elif kind == "bot":
            turn.append(event)
    yield list(reversed(turn))


def answer_of_turn(messages: Sequence[Dict[str, Any]]) -> PreviousAnswer:
    topics: List[str] = []
    reasons: List[Reason] = []
    not_on_page = False
    for message in messages:
        metadata = message.get("metadata") or {}
        topic = topic_answered_by(message) or metadata.get(ANSWERED_TOPIC)
        if topic and topic not in topics:
            topics.append(topic)
        reasons += [reason for reason in metadata.get(REASONS) or () if reason not in reasons]
        not_on_page = not_on_page or metadata.get("utter_action") == NOT_ON_PAGE
    return PreviousAnswer(tuple(topics), tuple(reasons), not_on_page)


def previous_answer(events: Events) -> PreviousAnswer:
    """The latest turn's answers before the visitor's latest message; empty when none."""
    for messages in _turns_backwards(list(events)):
        answer = answer_of_turn(messages)
        if answer:
            return answer
    return PreviousAnswer()


def topic_sources(domain: Domain, topic: str) -> Tuple[str, List[str]]:
    """An FAQ topic's title and the sources its answer rests on (data/answers/faq_*.yml)."""
    return topic_title(domain, topic), list((topic_metadata(domain, topic) or {}).get("sources") or [])


def sources_reply(events: Events, domain: Domain) -> Optional[str]:
    """The reply to "source?": what the previous answer rests on, with the page's link;
    None when nothing was answered yet (NO_ANSWER then says so)."""
    previous = previous_answer(events)
    if not previous:
        return None
    topics = [topic_sources(domain, topic) for topic in previous.topics]
    return render_answer_sources(topics, previous.reasons, previous.not_on_page)


def page_question_instead(parse_data: Mapping[str, Any]) -> Optional[str]:
    """Before any answer there is no source to ask for: "link to application pls" asks
    for the application, so a clear FAQ answer is given instead when DIET's next reading
    is an FAQ too ("why?" alone reads as "why join?" to the response selector, but not
    to DIET)."""
    topic, confidence = best_faq_answer(parse_data)
    return topic if confidence >= FAQ_CLEAR_ANSWER and "faq" in intent_candidates(parse_data)[:2] else None
