"""Answer accuracy on the held-out set: the NLU in-process, the answers end to end over
the REST channel, the TF-IDF baseline over the membership page, and invented figures."""
import asyncio
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import membership
import speedups
from bench.baseline import TfidfRetriever, split_sections
from content.figures import allowed_amounts, dollar_amounts, invented_amounts
from bench.heldout import Answers, Example
from bench.metrics import Score, combined, macro_f1, per_topic, score
from ops.servers import running_assistant


@dataclass(frozen=True)
class Failure:
    message: str
    expected: str
    got: str


@dataclass(frozen=True)
class Level:
    overall: Score
    per_topic: Dict[str, Score]
    failures: List[Failure]
    macro_f1: Optional[float] = None


@dataclass(frozen=True)
class FigureCheck:
    amounts_checked: int
    violations: List[Failure]


@dataclass(frozen=True)
class Accuracy:
    messages: int
    nlu: Level
    answers: Level
    answers_on_faq: Score
    baseline: Level
    baseline_ceiling: Score  # FAQ messages whose key facts some page section holds at all
    figures: FigureCheck


def level(examples: Sequence[Example], flags: Sequence[bool], expected: Sequence[str],
          got: Sequence[str], macro_f1: Optional[float] = None) -> Level:
    failures = [Failure(e.text, want, answer) for e, flag, want, answer in zip(examples, flags, expected, got)
                if not flag]
    return Level(score(flags), per_topic([e.topic for e in examples], flags), failures, macro_f1)


def predicted_label(parse: dict) -> str:
    """The intent, or for a retrieval intent the response key its selector picked."""
    intent = parse["intent"]["name"]
    selectors = parse.get("response_selector") or {}
    if intent in selectors:
        return selectors[intent]["response"]["intent_response_key"]
    return intent


def parse_all(model: Path, texts: Sequence[str]) -> List[dict]:
    from rasa.core.agent import Agent  # loads TensorFlow: only when the NLU is measured
    from rasa.utils.log_utils import configure_structlog

    if speedups.enabled():  # as the Rasa server runs
        speedups.install_serving()
    configure_structlog(logging.WARNING)  # Rasa logs every parse at debug level otherwise
    agent = Agent.load(str(model))

    async def parse() -> List[dict]:
        return [await agent.parse_message(text) for text in texts]

    return asyncio.run(parse())


def evaluate_nlu(examples: Sequence[Example], answers: Answers, model: Path) -> Level:
    expected = [answers.label(e.topic) for e in examples]
    predicted = [predicted_label(parse) for parse in parse_all(model, [e.text for e in examples])]
    flags = [want == got for want, got in zip(expected, predicted)]
    return level(examples, flags, expected, predicted, macro_f1=macro_f1(expected, predicted))


def ask_all(model: Path, texts: Sequence[str]) -> List[str]:
    # A fresh sender per message: each is answered alone, outside any conversation.
    with running_assistant(model) as assistant:
        return [assistant.text(f"heldout-{number}", text) for number, text in enumerate(texts)]


def evaluate_answers(examples: Sequence[Example], answers: Answers, replies: Sequence[str]) -> Level:
    flags = [answers.is_correct(e.topic, reply) for e, reply in zip(examples, replies)]
    return level(examples, flags, [e.topic for e in examples], replies)


def faq_only(examples: Sequence[Example], answers: Answers) -> List[Example]:
    return [e for e in examples if answers.is_faq(e.topic)]


def evaluate_baseline(examples: Sequence[Example], answers: Answers, page: str) -> Level:
    retriever = TfidfRetriever(split_sections(page))
    sections = [retriever.best_section(e.text) for e in examples]
    flags = [answers.is_correct(e.topic, section.answer) for e, section in zip(examples, sections)]
    headings = [section.question or "(introduction)" for section in sections]
    return level(examples, flags, [e.topic for e in examples], headings)


def baseline_ceiling(examples: Sequence[Example], answers: Answers, page: str) -> Score:
    sections = split_sections(page)
    return score(any(answers.is_correct(e.topic, s.answer) for s in sections) for e in examples)


def check_figures(examples: Sequence[Example], replies: Sequence[str], page: str) -> FigureCheck:
    allowed = allowed_amounts(membership.all_published_amounts(), page)
    violations = [Failure(e.text, "a published amount", f"${amount}")
                  for e, reply in zip(examples, replies) for amount in invented_amounts(reply, allowed)]
    return FigureCheck(sum(len(dollar_amounts(reply)) for reply in replies), violations)


def measure_accuracy(examples: Sequence[Example], answers: Answers, page: str, model: Path) -> Accuracy:
    replies = ask_all(model, [e.text for e in examples])
    faq = faq_only(examples, answers)
    answer_level = evaluate_answers(examples, answers, replies)
    return Accuracy(
        messages=len(examples),
        nlu=evaluate_nlu(examples, answers, model),
        answers=answer_level,
        answers_on_faq=combined(s for topic, s in answer_level.per_topic.items() if answers.is_faq(topic)),
        baseline=evaluate_baseline(faq, answers, page),
        baseline_ceiling=baseline_ceiling(faq, answers, page),
        figures=check_figures(examples, replies, page),
    )
