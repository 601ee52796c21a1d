import importlib
from datetime import date

import pytest
from tests.membership.engine_profiles import AS_OF

from membership import quote

QUOTE_MODULE = importlib.import_module("membership.quote")  # the package's `quote` is the function


class TodayUnread(date):
    @classmethod
    def today(cls):
        raise AssertionError("an engine test must pass as_of: the answer may not depend on the day it runs")


@pytest.fixture(autouse=True)
def today_is_never_read(monkeypatch):
    """Every engine test pins its day, so none passes or fails by the calendar."""
    monkeypatch.setattr(QUOTE_MODULE, "date", TodayUnread)


@pytest.fixture
def answer():
    """quote() for a base profile plus keyword fields, on a fixed day unless as_of is given."""

    def _answer(base=None, **fields):
        return quote({"as_of": AS_OF, **(base or {}), **fields})

    return _answer
