"""Input validation: what a profile accepts and how it refuses the rest."""

from datetime import date

import pytest

from membership import InvalidProfile, Profile, quote
from membership.profile import parse_profile

BAD_PROFILES = [
    # (case, input, text in the message)
    ("not an object", [1, 2], "must be a JSON object"),
    ("unknown key", {"favourite_colour": "blue"}, "favourite_colour: unknown field"),
    ("unknown enum value", {"stage": "astronaut"}, "stage: value is not a valid enumeration member"),
    ("enum is case-sensitive", {"profession": "Physician"}, "profession: value is not a valid enumeration member"),
    ("unknown certification", {"certifications": ["ABR", "XYZ"]}, "certifications.1"),
    ("certifications not a list", {"certifications": "ABR"}, "certifications: value is not a valid list"),
    ("impossible date", {"as_of": "2025-02-30"}, "as_of: is not a real date"),
    ("no leap day", {"retired_on": "2025-02-29"}, "retired_on: is not a real date"),
    ("not ISO", {"training_completed_on": "30/06/2025"}, "must be a date written YYYY-MM-DD"),
    ("short ISO", {"as_of": "2025-1-5"}, "must be a date written YYYY-MM-DD"),
    ("date as number", {"as_of": 20250101}, "must be a date written YYYY-MM-DD"),
    ("date out of range", {"as_of": "1899-12-31"}, "must be between"),
    ("unknown country", {"country": "XX"}, "country: must be an ISO 3166-1 alpha-2 country code"),
    ("alpha-3 country", {"country": "USA"}, "country: must be an ISO 3166-1 alpha-2"),
    ("country as number", {"country": 1}, "country: str type expected"),
    ("bool as text", {"good_standing": "yes"}, "good_standing: value is not a valid boolean"),
    ("bool as number", {"completed_residency": 1}, "completed_residency: value is not a valid boolean"),
    ("years as text", {"medical_school_years": "four"}, "medical_school_years: must be a whole number"),
    ("years as bool", {"medical_school_years": True}, "medical_school_years: must be a whole number"),
    ("fractional years", {"medical_school_years": 4.5}, "medical_school_years: must be a whole number"),
    ("negative years", {"medical_school_years": -1}, "medical_school_years: must be between 0 and 20"),
    ("fractional dues year", {"dues_year": 2025.5}, "dues_year: must be a whole number"),
]


@pytest.mark.parametrize("case, data, message", BAD_PROFILES, ids=[c[0] for c in BAD_PROFILES])
def test_bad_profiles_are_refused_in_one_line(case, data, message):
    with pytest.raises(InvalidProfile) as refused:
        quote(data)
    assert message in str(refused.value)
    assert "\n" not in str(refused.value)


@pytest.mark.parametrize("given, stored", [("us", "US"), ("Ca", "CA"), ("de", "DE"), ("GB", "GB"),
                                           ("Outside_US_Canada", "outside_us_canada")])
def test_country_is_normalised(given, stored):
    assert parse_profile({"country": given}).country == stored


def test_null_means_not_given():
    profile = parse_profile({"good_standing": None, "previously_member_in_practice": None, "stage": None})
    assert (profile.good_standing, profile.previously_member_in_practice, profile.stage) == (True, False, None)


def test_whole_floats_from_chat_slots_are_accepted():
    profile = parse_profile({"medical_school_years": 4.0, "dues_year": 2026.0})
    assert (profile.medical_school_years, profile.dues_year) == (4, 2026)


def test_dates_are_parsed():
    assert parse_profile({"retired_on": "2024-02-29"}).retired_on == date(2024, 2, 29)


def test_profile_objects_are_accepted_by_quote():
    profile = Profile(profession="medical_student", country="US", as_of="2025-01-01")
    assert quote(profile)["category"] == "member_in_training"


def test_several_problems_are_reported_together():
    with pytest.raises(InvalidProfile) as refused:
        quote({"foo": 1, "stage": "x"})
    assert str(refused.value).startswith("invalid profile: ")
    assert "foo: unknown field" in str(refused.value) and "stage: " in str(refused.value)
