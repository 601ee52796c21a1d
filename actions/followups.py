"""Follow-up questions in context ("and for international members?", "how much is
that?", "what about retired?"): which topic they ask about. Pure functions."""
from typing import List, Optional

from language.topics import ANY_CATEGORY, Domain, Events, aspect_of, covering_topic, topic_answered_by, topic_metadata


def followup_topic(domain: Domain, last_topic: Optional[str], aspect: Optional[str],
                   category: Optional[str]) -> Optional[str]:
    """The topic a follow-up asks about, keeping from the last answer what it leaves out."""
    last = topic_metadata(domain, last_topic) if last_topic else None
    if last:
        aspect = aspect or last.get("aspect")
        category = category or next(iter(last.get("categories", [])), None)
    return covering_topic(domain, category, aspect) if category and aspect else None


def answer_after(domain: Domain, answered: List[str], question: str, own_topic: Optional[str],
                 visitor_category: Optional[str] = None) -> Optional[str]:
    """The topic a follow-up question in a message of several gets, after the topics
    `answered` before it: the one it asks about in their context; or, when that was
    already answered, the question's own reading if it asks something else ("what is an
    associate member, how much do they pay, and can they hold office?"), and nothing if
    it asks the same again ("is international membership free, or how much does it
    cost?") or reads as the answer just given. After an answer about every category, the
    follow-up asks about the visitor's own, when the engine can tell it ("I'm an MS3 in
    Arizona ... Is it worth it and does it cost money?")."""
    if answered and own_topic == answered[-1]:
        return None  # "When will I start paying dues, and how much the first year?": the answer given says it
    aspect = aspect_of(question)
    in_context = None
    if answered:
        about_any = ANY_CATEGORY in (topic_metadata(domain, answered[-1]) or {}).get("categories", [])
        in_context = followup_topic(domain, answered[-1], aspect, visitor_category if about_any else None)
    if in_context and in_context not in answered:
        return in_context
    asks_again = in_context is not None and (topic_metadata(domain, own_topic or "") or {}).get("aspect") == aspect
    return None if asks_again else own_topic


def leans_on_nothing(domain: Domain, answered: List[str], visitor_category: Optional[str]) -> bool:
    """After an answer about every category, from a visitor whose category is not known,
    nothing says which category a follow-up asks about ("Is membership open to
    radiologists from Canada? How much for them?")."""
    last = (topic_metadata(domain, answered[-1]) or {}) if answered else {}
    return visitor_category is None and ANY_CATEGORY in last.get("categories", [])


ENGINE_ACTION = "action_quote"


def engine_answered_last(events: Events) -> bool:
    """Whether the membership engine, not an FAQ answer, spoke last about membership: "how
    much is that?" after "You'd be: Member-in-training" asks about that category."""
    for event in reversed(list(events)):
        if event.get("event") == "action" and event.get("name") == ENGINE_ACTION:
            return True
        if topic_answered_by(event):
            return False
    return False
