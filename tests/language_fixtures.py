import json
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest
import spacy
from rasa.shared.core.domain import Domain
from rasa.shared.importers.importer import TrainingDataImporter

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


@lru_cache(maxsize=None)
def project_domain() -> Domain:
    """The domain as training builds it: domain.yml with the answers from data/answers/."""
    return TrainingDataImporter.load_from_config(
        str(ROOT / "config.yml"), str(ROOT / "domain.yml"), [str(ROOT / "data")]).get_domain()


@pytest.fixture(scope="session")
def domain():
    """The domain as the action server receives it."""
    return json.loads(json.dumps(project_domain().as_dict()))
