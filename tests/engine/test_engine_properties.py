"""Properties that hold for every valid profile (hypothesis)."""

import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from membership import Category, quote
from membership.profile import Certification, Profession, Profile, Service, Specialty, Stage
from membership.schedule import ScheduleNotFound, available_years, load_schedule

DATES = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)).map(date.isoformat)
DISCOUNTED = [Service.ACTIVE_DUTY_MILITARY.value, Service.VETERANS_AFFAIRS.value, Service.PUBLIC_HEALTH_SERVICE.value]


def values(enum):
    return st.sampled_from([member.value for member in enum])


PROFILES = st.fixed_dictionaries(
    {"as_of": DATES},
    optional={
        "profession": values(Profession),
        "stage": values(Stage),
        "specialty": values(Specialty),
        "certifications": st.lists(values(Certification), max_size=4),
        "country": st.sampled_from(["US", "CA", "DE", "IN", "JP", "BR", "us", "ca"]),
        "completed_residency": st.booleans(),
        "medical_school_years": st.integers(min_value=0, max_value=8),
        "good_standing": st.booleans(),
        "previously_member_in_practice": st.booleans(),
        "dues_paid_for_year": st.booleans(),
        "service": values(Service),
        "training_completed_on": DATES,
        "retired_on": DATES,
        "retirement_notified_on": DATES,
        "dues_year": st.integers(min_value=2020, max_value=2030),
    },
)
CHECKS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


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
    assert answer["eligible"] is (answer["category"] is not None)
    assert answer["reasons"] and all(isinstance(r, str) and r[-1] in ".?" for r in answer["reasons"])
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


@CHECKS
@given(PROFILES, st.sampled_from(DISCOUNTED))
def test_service_discount_exactly_halves(profile, service):
    full = quote({**profile, "service": "none"})
    reduced = quote({**profile, "service": service})
    assert reduced["category"] == full["category"]
    if full["national_dues_usd"] is None:
        assert reduced["national_dues_usd"] is None
        figure_applies = full["dues_note"].startswith(("The ACR has not published", "This assistant does not hold")) or (
            "not published yet" in full["dues_note"]
        )
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
def test_rights_follow_the_category(profile):
    answer = quote(profile)
    if answer["can_serve_on_board_of_chancellors"]:
        assert answer["category"] == "general"
    if answer["can_hold_elective_office"]:
        assert answer["category"] in {"general", "retired"}
    if answer["refund_due"] is not None:
        assert answer["category"] == "retired" and profile.get("dues_paid_for_year") is True


OUTPUT_KEYS = {
    "eligible", "category", "national_dues_usd", "dues_year", "discount", "chapter_dues", "refund_due",
    "can_hold_elective_office", "can_serve_on_board_of_chancellors", "status_change", "reasons", "sources",
    "dues_note", "missing", "as_of", "latest_published",
}
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
    if change is not None:
        assert set(change) == {"on", "to", "first_dues_year"}
        assert change["first_dues_year"] == int(profile["training_completed_on"][:4]) + 1


def test_category_codes():
    assert [category.value for category in Category] == [
        "general", "associate", "member_in_training", "international", "international_member_in_training",
        "allied_health", "retired",
    ]
