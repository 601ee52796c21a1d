"""Properties that hold for every valid profile (hypothesis)."""

import json

from tests.membership.engine_profiles import CHECKS, PROFILES
from hypothesis import given
from hypothesis import strategies as st

from membership import Category, page, quote
from membership.profile import Profile, Service
from membership.schedule import ScheduleNotFound, available_years, load_schedule

DISCOUNTED = [Service.ACTIVE_DUTY_MILITARY.value, Service.VETERANS_AFFAIRS.value, Service.PUBLIC_HEALTH_SERVICE.value]


def published(year):
    """That year's amounts; without a schedule only $0, as free categories stay free."""
    try:
        return load_schedule(year).published_amounts()
    except ScheduleNotFound:
        return frozenset({0})


@CHECKS
@given(PROFILES)
def test_answers_are_well_formed(profile):
    answer = quote(profile)
    json.dumps(answer)  # serialisable as-is
    assert answer["category"] in {category.value for category in Category} | {None}
    assert answer["eligible"] in {True, False, None}
    assert (answer["eligible"] is True) is (answer["category"] is not None)
    if answer["eligible"] is None:
        assert answer["missing"] == []
    assert answer["reasons"] and all(set(r) == {"text", "source"} for r in answer["reasons"])
    assert all(r["text"][-1] in ".?" and r["source"] for r in answer["reasons"])
    assert answer["sources"]
    assert set(answer["missing"]) <= set(Profile.__fields__)
    assert (answer["dues_note"] is None) is (answer["national_dues_usd"] is not None)
    if not answer["eligible"]:
        assert answer["national_dues_usd"] is None and answer["chapter_dues"] is None


@CHECKS
@given(PROFILES)
def test_amounts_come_from_that_years_schedule(profile):
    answer = quote(profile)
    amount = answer["national_dues_usd"]
    allowed = published(answer["dues_year"])
    if amount is None:
        return
    assert amount >= 0
    if answer["discount"]:
        assert amount * 2 in allowed and amount > 0
    else:
        assert amount in allowed


@CHECKS
@given(PROFILES)
def test_a_latest_published_figure_stands_in_only_for_a_year_after_the_schedules(profile):
    answer = quote(profile)
    latest = answer["latest_published"]
    if latest is None:
        return
    assert answer["national_dues_usd"] is None
    assert latest["year"] == max(available_years()) < answer["dues_year"]
    assert latest["amount_usd"] in published(latest["year"])
    assert f"for {latest['year']} they were" in answer["dues_note"]


# Notes for dues that no schedule figure applies to (no category yet, or a retiree's earlier one unknown).
NOTES_WITHOUT_A_FIGURE = ("Your ", "No national dues")


@CHECKS
@given(PROFILES, st.sampled_from(DISCOUNTED))
def test_service_discount_exactly_halves(profile, service):
    profile = {**profile, "country": profile.get("country") or "US"}  # a US service without a country is in the US
    full = quote({**profile, "service": "none"})
    reduced = quote({**profile, "service": service})
    assert reduced["category"] == full["category"]
    if full["national_dues_usd"] is None:
        assert reduced["national_dues_usd"] is None
        figure_applies = not full["dues_note"].startswith(NOTES_WITHOUT_A_FIGURE)
        assert reduced["discount"] == ("service_50" if figure_applies else None)
    elif full["national_dues_usd"] == 0:
        assert (reduced["national_dues_usd"], reduced["discount"]) == (0, None)
    else:
        assert reduced["national_dues_usd"] * 2 == full["national_dues_usd"]
        assert reduced["discount"] == "service_50"


@CHECKS
@given(PROFILES)
def test_deterministic_for_a_given_day(profile):
    assert quote(profile) == quote(dict(profile))


@CHECKS
@given(PROFILES)
def test_rights_and_refunds_are_said_only_where_the_page_says_them(profile):
    answer = quote(profile)
    office, board = answer["can_hold_elective_office"], answer["can_serve_on_board_of_chancellors"]
    assert board is not True  # the page grants a seat on the Board of Chancellors to no category
    if office is True:
        assert answer["category"] == "retired"
    if False in (office, board):
        assert answer["category"] in STATED_RIGHTS
    assert answer["refund_due"] in {True, None}
    if answer["refund_due"]:
        assert answer["category"] == "retired" and profile.get("dues_paid_for_year") is True
        assert answer["refund_reason"]["source"] == page.RETIREMENT_REFUND


STATED_RIGHTS = {"associate", "international", "retired"}


OUTPUT_KEYS = {
    "eligible", "category", "national_dues_usd", "dues_year", "discount", "chapter_dues", "refund_due",
    "can_hold_elective_office", "can_serve_on_board_of_chancellors", "status_change", "reasons", "sources",
    "dues_note", "missing", "as_of", "latest_published", "refund_reason",
}
STATUS_CHANGE_KEYS = {"automatic", "on", "normally_ends_by", "to", "first_dues_year", "reason"}
CHAPTER_CODES = {
    None, "up_to_two_chapters", "waivable_active_duty", "car_in_lieu_of_chapter", "not_required_international",
    "none_member_in_training",
}


@CHECKS
@given(PROFILES)
def test_output_shape_and_codes(profile):
    answer = quote(profile)
    assert set(answer) == OUTPUT_KEYS
    assert answer["chapter_dues"] in CHAPTER_CODES
    assert answer["discount"] in {None, "service_50"}
    assert answer["as_of"] == profile["as_of"]
    change = answer["status_change"]
    if change is None:
        return
    assert set(change) == STATUS_CHANGE_KEYS
    assert change["reason"] in answer["reasons"]
    if change["automatic"]:
        assert change["on"] and change["normally_ends_by"] is None
        assert change["first_dues_year"] == int(profile["training_completed_on"][:4]) + 1
    else:
        assert answer["category"] != "member_in_training"
        assert (change["on"], change["to"], change["first_dues_year"]) == (None, None, None)
        assert change["normally_ends_by"]


def test_category_codes():
    assert [category.value for category in Category] == [
        "general", "associate", "member_in_training", "international", "international_member_in_training",
        "allied_health", "retired",
    ]
