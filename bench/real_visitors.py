"""The real-visitor set (tests/heldout/real_visitors.yml): messages adapted from public
posts, each judged by what its writer needed, and each miss sorted by kind.

A wrong answer (another question's answer, or the wrong category) is worse than "did you
mean" or an honest "the page does not say", so the three are counted apart."""
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, FrozenSet, List, Mapping, Optional, Sequence, Tuple

import yaml

from actions.rendering import money
from bench.heldout import engine_category
from content.check import load_responses
from membership.dates import TODAY_VARIABLE
from ops.servers import running_assistant

ROOT = Path(__file__).resolve().parent.parent
REAL_VISITORS = ROOT / "tests" / "heldout" / "real_visitors.yml"
FAQ_PREFIX = "utter_faq/"
# The answers that say the page does not cover a question, with the membership team's route.
BOUNDARY_RESPONSES = ("utter_not_on_page", "utter_dont_know", "utter_out_of_scope")
SUGGESTION_PAYLOAD = "/choose_topic"
RIGHT, WRONG, DID_YOU_MEAN, BOUNDARY, INCOMPLETE = "right", "wrong", "did you mean", "boundary", "incomplete"


@dataclass(frozen=True)
class Visit:
    text: str
    kind: str
    topics: Tuple[Tuple[str, ...], ...]  # for each page question, the answers that answer it
    engine: Optional[Mapping]
    boundary: bool


@dataclass(frozen=True)
class Verdict:
    outcome: str
    detail: str = ""


def load_visits(path: Path = REAL_VISITORS) -> List[Visit]:
    messages = yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]
    return [Visit(item["text"], item["kind"], tuple(map(alternatives, item["expect"].get("topics", ()))),
                  item["expect"].get("engine"),
                  bool(item["expect"].get("boundary"))) for item in messages]


def alternatives(expected) -> Tuple[str, ...]:
    """A question's expected answer: one topic, or a list of topics that each answer it."""
    return tuple(expected) if isinstance(expected, list) else (expected,)


def as_of(path: Path = REAL_VISITORS) -> str:
    """The day the set's expectations hold for (its dues are a year's figures)."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))["as_of"]


@dataclass(frozen=True)
class Texts:
    """What each kind of answer says, to recognise it among the replies."""
    faq: Mapping[str, str]  # answer text -> topic
    boundary: FrozenSet[str]

    @classmethod
    def load(cls) -> "Texts":
        responses = load_responses()
        faq = {variant["text"].strip(): name[len(FAQ_PREFIX):]
               for name, variants in responses.items() if name.startswith(FAQ_PREFIX) for variant in variants}
        boundary = frozenset(variant["text"].strip() for name in BOUNDARY_RESPONSES
                             for variant in responses.get(name, ()))
        return cls(faq, boundary)


def judge(visit: Visit, replies: Sequence[Dict], texts: Texts) -> Verdict:
    said = [(reply.get("text") or "").strip() for reply in replies]
    answered = [texts.faq[text] for text in said if text in texts.faq]
    category = engine_category("\n".join(said))
    extra = [topic for topic in answered if not any(topic in question for question in visit.topics)]
    if extra:
        return Verdict(WRONG, f"answered {extra}")
    if category and (not visit.engine or category != visit.engine.get("category")):
        return Verdict(WRONG, f"placed the visitor as {category}")
    missing = engine_problem(visit.engine, said, category) if visit.engine else None
    missing = missing or [question[0] for question in visit.topics if not set(question) & set(answered)] or None
    if visit.boundary and not any(text in texts.boundary for text in said):
        missing = (missing or []) + ["the page-does-not-say answer"]
    if not missing:
        return Verdict(RIGHT)
    if any(button.get("payload", "").startswith(SUGGESTION_PAYLOAD) for reply in replies
           for button in reply.get("buttons") or ()):
        return Verdict(DID_YOU_MEAN, f"missing {missing}")
    if any(text in texts.boundary for text in said) and not visit.boundary:
        return Verdict(BOUNDARY, f"missing {missing}")
    return Verdict(INCOMPLETE, f"missing {missing}")


def engine_problem(expected: Mapping, said: Sequence[str], category: Optional[str]) -> Optional[List[str]]:
    if category is None:
        return ["the engine's decision"]
    dues = expected.get("dues")
    if isinstance(dues, (int, float)) and not any(dues_stated(dues, text) for text in said):
        return [f"dues {money(dues)}"]
    return None


def dues_stated(dues: float, text: str) -> bool:
    return ("free" in text.lower() or "$0" in text) if dues == 0 else money(dues) in text


@dataclass(frozen=True)
class RealVisitorScore:
    total: int
    outcomes: Mapping[str, int]
    by_kind: Mapping[str, Tuple[int, int]]  # kind -> (right, total)
    misses: Tuple[Tuple[str, Verdict], ...]

    @property
    def right_rate(self) -> float:
        return self.outcomes.get(RIGHT, 0) / self.total

    @property
    def wrong_rate(self) -> float:
        return self.outcomes.get(WRONG, 0) / self.total


def score(visits: Sequence[Visit], verdicts: Sequence[Verdict]) -> RealVisitorScore:
    outcomes = Counter(verdict.outcome for verdict in verdicts)
    kinds = Counter(visit.kind for visit in visits)
    right = Counter(visit.kind for visit, verdict in zip(visits, verdicts) if verdict.outcome == RIGHT)
    misses = tuple((visit.text, verdict) for visit, verdict in zip(visits, verdicts) if verdict.outcome != RIGHT)
    return RealVisitorScore(len(visits), dict(outcomes), {kind: (right[kind], kinds[kind]) for kind in kinds}, misses)


def play(chat, visits: Sequence[Visit], texts: Texts) -> RealVisitorScore:
    """Each message alone, in a conversation of its own, as a new visitor would send it."""
    verdicts = [judge(visit, chat.say(f"real-visitor-{number}", visit.text), texts)
                for number, visit in enumerate(visits)]
    return score(visits, verdicts)


def measure_real_visitors(model: Path) -> RealVisitorScore:
    with running_assistant(model, env={TODAY_VARIABLE: as_of()}) as assistant:
        return play(assistant, load_visits(), Texts.load())
