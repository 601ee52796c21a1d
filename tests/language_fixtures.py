import json
from datetime import date
from pathlib import Path

import pytest
import spacy
from rasa.shared.core.domain import Domain

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 26)


@pytest.fixture(scope="session")
def nlp():
    """The project's own spaCy pipeline, as `make setup` builds it."""
    return spacy.load(ROOT / "build" / "spacy-acr")


@pytest.fixture(scope="session")
def entities_of(nlp):
    def entities(text):
        return [{"entity": e.label_, "value": e.text, "start": e.start_char, "end": e.end_char}
                for e in nlp(text).ents]
    return entities


@pytest.fixture(scope="session")
def domain():
    """The domain as the action server receives it."""
    return json.loads(json.dumps(Domain.load(str(ROOT / "domain")).as_dict()))
