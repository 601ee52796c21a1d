"""Entity ruler patterns: the vocabulary's phrases plus dates and school lengths."""
from typing import Dict, List

from language.vocabulary import is_case_sensitive, vocabulary

MONTHS = ["january", "february", "march", "april", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
          "sep", "sept", "oct", "nov", "dec"]
YEAR = {"TEXT": {"REGEX": r"^(19|20)\d\d$"}}
NUMBER = {"LIKE_NUM": True}
UNITS = {"LOWER": {"IN": ["year", "years", "month", "months", "yr", "yrs"]}}
# A degree named after the length is the school's length too: "4 year MD", "5-year MBBS".
SCHOOL = {"LOWER": {"IN": ["school", "program", "programme", "degree", "course", "curriculum", "md", "mbbs", "mbchb",
                           "do"]}}

DATE_PATTERNS = [
    [{"LOWER": {"IN": MONTHS}}, {"ORTH": ",", "OP": "?"}, {**YEAR, "OP": "?"}],
    # "may" alone is a verb; as a month it comes with a year or after in/last/since
    [{"LOWER": "may"}, YEAR],
    [{"LOWER": {"IN": ["in", "last", "since", "this", "next"]}}, {"LOWER": "may"}, {"ORTH": ",", "OP": "?"},
     {**YEAR, "OP": "?"}],
    [{"LOWER": {"IN": ["last", "this", "next"]}}, {"LOWER": {"IN": MONTHS + ["year", "month"]}}],
    [NUMBER, UNITS, {"LOWER": "ago"}],
    [{"LOWER": {"IN": ["a", "an"]}}, UNITS, {"LOWER": "ago"}],
    [YEAR],
    [{"TEXT": {"REGEX": r"^\d{4}-\d{2}-\d{2}$"}}],
    [{"TEXT": {"REGEX": r"^\d{1,2}/\d{1,2}/\d{2,4}$"}}],
    [{"LOWER": {"IN": ["today", "yesterday"]}}],
]

ANY_WORD = {"IS_ALPHA": True, "OP": "?"}
# "a 4 year MD" is the school's length; "a 4th year MD student" the year the student is in.
CARDINAL = {"LIKE_NUM": True, "LOWER": {"REGEX": r"^(?!.*(st|nd|rd|th)$)"}}
SCHOOL_YEARS_PATTERNS = [
    # "6-year medical school", "3 year graduate-entry programme"
    [CARDINAL, {"ORTH": "-", "OP": "?"}, UNITS, ANY_WORD, {"ORTH": "-", "OP": "?"}, ANY_WORD, SCHOOL],
    [CARDINAL, UNITS, {"LOWER": {"IN": ["of", "in"]}}, {"LOWER": {"IN": ["medical", "med"]}}, SCHOOL],
    # "the program is 6 yrs", "my degree lasts five years"
    [SCHOOL, {"LOWER": {"IN": ["is", "lasts", "takes", "was"]}}, {"LOWER": {"IN": ["a", "an"]}, "OP": "?"}, CARDINAL, UNITS],
]


def vocabulary_patterns() -> List[Dict]:
    patterns = []
    for label, codes in vocabulary().items():
        for code, phrases in codes.items():
            for phrase in map(str, phrases):
                pattern = [{"ORTH": phrase}] if is_case_sensitive(phrase) else phrase
                patterns.append({"label": label, "pattern": pattern, "id": code})
    return patterns


def all_patterns() -> List[Dict]:
    return (
        vocabulary_patterns()
        + [{"label": "date", "pattern": pattern} for pattern in DATE_PATTERNS]
        + [{"label": "school_years", "pattern": pattern} for pattern in SCHOOL_YEARS_PATTERNS]
    )
