"""Rasa checks each parsed message against the domain, and first asks whether the domain
is empty: it builds an empty domain and compares both as dictionaries, 0.2 ms a message.
A loaded domain does not change, so each domain keeps its answer."""
from rasa.shared.core.domain import Domain

_rasa_is_empty = Domain.is_empty
_ANSWER = "_is_empty_answer"


def is_empty(domain: Domain) -> bool:
    if _ANSWER not in domain.__dict__:
        domain.__dict__[_ANSWER] = _rasa_is_empty(domain)
    return domain.__dict__[_ANSWER]


def install() -> None:
    Domain.is_empty = is_empty
