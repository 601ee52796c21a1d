"""Reading what the assistant stored, for tests: (conversation id, event) pairs in."""
from typing import Any, Dict, List, Optional, Sequence, Tuple

from actions.feedback import FEEDBACK_SLOT
from language import topics

Stored = Sequence[Tuple[str, Dict[str, Any]]]


def feedback_given(stored: Stored) -> List[Tuple[str, Dict[str, Any]]]:
    """Every feedback kept, oldest first, with its conversation id."""
    return [(conversation, event["value"]) for conversation, event in stored
            if event.get("event") == "slot" and event.get("name") == FEEDBACK_SLOT and event.get("value")]


def last_answered_topic(stored: Stored, conversation: str) -> Optional[str]:
    return topics.last_answered_topic(event for sender, event in stored if sender == conversation)
