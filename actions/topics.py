"""FAQ topics as the domain describes them: each `utter_faq/<topic>` response carries
metadata (title, categories, aspect, key facts, a longer `more`). Pure functions."""
from typing import Any, Dict, Iterable, List, Optional

FAQ_PREFIX = "utter_faq/"

Domain = Dict[str, Any]
Events = Iterable[Dict[str, Any]]


def response_name(topic: str) -> str:
    return f"{FAQ_PREFIX}{topic}"


def topic_metadata(domain: Domain, topic: str) -> Optional[Dict[str, Any]]:
    variations = domain.get("responses", {}).get(response_name(topic))
    return (variations[0].get("metadata") or {}) if variations else None


def all_topics(domain: Domain) -> List[str]:
    return [name[len(FAQ_PREFIX):] for name in domain.get("responses", {}) if name.startswith(FAQ_PREFIX)]


def topic_answered_by(event: Dict[str, Any]) -> Optional[str]:
    """The FAQ topic a bot message answers, or None for any other event."""
    utter_action = (event.get("metadata") or {}).get("utter_action") or ""
    if event.get("event") == "bot" and utter_action.startswith(FAQ_PREFIX):
        return utter_action[len(FAQ_PREFIX):]
    return None


def last_answered_topic(events: Events) -> Optional[str]:
    """The topic of the latest FAQ answer the assistant gave in this conversation."""
    return next(filter(None, map(topic_answered_by, reversed(list(events)))), None)


def find_topic(domain: Domain, category: str, aspect: str) -> Optional[str]:
    """The topic answering `aspect` (cost, eligibility, rights...) for `category`."""
    for topic in all_topics(domain):
        metadata = topic_metadata(domain, topic) or {}
        if category in metadata.get("categories", []) and metadata.get("aspect") == aspect:
            return topic
    return None
