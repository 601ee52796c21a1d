"""What the stored conversations say about the assistant, for `make report`: traffic per
day, topics answered, fallbacks, feedback per topic, categories quoted, and the questions
it was unsure about, grouped by similarity. Pure functions over Rasa's event dicts;
conversation ids are used to count conversations and go no further."""
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Dict, Iterable, List, Tuple

import scipy.sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from actions.feedback import FEEDBACK_SLOT
from language.profile import CATEGORY_SLOT
from language.topics import topic_answered_by

# Below this confidence a message counts as one to learn from: on the held-out questions
# 95% of right FAQ answers are above it and every wrong one below.
LOW_CONFIDENCE = 0.6
SIMILAR = 0.35         # TF-IDF cosine from which two questions are grouped
FALLBACK_INTENT = "nlu_fallback"
NOT_ON_PAGE_INTENT = "not_on_page"  # a membership question the page leaves open: an answer to add?
FAQ_INTENT = "faq"
SUGGESTION_PAYLOAD = "/choose_topic"
Matrix = scipy.sparse.spmatrix  # one row per text


@dataclass
class QuestionGroup:
    questions: List[str]   # distinct wordings, most frequent first
    count: int             # messages in the group, repeats included


@dataclass
class Stats:
    conversations_per_day: Dict[str, int] = field(default_factory=dict)
    messages_per_day: Dict[str, int] = field(default_factory=dict)
    messages: int = 0
    conversations: int = 0
    fallbacks: int = 0
    suggestions: int = 0       # "did you mean" replies with topic buttons
    topics: Counter = field(default_factory=Counter)
    feedback: Dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    categories: Counter = field(default_factory=Counter)
    unsure: List[QuestionGroup] = field(default_factory=list)

    def rate(self, count: int) -> float:
        return count / self.messages if self.messages else 0.0


def day_of(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, tz=timezone.utc).date().isoformat()


def is_unsure(parse_data: Dict) -> bool:
    """Unsure of the intent, or of which FAQ answer fits: a sure "faq" intent can still
    get the wrong answer when the response selector's confidence is low."""
    intent = parse_data.get("intent") or {}
    if intent.get("name") == FALLBACK_INTENT or intent.get("confidence", 1.0) < LOW_CONFIDENCE:
        return True
    answer = ((parse_data.get("response_selector") or {}).get(FAQ_INTENT) or {}).get("response") or {}
    return intent.get("name") == FAQ_INTENT and answer.get("confidence", 1.0) < LOW_CONFIDENCE


def is_question_to_add(parse_data: Dict) -> bool:
    """Unsure, or sure that the membership page does not answer it: an answer to add?"""
    return is_unsure(parse_data) or (parse_data.get("intent") or {}).get("name") == NOT_ON_PAGE_INTENT


def offers_suggestions(event: Dict) -> bool:
    buttons = (event.get("data") or {}).get("buttons") or []
    return any(str(button.get("payload", "")).startswith(SUGGESTION_PAYLOAD) for button in buttons)


def char_ngram_vectors(texts: List[str]) -> Matrix:
    """TF-IDF over character n-grams: robust to typos."""
    return TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), lowercase=True).fit_transform(texts)


def group_questions(questions: Iterable[str], similar: float = SIMILAR,
                    vectors: Callable[[List[str]], Matrix] = char_ngram_vectors) -> List[QuestionGroup]:
    """Questions grouped by the cosine of their vectors: each joins the first group whose
    first question is similar enough. Deterministic."""
    counts = Counter(" ".join(question.split()) for question in questions)
    distinct = sorted(counts, key=lambda question: (-counts[question], question.lower()))
    if not distinct:
        return []
    similarity = cosine_similarity(vectors(distinct))
    leaders: List[int] = []
    members: Dict[int, List[int]] = {}
    for index in range(len(distinct)):
        leader = next((lead for lead in leaders if similarity[index, lead] >= similar), None)
        if leader is None:
            leaders.append(index)
            members[index] = [index]
        else:
            members[leader].append(index)
    groups = [QuestionGroup([distinct[i] for i in group], sum(counts[distinct[i]] for i in group))
              for group in members.values()]
    return sorted(groups, key=lambda group: -group.count)


def conversation_stats(events: Iterable[Tuple[str, Dict]]) -> Stats:
    """Stats over (conversation id, event) pairs, oldest first."""
    stats, unsure = Stats(), []
    conversations_by_day: Dict[str, set] = defaultdict(set)
    for conversation, event in events:
        kind = event.get("event")
        if kind == "user":
            day = day_of(event.get("timestamp", 0))
            conversations_by_day[day].add(conversation)
            stats.messages_per_day[day] = stats.messages_per_day.get(day, 0) + 1
            parse_data = event.get("parse_data") or {}
            stats.fallbacks += (parse_data.get("intent") or {}).get("name") == FALLBACK_INTENT
            text = event.get("text") or ""
            if is_question_to_add(parse_data) and not text.startswith("/"):
                unsure.append(text)
        elif kind == "bot":
            stats.suggestions += offers_suggestions(event)
            topic = topic_answered_by(event)
            if topic:
                stats.topics[topic] += 1
        elif kind == "slot" and event.get("value") is not None:
            count_slot(stats, event["name"], event["value"])
    stats.conversations_per_day = {day: len(senders) for day, senders in sorted(conversations_by_day.items())}
    stats.messages_per_day = dict(sorted(stats.messages_per_day.items()))
    stats.messages = sum(stats.messages_per_day.values())
    stats.conversations = len(set().union(*conversations_by_day.values()))
    stats.unsure = group_questions(unsure)
    return stats


def count_slot(stats: Stats, name: str, value) -> None:
    if name == FEEDBACK_SLOT and isinstance(value, dict) and value.get("topic"):
        stats.feedback[value["topic"]]["helped" if value.get("helpful") else "not_helped"] += 1
    elif name == CATEGORY_SLOT:
        stats.categories[value] += 1
