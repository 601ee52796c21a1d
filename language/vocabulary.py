"""Phrases visitors use, mapped to the codes the membership engine understands."""
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional

import pycountry
import yaml

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yml")

# ISO country names that are everyday words or US states; never read as countries.
NOT_COUNTRIES = {"chad", "jersey", "guernsey", "georgia", "niger", "jordan", "man", "turkey"}

Vocabulary = Dict[str, Dict[str, List[str]]]


def is_case_sensitive(phrase: str) -> bool:
    """Short all-capital forms (US, IR, NM) are words in lower case ("us")."""
    return phrase.isupper() and len(phrase) <= 4


def _iso_country_phrases() -> Dict[str, List[str]]:
    countries = {}
    for country in pycountry.countries:
        names = {country.name, getattr(country, "common_name", country.name)}
        countries[country.alpha_2] = sorted(
            name.lower() for name in names if name.lower() not in NOT_COUNTRIES
        )
    return countries


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """Every label's codes with their phrases; ISO country names merged in."""
    words = yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8"))
    countries = _iso_country_phrases()
    for code, extra in words["country"].items():
        countries[code] = countries.get(code, []) + [str(phrase) for phrase in extra]
    words["country"] = countries
    return words


@lru_cache(maxsize=None)
def _index(label: str) -> Dict[str, str]:
    index = {}
    for code, phrases in vocabulary()[label].items():
        for phrase in phrases:
            phrase = str(phrase)
            index[phrase if is_case_sensitive(phrase) else phrase.lower()] = code
    return index


def code_for(label: str, text: str) -> Optional[str]:
    """The code a phrase stands for (`code_for("country", "Canadian") == "CA"`)."""
    if label not in vocabulary():
        return None
    text = " ".join(str(text).split())
    index = _index(label)
    return index.get(text) or index.get(text.lower())
