"""make soak: many visitors at once, each in a conversation of ten turns (FAQ questions,
their own facts, quotes and follow-ups), while the action server is killed and started
again. Each visitor has facts of their own (profession, country, ...), so an answer or a
stored slot that belongs to another visitor shows. A turn answered with the apology is
sent again after a pause, as the apology asks.

Reports 5xx answers, errors, apologies, lost conversations (no answer to a turn, a quote
that does not come, or facts missing from the tracker store), crossed conversations
(another visitor's category in a reply, or other facts in the tracker store) and
latency, in build/soak/report.md and report.json; exits non-zero unless there were no
5xx, no lost and no crossed conversations.

    python -m bench.soak [--conversations 50] [--layout scaled|single]
"""
import argparse
import contextlib
import json
import random
import sys
import threading
import time
import urllib.error
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional

import sqlalchemy as sa

from bench.heldout import ENGINE_HEADLINE
from bench.metrics import percentile
from channels.policy import NO_ANSWER_REPLY
from ops.scaled import running_scaled
from ops.servers import ROOT, RasaChat, post_json, running_assistant
from conversations.store import stored_slots

TURNS_PER_CONVERSATION = 10
RETRIES = 8
RETRY_PAUSE = 2.0
THINK_SECONDS = (0.2, 1.5)
OUTAGE_SECONDS = 5.0
OUTAGE_AFTER = 0.3  # share of all turns sent before the action server goes down


@dataclass(frozen=True)
class Profile:
    message: str  # states every fact at once
    category: str  # what the quote's headline ("You'd be: ...") names
    facts: Dict[str, Any]  # slots the conversation must keep


def _profiles() -> List[Profile]:
    resident = Profile("I'm a radiology resident in Canada, what do I pay?", "Member-in-training (MIT)",
                       {"profession": "physician", "stage": "resident", "country": "CA"})
    students = [Profile(f"I'm a medical student in {name}, our MBBS is a six year program. Can I join, and how much?",
                        "International member-in-training",
                        {"profession": "medical_student", "country": code, "medical_school_years": 6})
                for name, code in (("Nigeria", "NG"), ("Kenya", "KE"), ("Ghana", "GH"))]
    physicists = [Profile(f"I'm a practising medical physicist in {name} with national board certification, "
                          "what would I pay?", "International member",
                          {"profession": "medical_physicist", "country": code, "stage": "in_practice"})
                  for name, code in (("Germany", "DE"), ("Italy", "IT"))]
    graduates = [Profile(f"I'm an ECFMG-certified graduate in {name} waiting to match, can I join and what does "
                         "it cost?", "International member-in-training",
                         {"profession": "physician", "country": code, "stage": "awaiting_residency"})
                 for name, code in (("Egypt", "EG"), ("Pakistan", "PK"))]
    radiologists = [Profile(f"I'm a board certified radiologist practising in {name}, what are the dues?",
                            "International member", {"profession": "physician", "country": code, "stage": "in_practice"})
                    for name, code in (("Brazil", "BR"), ("India", "IN"), ("Japan", "JP"))]
    at_home = [
        Profile("I'm an ABR certified radiologist at the VA in Texas, what are my dues?", "General member",
                {"profession": "physician", "country": "US", "service": "veterans_affairs"}),
        Profile("I'm an RRA certified by ARRT in Ohio, am I eligible?", "Allied health member",
                {"profession": "radiologist_assistant", "country": "US", "certifications": ["ARRT"]}),
        Profile("I finished fellowship in June 2025, ABR certified, practising in Denver. What do I pay for 2026?",
                "General member", {"profession": "physician", "country": "US", "training_completed_on": "2025-06-01"}),
    ]
    return [resident, *students, *physicists, *graduates, *radiologists, *at_home]


PROFILES = _profiles()
# Questions without personal facts, so they never change a visitor's profile.
FAQ_QUESTIONS = [
    "who can join?", "what are the benefits of membership?", "how do I contact the membership team?",
    "is membership free for residents?", "what is the military discount?", "when does the membership year run?",
    "what can retired members do?", "what is the Trainee Update database?", "how do I join?",
    "what rights do international members have?",
]
QUOTE_FOLLOW_UPS = ["what would I pay?", "which category am I"]


@dataclass(frozen=True)
class Step:
    message: str
    quote: bool  # the reply must be this visitor's own quote


def script(profile: Profile, number: int) -> List[Step]:
    """Ten turns: FAQ questions around the visitor's facts and three asks for their quote."""
    faq = [Step(FAQ_QUESTIONS[(number + offset) % len(FAQ_QUESTIONS)], False) for offset in range(5)]
    quotes = [Step(QUOTE_FOLLOW_UPS[(number + offset) % 2], True) for offset in range(2)]
    return [faq[0], Step(profile.message, True), faq[1], quotes[0], faq[2], faq[3], quotes[1], faq[4],
            Step("what would I pay?", True), Step("thanks", False)]


@dataclass
class Attempt:
    status: Optional[int]  # None when no HTTP answer came
    seconds: float
    texts: List[str] = field(default_factory=list)

    @property
    def answered(self) -> bool:
        return self.status == 200 and bool(self.texts) and self.texts != [NO_ANSWER_REPLY]


@dataclass
class TurnRecord:
    step: Step
    attempts: List[Attempt]

    @property
    def answer(self) -> Optional[str]:
        answered = [attempt for attempt in self.attempts if attempt.answered]
        return "\n".join(answered[-1].texts) if answered else None


@dataclass
class ConversationRecord:
    sender: str
    profile: Profile
    turns: List[TurnRecord]


def crossed_reply(profile: Profile, reply: str) -> bool:
    return any(headline != profile.category for headline in ENGINE_HEADLINE.findall(reply))


def verdict(record: ConversationRecord, slots: Dict[str, Any]) -> str:
    """"crossed" when it shows another visitor's category or facts, "lost" when an answer, a
    quote or a fact went missing, else "ok"."""
    answers = [turn.answer for turn in record.turns]
    facts = record.profile.facts
    if any(answer and crossed_reply(record.profile, answer) for answer in answers) or any(
            name in slots and slots[name] != value for name, value in facts.items()):
        return "crossed"
    quotes_given = all(turn.answer and ENGINE_HEADLINE.search(turn.answer)
                       for turn in record.turns if turn.step.quote)
    if None in answers or not quotes_given or any(name not in slots for name in facts):
        return "lost"
    return "ok"


def attempt(chat: RasaChat, sender: str, message: str) -> Attempt:
    started = time.monotonic()
    try:
        status, replies = post_json(chat.rest_url, {"sender": sender, "message": message}, timeout=60)
    except urllib.error.HTTPError as error:
        return Attempt(error.code, time.monotonic() - started)
    except OSError:
        return Attempt(None, time.monotonic() - started)
    return Attempt(status, time.monotonic() - started, [reply.get("text", "") for reply in replies or []])


def take_turn(chat: RasaChat, sender: str, step: Step) -> TurnRecord:
    record = TurnRecord(step, [])
    for _ in range(RETRIES):
        record.attempts.append(attempt(chat, sender, step.message))
        if record.attempts[-1].answered:
            break
        time.sleep(RETRY_PAUSE)
    return record


class Outage:
    """Kills the action server once `after` turns have been taken, and starts it again
    OUTAGE_SECONDS later."""

    def __init__(self, after: int, kill: Callable[[], None], start: Callable[[], None]):
        self.after, self.kill, self.start = after, kill, start
        self.taken, self.lock, self.thread = 0, threading.Lock(), None
        self.window: List[float] = []

    def turn_taken(self) -> None:
        with self.lock:
            self.taken += 1
            if self.taken == self.after:
                self.thread = threading.Thread(target=self._run)
                self.thread.start()

    def _run(self) -> None:
        self.window.append(time.time())
        self.kill()
        time.sleep(OUTAGE_SECONDS)
        self.start()
        self.window.append(time.time())


def converse(chat: RasaChat, sender: str, profile: Profile, number: int, outage: Outage) -> ConversationRecord:
    rng = random.Random(number)
    turns = []
    for step in script(profile, number):
        time.sleep(rng.uniform(*THINK_SECONDS))
        turns.append(take_turn(chat, sender, step))
        outage.turn_taken()
    return ConversationRecord(sender, profile, turns)


@dataclass
class Target:
    chat: RasaChat
    kill_actions: Callable[[], None]
    start_actions: Callable[[], None]
    slots: Callable[[str], Dict[str, Any]]
    description: str


@contextlib.contextmanager
def scaled_target(instances: int) -> Iterator[Target]:
    with running_scaled(instances) as layout:
        yield Target(layout.front, layout.actions.kill, layout.start_actions, layout.postgres.slots,
                     f"nginx in front of {instances} Rasa servers, PostgreSQL tracker store, Redis lock store")


@contextlib.contextmanager
def single_target() -> Iterator[Target]:
    with running_assistant() as assistant:
        database = sa.create_engine(f"sqlite:///{assistant.workdir / 'conversations.db'}")
        yield Target(assistant, assistant.actions.kill, assistant.start,
                     lambda sender: stored_slots(database, sender), "one Rasa server, SQLite tracker store")


def soak(target: Target, conversations: int) -> Dict[str, Any]:
    run = time.strftime("%H%M%S")
    outage = Outage(int(conversations * TURNS_PER_CONVERSATION * OUTAGE_AFTER), target.kill_actions,
                    target.start_actions)
    started = time.monotonic()
    with ThreadPoolExecutor(conversations) as pool:
        records = list(pool.map(
            lambda number: converse(target.chat, f"soak-{run}-{number:03d}", PROFILES[number % len(PROFILES)],
                                    number, outage),
            range(conversations)))
    if outage.thread:
        outage.thread.join()
    verdicts = [verdict(record, target.slots(record.sender)) for record in records]
    return summary(records, verdicts, time.monotonic() - started, outage.window, target.description)


def summary(records: List[ConversationRecord], verdicts: List[str], seconds: float, outage: List[float],
            layout: str) -> Dict[str, Any]:
    attempts = [attempt for record in records for turn in record.turns for attempt in turn.attempts]
    latencies = [attempt.seconds * 1000 for attempt in attempts if attempt.answered] or [float("nan")]
    return {
        "layout": layout,
        "conversations": len(records),
        "turns": sum(len(record.turns) for record in records),
        "requests": len(attempts),
        "seconds": round(seconds, 1),
        "action_server_down_seconds": round(outage[1] - outage[0], 1) if len(outage) == 2 else None,
        "http_5xx": sum(attempt.status is not None and attempt.status >= 500 for attempt in attempts),
        "errors": sum(attempt.status != 200 for attempt in attempts),
        "apologies": sum(attempt.texts == [NO_ANSWER_REPLY] for attempt in attempts),
        "unanswered_turns": sum(turn.answer is None for record in records for turn in record.turns),
        "lost": [record.sender for record, said in zip(records, verdicts) if said == "lost"],
        "crossed": [record.sender for record, said in zip(records, verdicts) if said == "crossed"],
        "p50_ms": round(percentile(latencies, 50)),
        "p95_ms": round(percentile(latencies, 95)),
    }


def targets_met(report: Dict[str, Any]) -> bool:
    return report["http_5xx"] == 0 and not report["lost"] and not report["crossed"]


def markdown(report: Dict[str, Any]) -> str:
    rows = [("layout", report["layout"]),
            ("conversations x turns", f"{report['conversations']} x {TURNS_PER_CONVERSATION} "
                                      f"({report['requests']} requests, retries included)"),
            ("duration", f"{report['seconds']} s"),
            ("action server down", f"{report['action_server_down_seconds']} s, mid-run"),
            ("HTTP 5xx", report["http_5xx"]),
            ("errors (no HTTP 200)", report["errors"]),
            ("apologies (turn sent again)", report["apologies"]),
            ("turns never answered", report["unanswered_turns"]),
            ("lost conversations", len(report["lost"])),
            ("crossed conversations", len(report["crossed"])),
            ("latency p50 / p95", f"{report['p50_ms']} ms / {report['p95_ms']} ms")]
    table = "\n".join(f"| {what} | {value} |" for what, value in rows)
    outcome = "all targets met" if targets_met(report) else "TARGETS MISSED (zero 5xx, lost and crossed)"
    return f"# Soak\n\n| | |\n|---|---|\n{table}\n\n{outcome}\n"


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=50)
    parser.add_argument("--layout", choices=["scaled", "single"], default="scaled")
    parser.add_argument("--instances", type=int, default=2, help="Rasa servers in the scaled layout")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "soak")
    args = parser.parse_args(argv)
    with scaled_target(args.instances) if args.layout == "scaled" else single_target() as target:
        report = soak(target, args.conversations)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "report.json").write_text(json.dumps(report, indent=2))
    (args.out / "report.md").write_text(markdown(report))
    print(markdown(report))
    return 0 if targets_met(report) else 1


if __name__ == "__main__":
    sys.exit(main())
