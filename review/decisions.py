"""Staff's decision on each row and what it writes. Accepting adds the row's question,
without personal details, as an example of the intent chosen in data/nlu/; "needs a new
answer" adds it to a list for the content team (new_answers.md); ignoring writes nothing.
Every decision is remembered (decisions.json, by a hash of each message: no visitor's
words are kept there) so a message reviewed once does not come back."""
import json
from pathlib import Path
from typing import Dict, Iterable, List

from review.cleaning import clean
from review.examples import Refused, add_example
from review.folding import Row, message_key
from review.inbox import Message

ACCEPT, NEW_ANSWER, IGNORE = "accept", "new answer", "ignore"


def normalised(text: str) -> str:
    return " ".join(text.lower().split())


class Decisions:
    """Decisions on the data of the project at root, kept in the folder out."""

    def __init__(self, root: Path, out: Path, heldout: Iterable[str]):
        self.root, self.nlu = root, root / "data" / "nlu"
        self.file, self.new_answers_file = out / "decisions.json", out / "new_answers.md"
        self.heldout = {normalised(text) for text in heldout}
        self.state: Dict = (json.loads(self.file.read_text(encoding="utf-8")) if self.file.exists()
                            else {"decided": {}, "new_answers": []})

    def undecided(self, messages: List[Message]) -> List[Message]:
        return [message for message in messages if message_key(message.text) not in self.state["decided"]]

    def accept(self, row: Row, intent: str) -> str:
        example = clean(row.text)
        if {normalised(row.text), normalised(example)} & self.heldout:
            raise Refused("this question is in the held-out set (tests/heldout/), which measures the "
                          "assistant on questions it was never trained on: it cannot become a training example")
        path = add_example(self.nlu, intent, example)
        self._record(row, {"decision": ACCEPT, "intent": intent})
        return f"Added \u201c{example}\u201d to {intent} in {path.relative_to(self.root)}."

    def new_answer(self, row: Row) -> str:
        self.state["new_answers"].append({"question": clean(row.text), "asked": row.count})
        self._record(row, {"decision": NEW_ANSWER})
        self.new_answers_file.write_text(new_answers_markdown(self.state["new_answers"]), encoding="utf-8")
        return f"Listed for a new answer in {self.new_answers_file.name}."

    def ignore(self, row: Row) -> str:
        self._record(row, {"decision": IGNORE})
        return "Ignored."

    def _record(self, row: Row, decision: Dict) -> None:
        self.state["decided"].update({message_key(wording): decision for wording in row.wordings})
        self.file.parent.mkdir(parents=True, exist_ok=True)
        self.file.write_text(json.dumps(self.state, indent=1, ensure_ascii=False), encoding="utf-8")


def new_answers_markdown(questions: List[Dict]) -> str:
    lines = ["# Questions that need a new answer", "",
             "Marked in `make review`: visitors asked them and no answer covers them. Personal",
             "details are taken out.", ""]
    lines += [f"- {item['question']} (asked {item['asked']} time{'s' if item['asked'] != 1 else ''})"
              for item in questions]
    return "\n".join(lines) + "\n"
