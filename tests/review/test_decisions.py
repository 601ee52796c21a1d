"""Decisions on rows, on a copy of data/: what each writes, and that each is remembered."""
import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from content.check import heldout_texts
from review.decisions import Decisions
from review.examples import Refused, read_intents
from review.folding import Row
from review.inbox import Message

ROOT = Path(__file__).resolve().parents[2]
PERSONAL = "my name is Jane Roe, email jane.roe@example.org, phone 555-201-7788: can I pay my dues by invoice"


@pytest.fixture
def root(tmp_path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def decisions_in(root: Path) -> Decisions:
    return Decisions(root, root / "build" / "review", heldout_texts())


def row(*wordings: str, count: int = 1) -> Row:
    return Row(list(wordings), count, Counter(), Counter(), [("not_on_page", 0.9)])


def test_accepting_writes_the_question_without_personal_details(root):
    notice = decisions_in(root).accept(row(PERSONAL), "not_on_page")
    assert notice == "Added \u201ccan I pay my dues by invoice\u201d to not_on_page in data/nlu/general.yml."
    assert read_intents(root / "data" / "nlu")["not_on_page"].examples[-1] == "can I pay my dues by invoice"
    written = "".join(path.read_text() for path in (root / "data" / "nlu").glob("*.yml"))
    assert "jane" not in written.lower() and "555" not in written


def test_a_held_out_message_is_refused_and_nothing_is_written(root):
    before = {path.name: path.read_text() for path in (root / "data" / "nlu").glob("*.yml")}
    with pytest.raises(Refused, match="held-out"):
        decisions_in(root).accept(row(heldout_texts()[0]), "not_on_page")
    assert {path.name: path.read_text() for path in (root / "data" / "nlu").glob("*.yml")} == before
    assert not (root / "build" / "review" / "decisions.json").exists()


def test_new_answers_are_listed_for_the_content_team(root):
    decisions = decisions_in(root)
    decisions.new_answer(row("can I pay my dues by invoice, my email is a@b.org", "pay by invoice?", count=4))
    decisions.new_answer(row("do you have a mobile app"))
    listed = (root / "build" / "review" / "new_answers.md").read_text()
    assert listed.startswith("# Questions that need a new answer\n")
    assert listed.endswith("- can I pay my dues by invoice (asked 4 times)\n- do you have a mobile app (asked 1 time)\n")


def test_every_wording_of_a_decided_row_stays_decided_in_a_later_review(root):
    first = decisions_in(root)
    first.ignore(row("do you have a mobile app", "Do you have a mobile app??"))
    first.accept(row("can I pay my dues monthly"), "not_on_page")
    later = decisions_in(root)
    messages = [Message(text, [], {"out of scope"}) for text in
                ("do you have a mobile app", "DO YOU HAVE  a mobile app??", "can I pay my dues monthly", "is there an app")]
    assert [message.text for message in later.undecided(messages)] == ["is there an app"]
    stored = (root / "build" / "review" / "decisions.json").read_text()
    assert "mobile" not in stored and "monthly" not in stored
    assert sorted(decision["decision"] for decision in json.loads(stored)["decided"].values()) == [
        "accept", "ignore", "ignore"]
