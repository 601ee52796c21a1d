"""Which category each kind of person lands in, and why (table-driven)."""

import pytest

from tests.membership.engine_profiles import RESIDENT, US_RADIOLOGIST, reason_texts

PHYSICIAN = {"profession": "physician", "stage": "in_practice"}
PHYSICIST = {"profession": "medical_physicist", "stage": "in_practice"}

CATEGORY_CASES = [
    # (case, profile, category)
    ("ABR radiologist in the US", US_RADIOLOGIST, "general"),
    ("AOBR radiologist", {**PHYSICIAN, "specialty": "radiology", "certifications": ["AOBR"], "country": "US"}, "general"),
    ("RCPSC radiation oncologist in Canada", {**PHYSICIAN, "specialty": "radiation_oncology", "certifications": ["RCPSC"], "country": "CA"}, "general"),
    ("Collège des médecins du Québec", {**PHYSICIAN, "specialty": "radiology", "certifications": ["CMQ"], "country": "CA"}, "general"),
    ("nuclear medicine, ABNM", {**PHYSICIAN, "specialty": "nuclear_medicine", "certifications": ["ABNM"], "country": "US"}, "general"),
    ("nuclear medicine, other ABMS board", {**PHYSICIAN, "specialty": "nuclear_medicine", "certifications": ["ABMS_other"], "country": "US"}, "general"),
    ("nuclear medicine, RCPSC", {**PHYSICIAN, "specialty": "nuclear_medicine", "certifications": ["RCPSC"], "country": "CA"}, "general"),
    ("nuclear medicine, no ABMS board", {**PHYSICIAN, "specialty": "nuclear_medicine", "certifications": ["AOBR"], "country": "US"}, "associate"),
    ("ABNM without specialty means nuclear medicine", {**PHYSICIAN, "certifications": ["ABNM"], "country": "US"}, "general"),
    ("ABMS_other does not certify radiology", {**PHYSICIAN, "specialty": "radiology", "certifications": ["ABMS_other"], "country": "US", "completed_residency": True}, "associate"),
    ("uncertified radiologist after residency", {**PHYSICIAN, "specialty": "radiology", "certifications": [], "country": "US", "completed_residency": True}, "associate"),
    ("ABR medical physicist", {**PHYSICIST, "certifications": ["ABR"], "country": "US"}, "general"),
    ("physicist with an equivalent board", {**PHYSICIST, "certifications": ["national_board"], "country": "CA"}, "general"),
    ("uncertified medical physicist", {**PHYSICIST, "certifications": [], "country": "US"}, "associate"),
    ("physician outside radiology", {**PHYSICIAN, "specialty": "other", "country": "US"}, "allied_health"),
    ("MRI scientist with ARRT", {"profession": "mri_scientist", "certifications": ["ARRT"]}, "allied_health"),
    ("RRA with ARRT", {"profession": "radiologist_assistant", "certifications": ["ARRT"], "country": "US"}, "allied_health"),
    ("radiology resident in the US", {**RESIDENT, "country": "US"}, "member_in_training"),
    ("radiology fellow in Canada", {**RESIDENT, "stage": "fellow", "country": "CA"}, "member_in_training"),
    ("nuclear medicine resident", {**RESIDENT, "specialty": "nuclear_medicine", "country": "US"}, "member_in_training"),
    ("IMG who began a US residency", {**RESIDENT, "country": "US", "certifications": ["ECFMG"]}, "member_in_training"),
    ("US medical student", {"profession": "medical_student", "country": "US"}, "member_in_training"),
    ("student not committed to radiology", {"profession": "medical_student", "specialty": "other", "country": "US"}, "member_in_training"),
    ("physician recorded as a student", {"profession": "physician", "stage": "student", "country": "CA"}, "member_in_training"),
    ("physics student in Canada", {"profession": "medical_physicist", "stage": "student", "country": "CA"}, "member_in_training"),
    ("physics resident in the US", {"profession": "medical_physicist", "stage": "resident", "country": "US"}, "member_in_training"),
    ("student at a Caribbean school (no one country)", {"profession": "medical_student", "country": "outside_us_canada", "medical_school_years": 4}, "international_member_in_training"),
    ("radiologist abroad, country not named", {**PHYSICIAN, "specialty": "radiology", "certifications": ["national_board"], "country": "outside_us_canada"}, "international"),
    ("active-duty radiologist, no country named: the US military", {**PHYSICIAN, "specialty": "radiology", "certifications": ["ABR"], "service": "active_duty_military"}, "general"),
    ("certified radiologist in Germany", {**PHYSICIAN, "specialty": "radiology", "certifications": ["national_board"], "country": "DE"}, "international"),
    ("ABR radiologist in India", {**PHYSICIAN, "specialty": "radiology", "certifications": ["ABR"], "country": "IN"}, "international"),
    ("radiation oncologist in Japan", {**PHYSICIAN, "specialty": "radiation_oncology", "certifications": ["national_board"], "country": "JP"}, "international"),
    ("physicist in Brazil", {**PHYSICIST, "certifications": ["national_board"], "country": "BR"}, "international"),
    ("resident in Germany", {**RESIDENT, "country": "DE"}, "international_member_in_training"),
    ("fellow in France", {**RESIDENT, "stage": "fellow", "country": "FR"}, "international_member_in_training"),
    ("physics student in Germany", {"profession": "medical_physicist", "stage": "student", "country": "DE"}, "international_member_in_training"),
    ("medical student abroad, 4 years", {"profession": "medical_student", "country": "DE", "medical_school_years": 4}, "international_member_in_training"),
    ("medical student abroad, 6 years", {"profession": "medical_student", "country": "IT", "medical_school_years": 6}, "international_member_in_training"),
    ("ECFMG graduate waiting to match", {"profession": "physician", "stage": "awaiting_residency", "certifications": ["ECFMG"], "country": "IN"}, "international_member_in_training"),
    ("ECFMG graduate waiting, country not needed", {"profession": "physician", "stage": "awaiting_residency", "specialty": "nuclear_medicine", "certifications": ["ECFMG"]}, "international_member_in_training"),
    ("retired, any profession", {"profession": "medical_physicist", "stage": "retired", "retired_on": "2024-05-01"}, "retired"),
    ("retired, nothing else said", {"stage": "retired", "retired_on": "2024-05-01"}, "retired"),
]


@pytest.mark.parametrize("case, profile, category", CATEGORY_CASES, ids=[c[0] for c in CATEGORY_CASES])
def test_category(answer, case, profile, category):
    result = answer(profile)
    assert result["category"] == category
    assert result["eligible"] is True
    assert result["missing"] == []


NOT_ELIGIBLE_CASES = [
    ("international member not in good standing", {**PHYSICIAN, "specialty": "radiology", "certifications": ["national_board"], "country": "DE", "good_standing": False}, "good ethical standing"),
    ("resident abroad not in good standing", {**RESIDENT, "country": "DE", "good_standing": False}, "good ethical standing"),
    ("student abroad not in good standing", {"profession": "medical_student", "country": "IN", "medical_school_years": 5, "good_standing": False}, "good ethical standing"),
    ("ECFMG graduate not in good standing", {"profession": "physician", "stage": "awaiting_residency", "certifications": ["ECFMG"], "good_standing": False}, "good ethical standing"),
    ("other profession", {"profession": "other", "stage": "in_practice", "country": "US"}, "membership team"),
    ("MRI scientist without ARRT", {"profession": "mri_scientist", "certifications": ["ABR"]}, "ARRT"),
    ("RRA without ARRT", {"profession": "radiologist_assistant", "certifications": []}, "ARRT"),
    ("uncertified, no residency", {**PHYSICIAN, "specialty": "radiology", "certifications": [], "country": "US", "completed_residency": False}, "residency"),
    ("uncertified radiologist abroad", {**PHYSICIAN, "specialty": "radiology", "certifications": [], "country": "DE"}, "certification in radiology"),
    ("ECFMG missing", {"profession": "physician", "stage": "awaiting_residency", "certifications": ["national_board"], "country": "IN"}, "ECFMG"),
    ("ECFMG graduate aiming outside radiology", {"profession": "physician", "stage": "awaiting_residency", "specialty": "other", "certifications": ["ECFMG"]}, "radiologic discipline"),
    ("physicist waiting for residency", {"profession": "medical_physicist", "stage": "awaiting_residency", "certifications": ["ABR"]}, "medical physicists"),
    ("3-year medical school abroad", {"profession": "medical_student", "country": "DE", "medical_school_years": 3}, "four years or more"),
    ("previously a member in practice, resident abroad", {**RESIDENT, "country": "DE", "previously_member_in_practice": True}, "never been ACR members in practice"),
    ("previously a member in practice, waiting to match", {"profession": "physician", "stage": "awaiting_residency", "certifications": ["ECFMG"], "previously_member_in_practice": True}, "never been ACR members in practice"),
]


@pytest.mark.parametrize("case, profile, why", NOT_ELIGIBLE_CASES, ids=[c[0] for c in NOT_ELIGIBLE_CASES])
def test_not_eligible(answer, case, profile, why):
    result = answer(profile)
    assert (result["eligible"], result["category"], result["missing"]) == (False, None, [])
    assert result["national_dues_usd"] is None
    assert result["dues_note"] == "No national dues apply because none of the membership categories fits you."
    assert any(why in reason for reason in reason_texts(result)), result["reasons"]


@pytest.mark.parametrize(
    "profile, category",
    [
        (US_RADIOLOGIST, "general"),
        ({**RESIDENT, "country": "US"}, "member_in_training"),
        ({"profession": "medical_student", "country": "CA"}, "member_in_training"),
        ({"profession": "mri_scientist", "certifications": ["ARRT"]}, "allied_health"),
        ({"stage": "retired", "retired_on": "2024-01-01"}, "retired"),
    ],
)
def test_good_ethical_standing_is_asked_only_of_international_categories(answer, profile, category):
    result = answer(profile, good_standing=False)
    assert (result["eligible"], result["category"]) == (True, category)
    assert not any("ethical standing" in reason for reason in reason_texts(answer(profile)))


UNDECIDED_CASES = [
    # (case, profile, what the reason quotes)
    ("resident abroad outside radiology", {**RESIDENT, "specialty": "other", "country": "DE"}, '"approved residency or fellowship programs" without naming a specialty'),
    ("fellow abroad outside radiology", {**RESIDENT, "stage": "fellow", "specialty": "other", "country": "IN"}, '"approved residency or fellowship programs" without naming a specialty'),
    ("resident at home outside radiology", {**RESIDENT, "specialty": "other", "country": "US"}, "does not say whether that includes physicians in training"),
]


@pytest.mark.parametrize("case, profile, quoted", UNDECIDED_CASES, ids=[c[0] for c in UNDECIDED_CASES])
def test_what_the_page_does_not_settle_is_left_to_the_membership_team(answer, case, profile, quoted):
    result = answer(profile)
    assert (result["eligible"], result["category"], result["missing"]) == (None, None, [])
    assert result["national_dues_usd"] is None
    assert any(quoted in reason for reason in reason_texts(result))
    assert any("Contact us link on https://www.acr.org/Membership/Join" in reason for reason in reason_texts(result))
    assert not any("not eligible" in reason or "cannot join" in reason for reason in reason_texts(result))


def test_previous_membership_does_not_matter_at_home(answer):
    result = answer(RESIDENT, country="US", previously_member_in_practice=True)
    assert result["category"] == "member_in_training"


MISSING_CASES = [
    ("nothing given", {}, ["profession", "stage", "country"]),
    ("only a profession", {"profession": "physician"}, ["stage", "country"]),
    ("resident in Canada", {"stage": "resident", "country": "CA"}, ["profession"]),
    ("medical student, no country", {"profession": "medical_student"}, ["country"]),
    ("waiting to match needs no country", {"stage": "awaiting_residency"}, ["profession"]),
    ("practising physician, no certifications", {**PHYSICIAN, "country": "US"}, ["certifications"]),
    ("practising abroad, no certifications", {**PHYSICIAN, "country": "DE"}, ["certifications"]),
    ("uncertified, residency unknown", {**PHYSICIAN, "specialty": "radiology", "certifications": [], "country": "US"}, ["completed_residency"]),
    ("international student, school length unknown", {"profession": "medical_student", "country": "DE"}, ["medical_school_years"]),
    ("MRI scientist, certifications unknown", {"profession": "mri_scientist"}, ["certifications"]),
    ("waiting to match, certifications unknown", {"profession": "physician", "stage": "awaiting_residency"}, ["certifications"]),
]


@pytest.mark.parametrize("case, profile, missing", MISSING_CASES, ids=[c[0] for c in MISSING_CASES])
def test_missing_facts_are_asked_for(answer, case, profile, missing):
    result = answer(profile)
    assert result["missing"] == missing
    assert (result["eligible"], result["category"], result["national_dues_usd"]) == (False, None, None)
    assert result["dues_note"] == "Your national dues depend on the details still needed."


def test_nothing_given_asks_in_plain_words(answer):
    assert reason_texts(answer()) == ["I need to know your profession, career stage and country to find your category."]


@pytest.mark.parametrize(
    "country, category, dues, chapter",
    [
        ("US", "general", 965, "up_to_two_chapters"),
        ("CA", "general", 965, "car_in_lieu_of_chapter"),
        ("ca", "general", 965, "car_in_lieu_of_chapter"),
        ("DE", "international", 391, "not_required_international"),
    ],
)
def test_canada_is_domestic_germany_is_international(answer, country, category, dues, chapter):
    result = answer(US_RADIOLOGIST, country=country, specialty="radiology", certifications=["ABR"])
    assert (result["category"], result["national_dues_usd"], result["chapter_dues"]) == (category, dues, chapter)


@pytest.mark.parametrize(
    "country, category",
    [("US", "member_in_training"), ("CA", "member_in_training"), ("DE", "international_member_in_training")],
)
def test_residents_by_country(answer, country, category):
    assert answer(RESIDENT, country=country)["category"] == category


def test_missing_specialty_is_assumed_radiology_and_said(answer):
    result = answer(PHYSICIAN, certifications=["ABR"], country="US")
    assert result["category"] == "general"
    assert reason_texts(result)[0] == "You did not name your specialty, so this answer assumes radiology."


def test_fellow_keeps_free_membership(answer):
    result = answer(RESIDENT, stage="fellow", country="US")
    assert result["national_dues_usd"] == 0
    assert "Moving from residency into a fellowship keeps your free membership throughout training." in reason_texts(
        result
    )


def test_medical_student_needs_no_enrollment_verification(answer):
    reasons = reason_texts(answer(profession="medical_student", country="US"))
    assert any("No enrollment verification" in reason for reason in reasons)
