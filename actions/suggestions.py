"""'Did you mean ...?' suggestions for a message the assistant is unsure about. Pure."""
import json
from itertools import zip_longest
from typing import Any, Dict, Iterable, List, Optional

from language.topics import Domain, topic_metadata, topic_title

MAX_SUGGESTIONS = 3


def topic_button(domain: Domain, topic: str) -> Dict[str, str]:
    return {"title": topic_title(domain, topic), "payload": "/choose_topic" + json.dumps({"topic": topic})}


def topic_buttons(domain: Domain, topics: Iterable[str]) -> List[Dict[str, str]]:
    return [topic_button(domain, topic) for topic in known_topics(domain, topics)]


def settled_by_category(domain: Domain, candidates: Iterable[str], category: Optional[str],
                        aspect: Optional[str]) -> Optional[str]:
    """The suggestion the message itself chose by naming a category of membership (and
    asking about an aspect of it, when it names one): the best-ranked one about both
    ("Who is eligible to apply for a Medical Student membership?" between who can join and
    the students' answer)."""
    if not category:
        return None
    return next((topic for topic in candidates if is_about(topic_metadata(domain, topic) or {}, category, aspect)), None)


def is_about(metadata: Dict[str, Any], category: str, aspect: Optional[str]) -> bool:
    """Whether an FAQ answer is about the category, and about the aspect when one is asked."""
    return category in metadata.get("categories", []) and aspect in (None, metadata.get("aspect"))


def taken_in_turn(rankings: Iterable[Iterable[str]]) -> List[str]:
    """Several questions' likelier topics as one list: each question's best, then each one's
    second, ..., each topic once."""
    return list(dict.fromkeys(topic for row in zip_longest(*map(list, rankings)) for topic in row if topic))


def known_topics(domain: Domain, topics: Iterable[str]) -> List[str]:
    """The topics the domain answers, in order, at most MAX_SUGGESTIONS."""
    return [topic for topic in topics if topic_metadata(domain, topic) is not None][:MAX_SUGGESTIONS]


def missed_before(events: Iterable[Dict[str, Any]], action_name: str) -> bool:
    """Whether the visitor's previous message was already one the assistant missed."""
    user_turns_seen = 0
    for event in reversed(list(events)):
        if event.get("event") == "user":
            user_turns_seen += 1
            if user_turns_seen == 2:
                return False
        elif event.get("event") == "action" and event.get("name") == action_name and user_turns_seen == 1:
            return True
    return False
