"""The inbox folded into rows of one question each: near-duplicate messages (retyped,
misspelt, with "hi" or "quick question" around them) are one row, with how often it came,
why it is there, what the assistant replied and the model's best intents over all of
them. Pure: the vectors come from the caller (review.features in the review page)."""
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable, Dict, List, Tuple

from sklearn.metrics.pairwise import cosine_similarity

from conversations.stats import Matrix, group_questions
from review.inbox import Message

# The cosine of the model's TF-IDF-weighted features from which two messages are one
# question: on 96 misspelt, capitalised and padded variants of 16 questions, 95% of pairs
# of the same question scored above it and every pair of different ones below (the
# closest, 0.54: "quick question: do you have a mobile app" and "quick question: are
# nurses allowed to join").
SIMILAR = 0.55
TOP = 3


def message_key(text: str) -> str:
    """What identifies a message across reviews, without keeping what the visitor typed."""
    return hashlib.sha256(" ".join(text.lower().split()).encode()).hexdigest()[:20]


@dataclass
class Row:
    wordings: List[str]                 # distinct, the most typical first
    count: int                          # messages, repeats included
    reasons: Counter
    replies: Counter
    ranking: List[Tuple[str, float]]    # the model's best intents, mean score over the messages

    @property
    def text(self) -> str:
        return self.wordings[0]

    @property
    def key(self) -> str:
        return message_key(self.text)


def mean_ranking(messages: List[Message]) -> List[Tuple[str, float]]:
    totals: Dict[str, float] = defaultdict(float)
    for message in messages:
        for intent, score in message.ranking:
            totals[intent] += score / len(messages)
    return sorted(totals.items(), key=lambda item: -item[1])[:TOP]


def fold(messages: List[Message], vectors: Callable[[List[str]], Matrix], similar: float = SIMILAR) -> List[Row]:
    """Rows, the most asked first. A row's first wording is its most typical, the one
    closest to the others: the one to add as an example."""
    by_text: Dict[str, List[Message]] = defaultdict(list)
    for message in messages:
        by_text[message.text].append(message)
    texts = sorted(by_text)
    matrix = vectors(texts) if texts else None
    position = {text: index for index, text in enumerate(texts)}

    def rows_of(some: List[str]) -> Matrix:
        return matrix[[position[text] for text in some]]

    rows = []
    for group in group_questions([message.text for message in messages], similar, rows_of):
        typical = group.questions[int(cosine_similarity(rows_of(group.questions)).sum(axis=1).argmax())]
        wordings = [typical] + [text for text in group.questions if text != typical]
        members = [message for text in wordings for message in by_text[text]]
        rows.append(Row(wordings, group.count,
                        Counter(reason for message in members for reason in message.reasons),
                        Counter(reply for message in members for reply in message.replies),
                        mean_ranking(members)))
    return rows
