"""Scores computed from predictions and replies; no Rasa, no servers."""
from collections import defaultdict
from dataclasses import dataclass
from typing import Dict, Iterable, Sequence

import numpy
from sklearn.metrics import f1_score


@dataclass(frozen=True)
class Score:
    correct: int
    total: int

    @property
    def rate(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def __str__(self) -> str:
        return f"{self.correct}/{self.total} ({self.rate:.1%})"


def score(flags: Iterable[bool]) -> Score:
    flags = list(flags)
    return Score(sum(flags), len(flags))


def combined(scores: Iterable[Score]) -> Score:
    scores = list(scores)
    return Score(sum(s.correct for s in scores), sum(s.total for s in scores))


def per_topic(topics: Sequence[str], flags: Sequence[bool]) -> Dict[str, Score]:
    grouped = defaultdict(list)
    for topic, flag in zip(topics, flags):
        grouped[topic].append(flag)
    return {topic: score(grouped[topic]) for topic in sorted(grouped)}


def macro_f1(expected: Sequence[str], predicted: Sequence[str]) -> float:
    """Averaged over the expected labels only: a wrong label the set never expects
    (nlu_fallback, say) costs recall where it was predicted, not a class of its own."""
    return float(f1_score(expected, predicted, labels=sorted(set(expected)), average="macro", zero_division=0))


def contains_key_facts(reply: str, facts: Iterable[str]) -> bool:
    reply = reply.casefold()
    return all(fact.casefold() in reply for fact in facts)


def percentile(values: Sequence[float], q: float) -> float:
    return float(numpy.percentile(values, q))
