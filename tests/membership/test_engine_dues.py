"""Dues, training dates, discounts, chapters and rights (table-driven, exact values)."""

import pytest
from tests.membership.engine_profiles import RESIDENT, US_RADIOLOGIST, reason_texts

SCHEDULE_URL = "https://www.acr.org/Membership/Join"


def not_known(who):
    return (
        f"I don't have the current figure for {who}; it is in the ACR dues schedule linked from the membership page: "
        f"{SCHEDULE_URL}."
    )


def timing(result):
    """What a status change says, without its reason."""
    change = result["status_change"]
    return {key: change[key] for key in ("automatic", "on", "normally_ends_by", "to", "first_dues_year")}


def automatic(on, to, first_dues_year):
    return {"automatic": True, "on": on, "normally_ends_by": None, "to": to, "first_dues_year": first_dues_year}


# --- six months after training -------------------------------------------------

US_GRADUATE = {**RESIDENT, "country": "US", "certifications": ["ABR"], "training_completed_on": "2025-06-30"}


@pytest.mark.parametrize(
    "as_of, category",
    [
        ("2025-06-29", "member_in_training"),
        ("2025-12-29", "member_in_training"),  # the day before six months are up
        ("2025-12-30", "general"),  # six months after completion
        ("2026-03-01", "general"),
    ],
)
def test_status_changes_six_months_after_training(answer, as_of, category):
    result = answer(US_GRADUATE, as_of=as_of)
    assert result["category"] == category
    assert timing(result) == automatic("2025-12-30", "general", 2026)


@pytest.mark.parametrize(
    "completed_on, change_on",
    [("2025-08-31", "2026-02-28"), ("2024-08-31", "2025-02-28"), ("2025-01-15", "2025-07-15"), ("2023-08-31", "2024-02-29")],
)
def test_six_months_is_calendar_months(answer, completed_on, change_on):
    assert answer(US_GRADUATE, training_completed_on=completed_on)["status_change"]["on"] == change_on


def test_uncertified_graduate_becomes_associate(answer):
    result = answer(US_GRADUATE, certifications=[], as_of="2026-01-05")
    assert result["category"] == "associate"
    assert result["status_change"]["to"] == "associate"


def test_graduate_with_unknown_certification_is_asked(answer):
    result = answer(RESIDENT, country="US", training_completed_on="2025-06-30", as_of="2025-07-01", dues_year=2026)
    assert result["category"] == "member_in_training"
    assert timing(result) == automatic("2025-12-30", None, 2026)
    assert result["missing"] == ["certifications"]
    assert result["national_dues_usd"] == 77  # the first-year rate does not depend on the category


def test_in_practice_but_within_six_months_is_still_in_training(answer):
    result = answer(US_RADIOLOGIST, training_completed_on="2025-03-31", as_of="2025-09-29")
    assert result["category"] == "member_in_training"
    assert answer(US_RADIOLOGIST, training_completed_on="2025-03-31", as_of="2025-09-30")["category"] == "general"


# --- which year of practice ---------------------------------------------------------

PRACTICE_YEAR_CASES = [
    # (training completed, dues year, amount, ordinal)
    ("2025-06-30", 2025, 0, None),  # the completion year is still free
    ("2024-06-30", 2025, 77, "first"),
    ("2025-06-30", 2026, 77, "first"),
    ("2023-06-30", 2025, None, "second"),
    ("2022-06-30", 2025, None, "third"),
    ("2021-06-30", 2025, None, "fourth"),
    ("2020-06-30", 2025, 965, "fifth"),
    ("2021-06-30", 2026, 965, "fifth"),
    ("2001-06-30", 2026, 965, "25th"),
]


@pytest.mark.parametrize("completed_on, dues_year, amount, ordinal", PRACTICE_YEAR_CASES)
def test_dues_by_year_of_practice(answer, completed_on, dues_year, amount, ordinal):
    result = answer(US_RADIOLOGIST, training_completed_on=completed_on, dues_year=dues_year)
    assert result["national_dues_usd"] == amount
    assert result["status_change"]["first_dues_year"] == int(completed_on[:4]) + 1
    if ordinal:
        assert any(f"{dues_year} is your {ordinal} year of practice" in reason for reason in reason_texts(result))


@pytest.mark.parametrize(
    "completed_on, who", [("2023-06-30", "second"), ("2022-06-30", "third"), ("2021-06-30", "fourth")]
)
def test_unpublished_ramp_years_say_so(answer, completed_on, who):
    result = answer(US_RADIOLOGIST, training_completed_on=completed_on, dues_year=2025)
    assert result["dues_note"] == not_known(f"members in their {who} year of practice")


def test_physicist_first_year_is_77_then_unpublished(answer):
    physicist = {"profession": "medical_physicist", "stage": "in_practice", "certifications": ["ABR"], "country": "US"}
    assert answer(physicist, training_completed_on="2024-05-31")["national_dues_usd"] == 77
    full = answer(physicist, training_completed_on="2015-05-31")
    assert (full["category"], full["national_dues_usd"]) == ("general", None)
    assert full["dues_note"] == not_known("general members who are medical physicists")


def test_practice_without_training_date_is_full_rate_with_caveat(answer):
    result = answer(US_RADIOLOGIST)
    assert result["national_dues_usd"] == 965
    assert result["status_change"] is None
    assert any("first four years of practice" in reason for reason in reason_texts(result))


def test_international_trainee_moves_to_international_rate(answer):
    trainee = {**RESIDENT, "country": "DE", "certifications": ["national_board"], "training_completed_on": "2025-06-30"}
    before = answer(trainee, as_of="2025-03-01")
    assert (before["category"], before["national_dues_usd"]) == ("international_member_in_training", 138)
    after = answer(trainee, as_of="2026-02-01")
    assert (after["category"], after["national_dues_usd"], after["dues_year"]) == ("international", 391, 2026)


@pytest.mark.parametrize("as_of", ["2025-03-01", "2025-12-29", "2026-02-01"])
def test_international_trainee_status_is_not_said_to_change_by_itself(answer, as_of):
    trainee = {**RESIDENT, "country": "DE", "certifications": ["national_board"], "training_completed_on": "2025-06-30"}
    result = answer(trainee, as_of=as_of)
    assert timing(result) == {
        "automatic": False, "on": None, "normally_ends_by": "2025-12-30", "to": None, "first_dues_year": None
    }
    said = result["status_change"]["reason"]["text"]
    assert said == (
        "Your international member-in-training status normally ends within six months of the end of your training "
        'on June 30, 2025; the membership page says it "may be considered for transition to membership in the '
        'appropriate class", so the change is not automatic.'
    )
    assert said in reason_texts(result)
    assert not any("lasts until" in reason or "you then become" in reason for reason in reason_texts(result))


# --- dues years -------------------------------------------------------------------------

DUES_YEAR_CASES = [
    # (profile, 2025, 2026, 2027)
    (US_RADIOLOGIST, 965, 965, None),
    ({**RESIDENT, "country": "US"}, 0, 0, 0),  # free by rule, whatever the year
    ({**RESIDENT, "country": "DE"}, 138, 138, None),
    ({**US_RADIOLOGIST, "country": "DE", "certifications": ["national_board"]}, 391, 391, None),
]


@pytest.mark.parametrize("profile, in_2025, in_2026, in_2027", DUES_YEAR_CASES)
def test_dues_years(answer, profile, in_2025, in_2026, in_2027):
    amounts = [answer(profile, dues_year=year)["national_dues_usd"] for year in (2025, 2026, 2027)]
    assert amounts == [in_2025, in_2026, in_2027]


def test_2027_is_not_published(answer):
    result = answer(US_RADIOLOGIST, dues_year=2027)
    assert result["dues_year"] == 2027
    assert result["dues_note"] == (
        "The 2027 national dues for general members are not published yet; for 2026 they were $965."
    )
    assert result["latest_published"] == {"year": 2026, "amount_usd": 965, "source": "schedule:2026:general_physician"}
    assert result["category"] == "general"


def test_years_before_the_schedules_are_not_claimed_unpublished(answer):
    result = answer(US_RADIOLOGIST, dues_year=2024)
    assert result["national_dues_usd"] is None
    assert result["dues_note"] == (
        f"This assistant does not hold the 2024 dues schedule for general members; see the dues schedule at "
        f"{SCHEDULE_URL} or contact the membership team."
    )


def test_dues_year_defaults_to_the_year_of_as_of(answer):
    assert answer(US_RADIOLOGIST, as_of="2026-02-01")["dues_year"] == 2026


@pytest.mark.parametrize(
    "profile, who",
    [
        ({"profession": "physician", "stage": "in_practice", "specialty": "radiology", "certifications": [], "country": "US", "completed_residency": True}, "associate members"),
        ({"profession": "mri_scientist", "certifications": ["ARRT"]}, "allied health members"),
        ({"profession": "medical_physicist", "stage": "in_practice", "certifications": ["ABR"], "country": "US"}, "general members who are medical physicists"),
    ],
)
def test_unpublished_categories(answer, profile, who):
    result = answer(profile)
    assert result["eligible"] is True
    assert result["national_dues_usd"] is None
    assert result["dues_note"] == not_known(who)


def test_derived_figure_is_marked_and_sourced(answer):
    result = answer(US_RADIOLOGIST)
    assert "The ACR does not publish that figure as such; it is derived from the ACR sources listed." in reason_texts(
        result
    )
    assert result["sources"] == [
        "Become an ACR Member (2025), https://www.acr.org/Membership/Join",
        "ACR advocacy news, council actions at ACR 2024 (2024-04-18), https://www.acr.org",
    ]


# --- service discount and chapters -------------------------------------------------------

SERVICE_CASES = [
    # (service, dues, discount, chapter)
    ("active_duty_military", 482.5, "service_50", "waivable_active_duty"),
    ("veterans_affairs", 482.5, "service_50", "up_to_two_chapters"),
    ("public_health_service", 482.5, "service_50", "up_to_two_chapters"),
    ("none", 965, None, "up_to_two_chapters"),
    (None, 965, None, "up_to_two_chapters"),
]


@pytest.mark.parametrize("service, dues, discount, chapter", SERVICE_CASES)
def test_service_discount_and_chapter_waiver(answer, service, dues, discount, chapter):
    result = answer(US_RADIOLOGIST, service=service)
    assert (result["national_dues_usd"], result["discount"], result["chapter_dues"]) == (dues, discount, chapter)


@pytest.mark.parametrize(
    "profile, dues",
    [
        ({**US_RADIOLOGIST, "training_completed_on": "2024-06-30"}, 38.5),
        ({**US_RADIOLOGIST, "country": "DE", "certifications": ["national_board"]}, 195.5),
        ({**RESIDENT, "country": "DE"}, 69),
    ],
)
def test_discount_halves_exactly(answer, profile, dues):
    result = answer(profile, service="veterans_affairs")
    assert (result["national_dues_usd"], result["discount"]) == (dues, "service_50")


def test_no_discount_on_free_dues(answer):
    result = answer(RESIDENT, country="US", service="active_duty_military")
    assert (result["national_dues_usd"], result["discount"]) == (0, None)


def test_discount_still_reported_when_amount_unknown(answer):
    result = answer(US_RADIOLOGIST, service="public_health_service", dues_year=2027)
    assert (result["national_dues_usd"], result["discount"]) == (None, "service_50")


def test_canadian_chapter_rule_cites_the_earlier_page(answer):
    result = answer(US_RADIOLOGIST, country="CA")
    assert result["chapter_dues"] == "car_in_lieu_of_chapter"
    assert (
        "ACR Become a Member page, earlier version (2016-2024 national dues) (2016-2024), https://www.acr.org/Membership/Join"
        in result["sources"]
    )


@pytest.mark.parametrize(
    "profile, chapter",
    [
        ({**RESIDENT, "country": "US"}, "none_member_in_training"),
        ({**RESIDENT, "country": "DE"}, "not_required_international"),
        ({"profession": "mri_scientist", "certifications": ["ARRT"], "country": "US"}, "up_to_two_chapters"),
        ({"stage": "retired", "retired_on": "2020-01-01"}, None),
        ({"profession": "other"}, None),
    ],
)
def test_chapter_codes(answer, profile, chapter):
    assert answer(profile)["chapter_dues"] == chapter


def test_no_chapter_amount_is_ever_stated(answer):
    reasons = " ".join(reason_texts(answer(US_RADIOLOGIST)))
    assert "chapter amounts vary by chapter" in reasons


# --- rights --------------------------------------------------------------------------------

RIGHTS_CASES = [
    # The page states these rights for associate, international and retired members only.
    (US_RADIOLOGIST, None, None),
    ({**US_RADIOLOGIST, "certifications": [], "completed_residency": True}, False, False),
    ({**US_RADIOLOGIST, "country": "DE", "certifications": ["national_board"]}, False, False),
    ({**RESIDENT, "country": "US"}, None, None),
    ({**RESIDENT, "country": "DE"}, None, None),
    ({"profession": "mri_scientist", "certifications": ["ARRT"]}, None, None),
    ({"profession": "other"}, None, None),
]


@pytest.mark.parametrize("profile, office, board", RIGHTS_CASES)
def test_rights(answer, profile, office, board):
    result = answer(profile)
    assert (result["can_hold_elective_office"], result["can_serve_on_board_of_chancellors"]) == (office, board)


# --- retired members -----------------------------------------------------------------------

RETIREE = {"stage": "retired", "retired_on": "2019-06-15"}


@pytest.mark.parametrize(
    "as_of, office",
    [("2019-06-15", True), ("2025-06-14", True), ("2025-06-15", False), ("2030-01-01", False)],
)
def test_elected_office_in_first_six_years_after_retiring(answer, as_of, office):
    result = answer(RETIREE, as_of=as_of)
    assert result["can_hold_elective_office"] is office
    assert result["can_serve_on_board_of_chancellors"] is False


def test_retirement_date_unknown(answer):
    result = answer(stage="retired")
    assert (result["can_hold_elective_office"], result["can_serve_on_board_of_chancellors"]) == (None, False)
    assert result["missing"] == ["retired_on"]
    assert result["national_dues_usd"] == 0
    assert any("first six years after retiring" in reason for reason in reason_texts(result))


REFUND_CASES = [
    # (retired on, told ACR on, paid, dues year, refund, amount)
    ("2025-01-10", "2025-01-01", True, 2025, True, 0),
    ("2025-01-10", "2025-03-31", True, 2025, True, 0),
    ("2025-01-10", "2025-04-01", True, 2025, None, 965),
    ("2025-05-01", "2025-05-02", True, 2025, None, 965),
    ("2025-01-10", "2025-03-31", False, 2025, None, 0),
    ("2025-01-10", "2025-04-01", False, 2025, None, 965),
    ("2024-11-30", "2025-02-01", True, 2025, True, 0),
    ("2024-11-30", "2025-04-02", True, 2025, None, 965),
    ("2024-11-30", "2025-04-02", False, 2025, None, 0),
    ("2025-01-10", "2025-04-01", True, 2026, None, 0),
    ("2020-01-10", "2020-01-10", None, 2025, None, 0),
    ("2026-09-30", "2026-09-30", None, 2025, None, 965),  # still practising in 2025
]


@pytest.mark.parametrize("retired_on, notified_on, paid, dues_year, refund, amount", REFUND_CASES)
def test_retirement_refund_window(answer, retired_on, notified_on, paid, dues_year, refund, amount):
    result = answer(
        US_RADIOLOGIST,
        stage="retired",
        retired_on=retired_on,
        retirement_notified_on=notified_on,
        dues_paid_for_year=paid,
        dues_year=dues_year,
    )
    assert result["category"] == "retired"
    assert (result["refund_due"], result["national_dues_usd"]) == (refund, amount)
    assert result["missing"] == []


LATE_NOTICE_CASES = [
    # (retired on, told ACR on, paid, dues year)
    ("2025-01-10", "2025-04-01", True, 2025),
    ("2025-05-01", "2025-05-02", True, 2025),
    ("2025-05-01", "2025-05-02", None, 2025),
    ("2024-11-30", "2025-04-02", True, 2025),
    ("2024-11-30", "2025-04-02", None, 2025),
]


@pytest.mark.parametrize("retired_on, notified_on, paid, dues_year", LATE_NOTICE_CASES)
def test_a_late_notice_leaves_the_refund_to_the_membership_team(answer, retired_on, notified_on, paid, dues_year):
    result = answer(
        stage="retired", retired_on=retired_on, retirement_notified_on=notified_on, dues_paid_for_year=paid,
        dues_year=dues_year,
    )
    assert result["refund_due"] is None
    said = result["refund_reason"]["text"]
    assert said.startswith(f"You did not tell the ACR of your retirement between January 1 and March 31, {dues_year}")
    assert "the refund the page describes (notice between January 1 and March 31 of the same year) does not apply" in (
        said
    )
    assert "the membership team decides anything beyond it" in said
    assert said in reason_texts(result)
    assert not any("no refund" in reason.lower() or "not refunded" in reason for reason in reason_texts(result))


def test_a_refund_inside_the_window_says_why(answer):
    result = answer(
        stage="retired", retired_on="2025-01-10", retirement_notified_on="2025-03-31", dues_paid_for_year=True
    )
    assert result["refund_due"] is True
    assert result["refund_reason"]["text"] == (
        "You told the ACR of your retirement between January 1 and March 31, 2025, so the 2025 dues you paid are "
        "refunded in full."
    )


def test_refund_unknown_until_payment_is_known(answer):
    result = answer(stage="retired", retired_on="2025-01-10", retirement_notified_on="2025-02-01")
    assert (result["refund_due"], result["national_dues_usd"], result["missing"]) == (None, 0, ["dues_paid_for_year"])


def test_notice_date_is_asked_when_it_decides_the_refund(answer):
    result = answer(stage="retired", retired_on="2025-02-01", dues_paid_for_year=True)
    assert result["refund_due"] is True
    assert result["missing"] == ["retirement_notified_on"]
    assert "This assumes you told the ACR of your retirement on the day you retired." in reason_texts(result)


def test_dues_before_retirement_need_the_old_category(answer):
    result = answer(
        stage="retired", retired_on="2025-01-10", retirement_notified_on="2025-04-01", dues_paid_for_year=True
    )
    assert (result["refund_due"], result["national_dues_usd"]) == (None, None)
    assert result["missing"] == ["profession", "country"]
    assert result["dues_note"].startswith("Your 2025 national dues are those of your membership before retirement")


def test_refund_is_null_when_not_retired(answer):
    result = answer(US_RADIOLOGIST, dues_paid_for_year=True)
    assert (result["refund_due"], result["refund_reason"]) == (None, None)
