"""Checks the content staff edit, with a readable list of what to fix.

    python -m content.check

Fails when an FAQ topic lacks an answer, its key facts, its sources, training examples, a
test story or held-out questions; when a source of an answer is not on the membership page
word for word (spacing aside) and not a figure of a dues schedule; when a dues schedule
does not load (every amount needs a source); or when an answer states a dollar figure that
is neither in a dues schedule nor on the membership page. A missing schedule for this year
or, from October, for next year is a warning, not a failure: until the ACR publishes a
year's figures, quotes for that year say so and give the latest published figures as that
earlier year's.
"""
import re
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Dict, Iterable, List

import yaml

import membership
from content.figures import dollar_amounts
from membership.reasons import schedule_figure

ROOT = Path(__file__).resolve().parent.parent
MEMBERSHIP_PAGE = ROOT / "docs" / "source" / "acr_membership_page.txt"
MIN_EXAMPLES = 20
WARN_AHEAD = timedelta(days=92)  # next year's schedule is asked for from October
ANSWERS = ROOT / "data" / "answers"  # what the assistant says, one file per group


def _yaml_files(folder: Path) -> Iterable[dict]:
    for path in sorted(folder.glob("*.yml")):
        yield yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def load_responses(answers_dir: Path = ANSWERS) -> Dict[str, List[dict]]:
    """Every response the assistant can send, by name."""
    responses: Dict[str, List[dict]] = {}
    for document in _yaml_files(answers_dir):
        responses.update(document.get("responses") or {})
    return responses


def faq_responses() -> Dict[str, dict]:
    return {name.partition("/")[2]: variations[0]
            for name, variations in load_responses().items() if name.startswith("utter_faq/")}


def all_response_texts() -> List[str]:
    return [text for variations in load_responses().values() for variation in variations
            for text in (variation.get("text", ""), (variation.get("metadata") or {}).get("more", ""))]


def training_example_counts() -> Dict[str, int]:
    counts: Dict[str, int] = {}
    for document in _yaml_files(ROOT / "data" / "nlu"):
        for block in document.get("nlu") or []:
            if "intent" in block:
                counts[block["intent"]] = len([line for line in block["examples"].splitlines() if line.strip()])
    return counts


def tested_topics() -> set:
    stories = " ".join(path.read_text(encoding="utf-8") for path in (ROOT / "tests" / "stories").glob("test_*.yml"))
    return set(re.findall(r"intent: faq/(\w+)", stories))


HELDOUT = ROOT / "tests" / "heldout"


def heldout_messages() -> List[dict]:
    return yaml.safe_load((HELDOUT / "faq.yml").read_text(encoding="utf-8"))["messages"]


def heldout_texts() -> List[str]:
    """Every message of every held-out set: FAQ questions, real visitors, and the turns of
    the conversations that are not a button's title ("4 years or more") or a word or two."""
    real_visitors = yaml.safe_load((HELDOUT / "real_visitors.yml").read_text(encoding="utf-8"))["messages"]
    conversations = yaml.safe_load((HELDOUT / "conversations.yml").read_text(encoding="utf-8"))["conversations"]
    titles = button_titles()
    return ([message["text"] for message in heldout_messages() + real_visitors]
            + [turn for conversation in conversations for turn in conversation["turns"]
               if len(turn.split()) > 2 and turn.lower() not in titles])


def button_titles() -> set:
    return {button["title"].lower() for variations in load_responses().values() for variation in variations
            for button in variation.get("buttons") or ()}


def heldout_topics() -> set:
    return {message["topic"] for message in heldout_messages()}


def training_examples() -> set:
    return {line.strip()[2:].strip().lower() for document in _yaml_files(ROOT / "data" / "nlu")
            for block in document.get("nlu") or [] if "intent" in block
            for line in block["examples"].splitlines() if line.strip()}


def words_of(text: str) -> str:
    """A message as the classifiers read it, without case or punctuation: "Hi there!" and
    "hi there", "members-only resources" and "members only resources?" are one message."""
    return " ".join(re.findall(r"\w+", text.lower()))


def heldout_problems() -> List[str]:
    """The held-out set measures what was never trained on."""
    trained = {words_of(example) for example in training_examples()}
    return [f"held-out message is also a training example: {text!r}"
            for text in heldout_texts() if words_of(text) in trained]


def topic_problems() -> List[str]:
    problems, counts, tested, heldout = [], training_example_counts(), tested_topics(), heldout_topics()
    for topic, response in sorted(faq_responses().items()):
        text, metadata = response.get("text", ""), response.get("metadata") or {}
        if not text.strip():
            problems.append(f"topic {topic}: the answer text is empty")
        missing_facts = [fact for fact in metadata.get("key_facts", []) if fact.lower() not in text.lower()]
        if not metadata.get("key_facts") or missing_facts:
            problems.append(f"topic {topic}: key facts missing from the answer: {missing_facts or 'none listed'}")
        if counts.get(f"faq/{topic}", 0) < MIN_EXAMPLES:
            problems.append(f"topic {topic}: {counts.get(f'faq/{topic}', 0)} training examples, need {MIN_EXAMPLES}")
        if topic not in tested:
            problems.append(f"topic {topic}: no test story in tests/stories/")
        if topic not in heldout:
            problems.append(f"topic {topic}: no held-out questions in tests/heldout/faq.yml")
    return problems


def on_the_page(quoted: str, page_text: str) -> bool:
    """Whether the membership page says this, word for word (line breaks and spacing aside)."""
    return bool(quoted.split()) and " ".join(quoted.split()) in " ".join(page_text.split())


def in_a_schedule(source: str) -> bool:
    """Whether a source is a figure of a dues schedule: schedule:<year>:<figure>."""
    try:
        return schedule_figure(source) is not None
    except membership.ScheduleError:
        return False  # schedule_problems() says what is wrong with the file


def source_problems(page_text: str = "") -> List[str]:
    """Every FAQ answer lists the page sentences it rests on (metadata.sources), and each one
    is on the membership page word for word, or is a dues schedule figure."""
    page_text = page_text or MEMBERSHIP_PAGE.read_text(encoding="utf-8")
    problems = []
    for topic, response in sorted(faq_responses().items()):
        sources = (response.get("metadata") or {}).get("sources")
        if not sources or not isinstance(sources, list):
            problems.append(f"topic {topic}: no sources: list the membership page's sentences the answer rests on "
                            f"under metadata.sources")
            continue
        for source in sources:
            if not isinstance(source, str) or not (on_the_page(source, page_text) or in_a_schedule(source)):
                problems.append(f"topic {topic}: source not found word for word on the membership page "
                                f"(docs/source/acr_membership_page.txt) nor in a dues schedule: {source!r}")
    return problems


def schedule_problems() -> List[str]:
    problems = []
    for year in membership.available_years():
        try:
            membership.load_schedule(year)
        except membership.ScheduleError as error:
            problems.append(f"membership/schedule/{year}.yml: {error}")
    return problems


def schedule_warnings(today: date) -> List[str]:
    """Dues years visitors ask about now or soon that have no schedule yet."""
    published = membership.available_years()
    soon = sorted({today.year, (today + WARN_AHEAD).year})
    return [f"no dues schedule for {year} yet: quotes for {year} say its dues are not published and give "
            f"the {max(published)} figures as {max(published)}'s; add membership/schedule/{year}.yml "
            f"when the ACR publishes them" for year in soon if year not in published]


def figure_problems() -> List[str]:
    allowed = set(membership.all_published_amounts()) | set(dollar_amounts(MEMBERSHIP_PAGE.read_text(encoding="utf-8")))
    problems = []
    for text in all_response_texts():
        for amount in dollar_amounts(text):
            if amount not in allowed:
                problems.append(f"an answer states ${float(amount):g}, which is in no dues schedule and not on the page: "
                                f"\"{text[:80]}...\"")
    return problems


def problems() -> List[str]:
    return topic_problems() + source_problems() + heldout_problems() + schedule_problems() + figure_problems()


def main() -> int:
    found, warnings = problems(), schedule_warnings(membership.today())
    for warning in warnings:
        print(f"- warning: {warning}")
    for problem in found:
        print(f"- {problem}")
    print(f"Content check: {len(faq_responses())} topics, {len(found)} problem(s), {len(warnings)} warning(s).")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
