"""The membership page, rule by rule: what each rule makes the engine answer.

One row per rule the page states, quoted word for word, and one per question it leaves open
(the engine then answers null and leaves it to the membership team, never "no").
"""

import pytest
from tests.membership.engine_profiles import AS_OF, RESIDENT, US_RADIOLOGIST, on_the_page

from membership import quote

PHYSICIAN = {"profession": "physician", "stage": "in_practice", "country": "US"}
PHYSICIST = {"profession": "medical_physicist", "stage": "in_practice", "country": "US"}
ABROAD = {**PHYSICIAN, "specialty": "radiology", "certifications": ["national_board"], "country": "DE"}
ASSOCIATE = {**US_RADIOLOGIST, "certifications": [], "completed_residency": True}
GRADUATE = {**RESIDENT, "country": "US", "certifications": ["ABR"], "training_completed_on": "2024-06-30"}
RETIREE = {**US_RADIOLOGIST, "stage": "retired", "retired_on": "2025-01-10", "dues_paid_for_year": True}
STUDENT_ABROAD = {"profession": "medical_student", "country": "IN", "medical_school_years": 5}
ECFMG_GRADUATE = {"profession": "physician", "stage": "awaiting_residency", "certifications": ["ECFMG"]}
SILENT = "Our team can answer them."  # where the page says nothing, the engine points to its team
NO_RIGHTS_STATED = {"can_hold_elective_office": None, "can_serve_on_board_of_chancellors": None}
NO_RIGHTS = {"can_hold_elective_office": False, "can_serve_on_board_of_chancellors": False}

PAGE_FACTS = [
    # (what the page says, profile, what the engine answers)
    # General membership
    ("Physicians certified in a radiological discipline by:", US_RADIOLOGIST, {"category": "general"}),
    ("Physicians certified in a radiological discipline by:",
     {**PHYSICIAN, "specialty": "radiation_oncology", "certifications": ["CMQ"], "country": "CA"},
     {"category": "general"}),
    ("Physicians engaged in nuclear medicine and certified by a specialty board that is a member of the American Board "
     "of Medical Specialties", {**PHYSICIAN, "specialty": "nuclear_medicine", "certifications": ["ABNM"]},
     {"category": "general"}),
    ("Medical physicists certified by the American Board of Radiology or equivalent.",
     {**PHYSICIST, "certifications": ["ABR"]}, {"category": "general"}),
    ("Find the schedule of dues here.", US_RADIOLOGIST, {"national_dues_usd": 965}),
    ("You can choose up to two local chapters depending on where you live or practice.", US_RADIOLOGIST,
     {"chapter_dues": "up_to_two_chapters"}),
    ("ACR offers a 50% discount on national dues* for active duty U.S. military as well as employees of the Department "
     "of Veterans Affairs and the U.S. Public Health Service.", {**US_RADIOLOGIST, "service": "public_health_service"},
     {"national_dues_usd": 482.5, "discount": "service_50"}),
    ("Active-duty military members are eligible to waive chapter membership.",
     {**US_RADIOLOGIST, "service": "active_duty_military"}, {"chapter_dues": "waivable_active_duty"}),
    ("Who can join as a general member?", US_RADIOLOGIST, NO_RIGHTS_STATED),
    # Members-in-training
    ("residents and fellows in-training who are physicians in an approved radiology residency or fellowship in the "
     "United States or Canada", {**RESIDENT, "country": "CA"}, {"category": "member_in_training"}),
    ("medical and therapy physicists who are registered in a formal educational program in medical physics in the "
     "United States or Canada", {"profession": "medical_physicist", "stage": "student", "country": "US"},
     {"category": "member_in_training"}),
    ("This category is free.", {**RESIDENT, "country": "US"}, {"national_dues_usd": 0}),
    ("your free membership status continues throughout your training", {**RESIDENT, "stage": "fellow", "country": "US"},
     {"category": "member_in_training", "national_dues_usd": 0}),
    ("Six months after you complete your training, you'll automatically become a full member of ACR in the "
     "appropriate category.", {**GRADUATE, "as_of": "2024-12-29"},
     {"category": "member_in_training", "status_change.automatic": True, "status_change.on": "2024-12-30",
      "status_change.to": "general"}),
    ("Six months after you complete your training, you'll automatically become a full member of ACR in the "
     "appropriate category.", {**GRADUATE, "as_of": "2024-12-30"}, {"category": "general"}),
    ("That first year is only $77.", GRADUATE, {"national_dues_usd": 77}),
    ("The first ACR dues payment after completing training will be owed for the following year beginning in January.",
     {**GRADUATE, "dues_year": 2024}, {"national_dues_usd": 0, "status_change.first_dues_year": 2025}),
    ("Medical students in accredited U.S. and Canadian medical schools are eligible for complimentary ACR "
     "member-In-training (MIT) membership.", {"profession": "medical_student", "country": "CA"},
     {"category": "member_in_training", "national_dues_usd": 0}),
    ("You can still apply for membership", {"profession": "medical_student", "specialty": "other", "country": "US"},
     {"category": "member_in_training"}),
    ("International medical graduates who match and begin their U.S. residency program will qualify for complimentary "
     "MIT membership.", {**RESIDENT, "country": "US", "certifications": ["ECFMG"]},
     {"category": "member_in_training", "national_dues_usd": 0}),
    ("What is a member-in-training?", {**RESIDENT, "country": "US"}, NO_RIGHTS_STATED),
    # International members-in-training
    ("International MIT medical students’ dues are $138 per year until they complete training.", STUDENT_ABROAD,
     {"category": "international_member_in_training", "national_dues_usd": 138}),
    ("International medical students at a four year or greater medical school outside of the United States and Canada",
     {**STUDENT_ABROAD, "medical_school_years": 3}, {"eligible": False}),
    ("international medical school graduates who are currently certified by ECFMG and are waiting to match into a U.S. "
     "residency program in a radiologic discipline including nuclear medicine", ECFMG_GRADUATE,
     {"category": "international_member_in_training"}),
    ("and are in good ethical standing in their respective countries are eligible to apply",
     {**ECFMG_GRADUATE, "good_standing": False}, {"eligible": False}),
    ("and are in good ethical standing in their respective countries.", {**STUDENT_ABROAD, "good_standing": False},
     {"eligible": False}),
    ("International MITs who continue their training outside the U.S. or Canada will remain qualified for "
     "international MIT membership status throughout their international residency and fellowship.",
     {**RESIDENT, "stage": "fellow", "country": "FR"}, {"category": "international_member_in_training"}),
    ("who have never been ACR members in practice",
     {**RESIDENT, "country": "DE", "previously_member_in_practice": True}, {"eligible": False}),
    ("occupy approved residency or fellowship programs", {**RESIDENT, "country": "DE", "specialty": "other"},
     {"eligible": None, "category": None}),
    ("International member-in-training status normally terminates within six months following completion of the "
     "period of training but may be considered for transition to membership in the appropriate class.",
     {**RESIDENT, "country": "DE", "training_completed_on": "2025-03-31"},
     {"status_change.automatic": False, "status_change.normally_ends_by": "2025-09-30", "status_change.to": None,
      "status_change.on": None}),
    ("Who can join as an international member-in-training?", {**RESIDENT, "country": "DE"}, NO_RIGHTS_STATED),
    # International members
    ("Yes, provided that you’re a physician or medical physicist practicing the specialty of radiology, radiation "
     "oncology or medical physics outside the United States and Canada who is certified in radiology or medical "
     "physics", ABROAD, {"category": "international", "chapter_dues": "not_required_international"}),
    ("and is in good ethical standing in your country.", {**ABROAD, "good_standing": False}, {"eligible": False}),
    ("Upon completion of training, international member dues are $391 per year.", ABROAD, {"national_dues_usd": 391}),
    ("As an international member, you can be appointed to commissions and committees and task forces but cannot hold "
     "elective office or be a member of the ACR Board of Chancellors.", ABROAD, NO_RIGHTS),
    # Allied health
    ("MRI scientists and Registered Radiologist Assistants (RRA) with certification from the American Registry of "
     "Radiologic Technologists (ARRT) are eligible to be ACR members.",
     {"profession": "radiologist_assistant", "certifications": ["ARRT"]}, {"category": "allied_health"}),
    ("This category of membership is also open to physicians who are not engaged in the practice of radiology.",
     {**PHYSICIAN, "specialty": "other"}, {"category": "allied_health"}),
    ("Who can join as an allied health member?", {"profession": "mri_scientist", "certifications": ["ARRT"]},
     NO_RIGHTS_STATED),
    ("How much is an allied health membership?", {"profession": "mri_scientist", "certifications": ["ARRT"]},
     {"national_dues_usd": None}),
    # Associate members
    ("Physicians engaged in the practice of radiology who have completed an approved residency program in radiology "
     "but have not been certified by any of the following:", ASSOCIATE, {"category": "associate"}),
    ("Physicians engaged in nuclear medicine but not certified by a specialty board that is a member of the American "
     "Board of Medical Specialties or its Canadian equivalent",
     {**PHYSICIAN, "specialty": "nuclear_medicine", "certifications": []}, {"category": "associate"}),
    ("Medical physicists engaged in the practice of medical physics and otherwise eligible for membership in the "
     "College who have not been certified by the American Board of Radiology or its equivalent",
     {**PHYSICIST, "certifications": []}, {"category": "associate"}),
    ("Associate members have the right to be appointed to ACR commissions and committees but cannot hold elective "
     "office or be a member of the ACR Board of Chancellors.", ASSOCIATE, NO_RIGHTS),
    ("How much is an associate membership?", ASSOCIATE, {"national_dues_usd": None}),
    # Retired members
    ("You earn retired member status after fully retiring from professional practice.", RETIREE,
     {"category": "retired"}),
    ("As a retired member, you can be appointed to commissions and committees and task forces but do not have the "
     "right to be a member of the ACR Board of Chancellors.", RETIREE, {"can_serve_on_board_of_chancellors": False}),
    ("You can serve in elected office during the first six years following your retirement.",
     {**RETIREE, "as_of": "2031-01-09"}, {"can_hold_elective_office": True}),
    ("You can serve in elected office during the first six years following your retirement.",
     {**RETIREE, "as_of": "2031-01-10"}, {"can_hold_elective_office": False}),
    ("Retired members who have paid their membership dues and then notify us of retirement between January 1 and "
     "March 31 of the same year, will receive a full refund.", {**RETIREE, "retirement_notified_on": "2025-03-31"},
     {"refund_due": True, "national_dues_usd": 0}),
    ("notify us of retirement between January 1 and March 31 of the same year",
     {**RETIREE, "retirement_notified_on": "2025-04-01"}, {"refund_due": None, "refund_reason.source": (
         "Retired members who have paid their membership dues and then notify us of retirement between January 1 and "
         "March 31 of the same year, will receive a full refund.")}),
    ("After that, your dues are free.", {**RETIREE, "dues_year": 2026}, {"national_dues_usd": 0}),
    ("How much do retired members pay in dues?", RETIREE, {"chapter_dues": None}),
]


def field(answer, path):
    """A field of the answer; "status_change.on" reaches into a nested one."""
    value = answer
    for key in path.split("."):
        value = value[key]
    return value


@pytest.mark.parametrize("said, profile, expected", PAGE_FACTS, ids=[f"{row[0][:60]}" for row in PAGE_FACTS])
def test_the_engine_answers_as_the_page_says(said, profile, expected):
    assert on_the_page(said)
    answer = quote({"as_of": AS_OF, **profile})
    assert {path: field(answer, path) for path in expected} == expected


def unsaid_reasons(answer):
    return [reason for reason in answer["reasons"] if reason["source"] == SILENT]


SILENT_CASES = [(said, profile) for said, profile, expected in PAGE_FACTS if expected == NO_RIGHTS_STATED] + [
    ("How much do retired members pay in dues?", RETIREE)  # chapter dues
]


@pytest.mark.parametrize("said, profile", SILENT_CASES, ids=[said[:60] for said, _ in SILENT_CASES])
def test_where_the_page_is_silent_the_answer_says_so_and_gives_the_route(said, profile):
    reasons = unsaid_reasons(quote({"as_of": AS_OF, **profile}))
    assert reasons
    for reason in reasons:
        assert reason["text"].startswith("The membership page does not say whether")
        assert "membership team can answer that through the Contact us link on https://www.acr.org/Membership/Join" in (
            reason["text"]
        )
