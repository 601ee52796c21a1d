"""'Did you mean ...?' suggestions for a message the assistant is unsure about. Pure."""
import json
from typing import Any, Dict, Iterable, List

from language.topics import Domain, faq_selection, topic_metadata, topic_of

MAX_SUGGESTIONS = 3
MIN_CONFIDENCE = 0.05


def topic_button(domain: Domain, topic: str) -> Dict[str, str]:
    title = (topic_metadata(domain, topic) or {}).get("title", topic.replace("_", " "))
    return {"title": title, "payload": "/choose_topic" + json.dumps({"topic": topic})}


def suggested_topics(parse_data: Dict[str, Any], domain: Domain) -> List[str]:
    """The FAQ topics the message most likely asks about, best first."""
    topics = []
    for candidate in faq_selection(parse_data).get("ranking") or []:
        topic = topic_of(candidate.get("intent_response_key"))
        if candidate.get("confidence", 0) >= MIN_CONFIDENCE and topic_metadata(domain, topic) is not None:
            topics.append(topic)
    return topics[:MAX_SUGGESTIONS]


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
