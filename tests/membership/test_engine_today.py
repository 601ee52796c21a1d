"""The one source of today's date: the clock, or the day ASSISTANT_TODAY pins."""
from datetime import date

import pytest

from membership import dates, quote


def test_a_pinned_day_is_today_for_the_quote(monkeypatch):
    monkeypatch.setenv(dates.TODAY_VARIABLE, "2027-01-01")
    assert dates.today() == date(2027, 1, 1)
    assert quote({"profession": "physician"})["as_of"] == "2027-01-01"


def test_without_a_pin_today_is_the_clock(monkeypatch):
    monkeypatch.delenv(dates.TODAY_VARIABLE)
    assert dates.today() == date.today()


def test_a_pin_that_is_not_a_date_says_what_to_write(monkeypatch):
    monkeypatch.setenv(dates.TODAY_VARIABLE, "next tuesday")
    with pytest.raises(ValueError, match="ASSISTANT_TODAY must be a date as YYYY-MM-DD"):
        dates.today()
