"""Questions next to membership that the membership page does not answer.

"Can I request a receipt for membership fees paid?" reads to the classifiers like a dues
question, and the nearest FAQ answer would be a confident answer to another question. The
subjects in silences.yml (receipts, payment plans, renewals, chapter amounts, meetings,
logins, ...) are recognised in the questions of a message, not in its background, and
get the "page does not say" answer, unless the FAQ answer chosen is one that the file
lists as covering the subject. Pure functions."""
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import FrozenSet, List, Optional, Tuple

import yaml

from language import questions
from language.vocabulary import vocabulary

SILENCES_FILE = Path(__file__).with_name("silences.yml")
# Its answer is the membership team's route, which is what a silent subject gets anyway.
FITS_EVERY_SUBJECT = "contact"
# Names of the whole country: "chapter dues in the US" asks about chapters in general.
NATIONAL_NAMES = {"us", "the us", "in the us", "u.s.", "usa", "u.s.a.", "america", "american", "united states",
                  "the states", "stateside", "canada", "canadian", "canda", "cananda"}


@dataclass(frozen=True)
class Silence:
    subject: str
    patterns: Tuple[re.Pattern, ...]
    answered_by: FrozenSet[str]

    def covers(self, question: str, topic: Optional[str]) -> bool:
        if topic == FITS_EVERY_SUBJECT or topic in self.answered_by:
            return False
        return any(pattern.search(question) for pattern in self.patterns)


def place_pattern() -> str:
    """Any US state, Canadian province or city the vocabulary knows."""
    places = {str(phrase).lower() for code in ("US", "CA") for phrase in vocabulary()["country"][code]
              if len(str(phrase)) > 2 and str(phrase).lower() not in NATIONAL_NAMES}
    return "(?:" + "|".join(re.escape(place) for place in sorted(places, key=len, reverse=True)) + ")"


@lru_cache(maxsize=1)
def silences() -> List[Silence]:
    place = place_pattern()
    subjects = yaml.safe_load(SILENCES_FILE.read_text(encoding="utf-8"))
    return [Silence(subject,
                    tuple(re.compile(pattern.replace("{place}", place), re.IGNORECASE) for pattern in entry["patterns"]),
                    frozenset(entry.get("answered_by", ())))
            for subject, entry in subjects.items()]


# A short sentence just before a question is part of it: "I have not paid my dues this
# year, will my membership continue?"
LEAD_IN_WORDS = 12


def asked_parts(text: str) -> List[str]:
    """The questions of a message, each with a short lead-in just before it; the whole
    message when none reads as a question ("i need a receipt for my dues")."""
    found = questions.parts(text)
    asked = [(f"{before.text} {part.text}" if before and not before.is_question
              and len(before.text.split()) <= LEAD_IN_WORDS else part.text)
             for before, part in zip([None, *found], found) if part.is_question]
    return asked or [text]


def silent_subject(text: str, topic: Optional[str] = None) -> Optional[str]:
    """The subject the page does not cover that the message asks about, if any; topic is
    the FAQ answer the classifiers chose. A message of several questions is left to its
    questions, each read on its own (nlp.components.QuestionSplitter)."""
    asked = asked_parts(text or "")
    if len(asked) != 1:
        return None
    return next((silence.subject for silence in silences() if silence.covers(asked[0], topic)), None)
