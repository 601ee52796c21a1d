"""A domain keeps its answer to whether it is empty, and the answer is Rasa's."""
import pytest
from rasa.shared.core.domain import Domain

from speedups import domain_checks
from tests.language_fixtures import project_domain

pytestmark = pytest.mark.usefixtures("speedups_installed")  # as `python -m speedups` runs Rasa

PROJECT_DOMAIN = project_domain()


def test_the_server_asks_the_remembered_answer():
    assert Domain.is_empty is domain_checks.is_empty


def test_the_answer_is_rasas_for_an_empty_and_a_full_domain():
    for domain in (Domain.empty(), Domain.from_dict({"intents": ["greet"]}), PROJECT_DOMAIN):
        assert domain.is_empty() is domain_checks._rasa_is_empty(domain)
    assert Domain.empty().is_empty() and not PROJECT_DOMAIN.is_empty()


def test_a_domain_asks_rasa_once(monkeypatch):
    asked = []
    monkeypatch.setattr(domain_checks, "_rasa_is_empty", lambda domain: asked.append(domain) or False)
    domain = Domain.from_dict({"intents": ["greet"]})
    assert [domain.is_empty() for _ in range(3)] == [False] * 3
    assert asked == [domain]
