"""Training examples in data/nlu/*.yml, added by editing the text as a person would: the
new line goes last in the intent's `examples: |` block, indented like the lines above
it, and every other line, comments included, stays as it was."""
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

INTENT_LINE = re.compile(r"^- intent:\s*(\S+)")
EXAMPLE_LINE = re.compile(r"^(\s+)- (.*)$")


class Refused(ValueError):
    """Why a message cannot become an example, in words for staff."""


@dataclass
class Intent:
    path: Path
    examples: List[str] = field(default_factory=list)
    last_line: int = 0   # the index of its last example's line
    indent: str = "    "


def intent_of(line: str) -> Optional[str]:
    match = INTENT_LINE.match(line)
    return match.group(1) if match else None


def read_intents(nlu_dir: Path) -> Dict[str, Intent]:
    """Each intent with examples: its file and its examples."""
    intents: Dict[str, Intent] = {}
    for path in sorted(nlu_dir.glob("*.yml")):
        current = None
        for index, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            example = EXAMPLE_LINE.match(line)
            if intent_of(line):
                current = intents.setdefault(intent_of(line), Intent(path))
            elif line.startswith("#"):
                current = None
            elif example and current:
                current.examples.append(example.group(2).strip())
                current.last_line, current.indent = index, example.group(1)
    return intents


def all_examples(nlu_dir: Path) -> List[str]:
    return [example for intent in read_intents(nlu_dir).values() for example in intent.examples]


def as_example(text: str) -> str:
    """The text on one line, "??" as "?", and no square brackets, which mark an entity."""
    return re.sub(r"([?!.])\1+", r"\1", " ".join(text.replace("[", "(").replace("]", ")").split()))


def add_example(nlu_dir: Path, intent: str, text: str) -> Path:
    """Appends text to the intent's examples; returns the file changed."""
    intents, example = read_intents(nlu_dir), as_example(text)
    if intent not in intents:
        raise Refused(f"there is no intent {intent!r} in {nlu_dir}")
    if not example:
        raise Refused("nothing is left of the message once personal details are taken out")
    known = next((name for name, other in intents.items()
                  if example.lower() in map(str.lower, other.examples)), None)
    if known:
        raise Refused(f"{example!r} is already an example of {known}")
    target = intents[intent]
    lines = target.path.read_text(encoding="utf-8").splitlines()
    lines.insert(target.last_line + 1, f"{target.indent}- {example}")
    target.path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target.path
