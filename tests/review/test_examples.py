"""Examples added to a copy of data/nlu/ as a person would add them."""
import difflib
import shutil
from pathlib import Path

import pytest
import yaml

from review.examples import Refused, add_example, read_intents

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def nlu(tmp_path) -> Path:
    return Path(shutil.copytree(ROOT / "data" / "nlu", tmp_path / "nlu"))


def added_lines(before: str, after: str):
    changes = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]
    assert all(line.startswith("+ ") for line in changes), changes
    return [line[2:] for line in changes]


def examples_of(path: Path, intent: str):
    blocks = yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]
    return next(block["examples"] for block in blocks if block.get("intent") == intent).splitlines()


@pytest.mark.parametrize("intent", ["faq/who_can_join", "faq/how_to_join", "feedback", "not_on_page", "inform"])
def test_the_example_goes_last_in_its_block_and_nothing_else_changes(nlu, intent):
    path = read_intents(nlu)[intent].path
    before = path.read_text(encoding="utf-8")
    assert add_example(nlu, intent, "  can I pay  with a cheque?? ") == path
    after = path.read_text(encoding="utf-8")
    assert added_lines(before, after) == ["    - can I pay with a cheque?"]
    assert examples_of(path, intent)[-1] == "- can I pay with a cheque?"
    assert [line for line in before.splitlines() if "#" in line] == [line for line in after.splitlines() if "#" in line]


def test_square_brackets_do_not_become_an_entity(nlu):
    add_example(nlu, "not_on_page", "is the [journal] included")
    assert read_intents(nlu)["not_on_page"].examples[-1] == "is the (journal) included"


def test_an_example_of_any_intent_is_not_added_twice(nlu):
    existing = read_intents(nlu)["faq/who_can_join"].examples[0]
    with pytest.raises(Refused, match="already an example of faq/who_can_join"):
        add_example(nlu, "not_on_page", existing.upper())


@pytest.mark.parametrize("intent, text, reason", [("faq/no_such_topic", "a question", "no intent"),
                                                  ("not_on_page", "  ", "nothing is left")])
def test_refusals_change_no_file(nlu, intent, text, reason):
    before = {path.name: path.read_text() for path in nlu.iterdir()}
    with pytest.raises(Refused, match=reason):
        add_example(nlu, intent, text)
    assert {path.name: path.read_text() for path in nlu.iterdir()} == before
