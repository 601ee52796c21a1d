"""Dues years without a schedule: the turn of the year, and questions about next year in December.

The schedule directory holds only the 2025 and 2026 files here, whatever is published later.
"""

import shutil

import pytest
from tests.membership.engine_profiles import RESIDENT, US_RADIOLOGIST, reason_texts

import membership
from membership import quote
from membership.schedule import SCHEDULE_DIR

GRADUATE_2026 = {**US_RADIOLOGIST, "training_completed_on": "2026-06-30"}
INTERNATIONAL = {**US_RADIOLOGIST, "country": "DE", "certifications": ["national_board"]}


@pytest.fixture(autouse=True)
def only_2025_and_2026(tmp_path, monkeypatch):
    for year in (2025, 2026):
        shutil.copy(SCHEDULE_DIR / f"{year}.yml", tmp_path)
    monkeypatch.setattr(membership.schedule, "SCHEDULE_DIR", tmp_path)


def test_in_january_2027_the_2026_figure_is_given_as_2026s():
    result = quote({**US_RADIOLOGIST, "as_of": "2027-01-15"})
    assert (result["dues_year"], result["national_dues_usd"], result["category"]) == (2027, None, "general")
    assert result["latest_published"] == {"year": 2026, "amount_usd": 965, "source": "schedule:2026:general_physician"}
    assert result["dues_note"] == (
        "The 2027 national dues for general members are not published yet; for 2026 they were $965."
    )
    assert not any("2027 national dues for general members are $" in reason for reason in reason_texts(result))


def test_in_december_next_years_dues_are_answered_for_next_year():
    result = quote({**GRADUATE_2026, "as_of": "2026-12-10", "dues_year": 2027})
    assert (result["dues_year"], result["national_dues_usd"]) == (2027, None)
    assert result["latest_published"] == {
        "year": 2026, "amount_usd": 77, "source": "schedule:2026:first_year_of_practice"
    }
    assert result["dues_note"] == (
        "The 2027 national dues for members in their first year of practice are not published yet; for 2026 they "
        "were $77."
    )
    assert any("2027 is your first year of practice" in reason for reason in reason_texts(result))


def test_in_december_this_years_dues_are_still_the_default():
    result = quote({**GRADUATE_2026, "as_of": "2026-12-10"})
    assert (result["dues_year"], result["national_dues_usd"], result["latest_published"]) == (2026, 0, None)


@pytest.mark.parametrize(
    "profile",
    [
        {**RESIDENT, "country": "US"},
        {"profession": "medical_student", "country": "CA"},
        {"stage": "retired", "retired_on": "2020-01-10"},
    ],
    ids=["resident", "medical student", "retired"],
)
def test_free_categories_stay_free_in_an_unpublished_year(profile):
    result = quote({**profile, "as_of": "2027-01-15"})
    assert (result["dues_year"], result["national_dues_usd"]) == (2027, 0)
    assert (result["latest_published"], result["dues_note"]) == (None, None)


@pytest.mark.parametrize(
    "profile, who, figure, amount",
    [
        (INTERNATIONAL, "international members", "international", 391),
        ({**RESIDENT, "country": "DE"}, "international members-in-training", "international_member_in_training", 138),
    ],
)
def test_each_figure_falls_back_to_its_own_latest(profile, who, figure, amount):
    result = quote({**profile, "as_of": "2027-03-01"})
    assert result["latest_published"] == {"year": 2026, "amount_usd": amount, "source": f"schedule:2026:{figure}"}
    assert result["dues_note"].startswith(f"The 2027 national dues for {who} are not published yet")


def test_a_figure_unknown_in_the_latest_schedule_has_no_stand_in():
    associate = {**US_RADIOLOGIST, "certifications": [], "completed_residency": True}
    result = quote({**associate, "as_of": "2027-01-15"})
    assert (result["category"], result["national_dues_usd"], result["latest_published"]) == ("associate", None, None)
    assert result["dues_note"] == (
        "The 2027 national dues for associate members are not published yet, and I don't have the current figure "
        "for associate members; it is in the ACR dues schedule linked from the membership page: "
        "https://www.acr.org/Membership/Join."
    )


def test_the_discount_waits_for_the_new_figure():
    result = quote({**US_RADIOLOGIST, "as_of": "2027-01-15", "service": "veterans_affairs"})
    assert (result["national_dues_usd"], result["discount"]) == (None, "service_50")
    assert result["latest_published"]["amount_usd"] == 965


def test_a_year_before_the_schedules_gives_no_stand_in():
    result = quote({**US_RADIOLOGIST, "as_of": "2027-01-15", "dues_year": 2024})
    assert result["latest_published"] is None
    assert result["dues_note"].startswith("This assistant does not hold the 2024 dues schedule")
