"""From a visitor's words to engine fields, through the real spaCy pipeline."""
from datetime import date

import pytest

from membership.profile import OUTSIDE_US_AND_CANADA

from language.facts import answer_to_question, parse_date, profile_updates
from tests.language_fixtures import TODAY

CASES = [
    ("I'm a resident in Canada, what do I pay?",
     {"stage": "resident", "country": "CA", "profession": "physician"}),
    ("I'm an ECFMG-certified graduate in Egypt waiting to match, can I join and what does it cost?",
     {"certifications": ["ECFMG"], "country": "EG", "stage": "awaiting_residency", "profession": "physician"}),
    ("I finished fellowship in June 2025, what do I pay for 2026?",
     {"training_completed_on": "2025-06-01", "dues_year": 2026, "profession": "physician"}),
    ("I retired in January and told you in February, do I get a refund?",
     {"stage": "retired", "retired_on": "2026-01-01", "retirement_notified_on": "2026-02-01"}),
    ("I'm a radiologist in Ohio, not ABR certified",
     {"country": "US", "certifications": [], "specialty": "radiology", "stage": "in_practice"}),
    ("im a canadian radiologist, frcpc, army",
     {"country": "CA", "certifications": ["RCPSC"], "service": "active_duty_military"}),
    ("I went to a 6-year medical school in India", {"medical_school_years": 6, "country": "IN"}),
    ("med student in germany", {"profession": "medical_student", "stage": "student", "country": "DE"}),
    ("what about next year?", {"dues_year": 2027}),
    ("I'm an RRA with ARRT in Ohio and I work for the VA",
     {"profession": "radiologist_assistant", "certifications": ["ARRT"], "country": "US",
      "service": "veterans_affairs"}),
    ("I'm a physicist without ABR certification in Texas",
     {"profession": "medical_physicist", "certifications": [], "country": "US", "specialty": "medical_physics"}),
    ("British radiology fellow", {"country": "GB", "stage": "fellow"}),
    ("may I join?", {}),
    ("can you help us?", {}),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[case[0][:40] for case in CASES])
def test_reads_the_facts_a_visitor_states(text, expected, entities_of):
    updates = profile_updates(text, entities_of(text), TODAY)
    assert {key: updates.get(key) for key in expected} == expected
    if not expected:
        assert updates == {}


def test_a_date_answers_the_question_just_asked(entities_of):
    text = "February 2026"
    updates = profile_updates(text, entities_of(text), TODAY, expected="retirement_notified_on")
    assert updates == {"retirement_notified_on": "2026-02-01"}


@pytest.mark.parametrize("reply, years", [("4 years or more", 4), ("fewer than 4 years", 3), ("six", 6)])
def test_school_length_answers(reply, years, entities_of):
    updates = profile_updates(reply, entities_of(reply), TODAY, expected="medical_school_years")
    assert updates["medical_school_years"] == years


@pytest.mark.parametrize("field, intent, expected", [
    ("dues_paid_for_year", "affirm", {"dues_paid_for_year": True}),
    ("good_standing", "deny", {"good_standing": False}),
    ("service", "deny", {"service": "none"}),
    ("certifications", "deny", {"certifications": []}),
    ("country", "affirm", {}),
])
def test_yes_and_no_answer_the_question_asked(field, intent, expected):
    assert answer_to_question(field, intent) == expected


@pytest.mark.parametrize("today, dues_year", [(date(2026, 12, 10), 2027), (date(2027, 1, 15), 2028)])
def test_next_year_is_the_year_after_today(entities_of, today, dues_year):
    text = "what about next year?"
    assert profile_updates(text, entities_of(text), today) == {"dues_year": dues_year}


def test_relative_dates_count_back_from_today():
    assert parse_date("two years ago", TODAY).year == 2024
    assert parse_date("last February", TODAY).isoformat() == "2026-02-01"
    assert parse_date("not a date", TODAY) is None


@pytest.mark.parametrize("text, expected", [
    ("I finished my residency but I'm not board certified, practicing in Ohio",
     {"stage": "in_practice", "completed_residency": True, "certifications": [], "country": "US"}),
    ("I'm an RRA but I don't have ARRT", {"profession": "radiologist_assistant", "certifications": []}),
    ("physicist in Kenya, I don't have any board certification", {"certifications": [], "country": "KE"}),
    ("consultant radiologist in London", {"profession": "physician", "stage": "in_practice", "country": "GB"}),
    ("attending since 2026, I retired in March 2026 and told you in April 2026",
     {"retired_on": "2026-03-01", "retirement_notified_on": "2026-04-01"}),
    ("ECFMG certified, applying to radiology residency in the US",
     {"stage": "awaiting_residency", "certifications": ["ECFMG"]}),
])
def test_words_read_in_context(text, expected, entities_of):
    updates = profile_updates(text, entities_of(text), TODAY)
    assert {key: updates.get(key) for key in expected} == expected


@pytest.mark.parametrize("text, certifications", [
    ("board certified radiologist in brazil, can I join?", ["national_board"]),
    ("Sir I am certified radiologist in Bangladesh", ["national_board"]),
    ("board certified radiologist in Texas", None),  # which US board is not said: ask
])
def test_certified_without_a_board_means_the_national_board_abroad(text, certifications, entities_of):
    assert profile_updates(text, entities_of(text), TODAY).get("certifications") == certifications


@pytest.mark.parametrize("text, expected", [
    ("paid my dues this january and told you about my retirement in feb, do i get a full refund",
     {"retirement_notified_on": "2026-02-01", "dues_paid_for_year": True}),
    ("im ABR certified practicing rad, what will i pay per year",
     {"profession": "physician", "certifications": ["ABR"], "specialty": "radiology"}),
    ("im a radiology resident in the us, whats the fee", {"country": "US", "stage": "resident"}),
    # the career a retirement ended is not what the visitor does now
    ("Retired last year after 35 yrs in private practice. Do I still pay dues?", {"stage": "retired"}),
    ("retired but still practicing part time, do I pay?", {"stage": "in_practice"}),
    ("I'm an anesthesiologist, can I join?", {"profession": "physician", "specialty": "other"}),
    ("I retired in February and paid in January", {"stage": "retired", "dues_paid_for_year": True}),
    ("international grad starting residency in the US in july", {"training_completed_on": None}),
    # stages to come are not the stage now
    ("I'm a PGY-5, then a fellowship in July. After that I'll be in private practice in Texas", {"stage": "resident"}),
    ("2nd year resident at a program in Brazil, free when i come to the US for fellowship?", {"country": "BR"}),
    ("which one am I if I did residency in the US but never took the boards?",
     {"completed_residency": True, "stage": "in_practice", "certifications": []}),
])
def test_more_words_read_in_context(text, expected, entities_of):
    updates = profile_updates(text, entities_of(text), TODAY)
    assert {key: updates.get(key) for key in expected} == expected


@pytest.mark.parametrize("text", ["med student outside the US and Canada, can I join?",
                                  "trainee outside of the U.S. or Canada",
                                  "I'm a radiologist, not in the US"])
def test_a_country_the_visitor_is_outside_of_is_not_theirs(text, entities_of):
    assert profile_updates(text, entities_of(text), TODAY).get("country") in (None, OUTSIDE_US_AND_CANADA)


@pytest.mark.parametrize("text, country", [
    ("med student outside the US and Canada, can I join?", OUTSIDE_US_AND_CANADA),
    ("I'm Canadian but went to med school in the Caribbean (4 year MD), doing rotations at US hospitals",
     OUTSIDE_US_AND_CANADA),
    ("US citizen, MS2 at an offshore school, just started US clinical rotations", OUTSIDE_US_AND_CANADA),
    ("american citizen, MS2 at SGU in Grenada", "GD"),
    ("foreign medical student in a 5 year MBBS, hoping for a US residency", OUTSIDE_US_AND_CANADA),
])
def test_where_the_visitor_studies_decides_the_country(text, country, entities_of):
    assert profile_updates(text, entities_of(text), TODAY).get("country") == country


@pytest.mark.parametrize("text, years", [("MS2 at SGU (4 year MD)", 4), ("third year of a 5 year MBBS", 5),
                                         ("I'm a 4th year MD student in Ohio", None)])
def test_a_degree_after_a_length_is_the_schools_length(text, years, entities_of):
    assert profile_updates(text, entities_of(text), TODAY).get("medical_school_years") == years


def test_a_country_after_outside_its_cities_is_still_theirs(entities_of):
    text = "radiologist practising outside Toronto, Canada"
    assert profile_updates(text, entities_of(text), TODAY).get("country") == "CA"


@pytest.mark.parametrize("text, country", [
    ("canadian citizen, studying medicine at a school in guadalajara mexico", "MX"),
    ("I'm a Nigerian citizen but a 3rd year student at a US MD school", "US"),
    ("German national doing my radiology residency in Toronto", "CA"),
    ("I live in Canada but I'm a radiology resident in Buffalo NY", "US"),
    ("originally from Egypt, now a fellow in Atlanta", "US"),
    ("can a med student from Pakistan join?", "PK"),
    ("radiology resident in the UK, hoping for a US fellowship after I finish", "GB"),
])
def test_the_country_is_where_the_visitor_studies_trains_or_practises(text, country, entities_of):
    assert profile_updates(text, entities_of(text), TODAY).get("country") == country


@pytest.mark.parametrize("text", ["Indian citizen, what membership can I get?", "I live in Canada, can I join?"])
def test_citizenship_or_home_alone_is_no_country(text, entities_of):
    assert "country" not in profile_updates(text, entities_of(text), TODAY)


@pytest.mark.parametrize("text, stage", [
    ("therapy physicist working at a hospital in Houston", "in_practice"),
    ("resident working at a hospital in Houston", "resident"),
    ("canadian citizen, studying medicine in mexico, the program is 6 yrs", "student"),
    ("radiology resident in the UK hoping for a US fellowship", "resident"),
    ("still free when i go from resi to fellow?", "resident"),
])
def test_the_stage_the_visitor_is_at_now(text, stage, entities_of):
    assert profile_updates(text, entities_of(text), TODAY)["stage"] == stage


def test_a_program_length_after_the_program(entities_of):
    text = "studying medicine in mexico, the program is 6 yrs"
    assert profile_updates(text, entities_of(text), TODAY)["medical_school_years"] == 6


@pytest.mark.parametrize("text, stage", [
    ("certified medical physicist in germany, am i eligible", "in_practice"),
    ("ECFMG certified, waiting to match", "awaiting_residency"),
    ("I am IMG, I got match in radiology residency in US, starting this year", "resident"),
])
def test_a_certified_practitioner_is_past_training(text, stage, entities_of):
    assert profile_updates(text, entities_of(text), TODAY)["stage"] == stage


@pytest.mark.parametrize("text, stage", [
    ("when do i qualify as retired", None),
    ("Does the ACR have something like a retired category", None),
    ("can I switch to retired status", None),
    ("I am a retired radiologist", "retired"),
    ("I retired in 2024, is there a retired rate", "retired"),
])
def test_retired_as_a_category_named_is_not_the_visitors_stage(text, stage, entities_of):
    assert profile_updates(text, entities_of(text), TODAY).get("stage") == stage


@pytest.mark.parametrize("text, certifications", [
    ("I'm a radiologist in Ontario, still sitting the Royal College exams", []),
    ("trying to get back to Canada for fellowship, which is a mess with the Royal College exams", []),
    ("studying for the ABR core exam", []),
    ("I passed the FRCR exams and work in London", ["national_board"]),
    ("ABR certified radiologist in Ohio", ["ABR"]),
])
def test_a_boards_exam_still_to_pass_is_no_certification(text, certifications, entities_of):
    assert profile_updates(text, entities_of(text), TODAY).get("certifications") == certifications


def test_passing_a_boards_exam_is_certification(entities_of):
    text = "oh wait, I did pass my ABR boards, so I am certified"
    assert profile_updates(text, entities_of(text), TODAY).get("certifications") == ["ABR"]


def test_fellowship_exams_passed_abroad_certify_and_are_no_fellowship(entities_of):
    text = "hi i am a radiologist in nigeria, i passed my fellowship exams (FMCR), how much is the membership"
    updates = profile_updates(text, entities_of(text), TODAY)
    assert updates.get("stage") != "fellow"
    assert updates.get("certifications") == ["national_board"]


def test_a_what_if_supposes_the_place_and_stage_a_statement_only_hopes_for(entities_of):
    text = "what about if i come to the US for fellowship later"
    supposed = profile_updates(text, entities_of(text), TODAY, hypothetical=True)
    assert (supposed["country"], supposed["stage"]) == ("US", "fellow")
    assert "country" not in profile_updates(text, entities_of(text), TODAY)


@pytest.mark.parametrize("text, completed", [
    ("I'm a PGY-4 in Canada, what happens once I'm done in June?", "2027-06-01"),
    ("I'm a neuroradiology fellow, finishing in June", "2027-06-01"),
    ("I finished fellowship in June", "2026-06-01"),
])
def test_a_month_still_to_come_is_the_next_one(text, completed, entities_of):
    assert profile_updates(text, entities_of(text), date(2026, 12, 6))["training_completed_on"] == completed


def test_a_diplomate_of_the_abr_is_certified_by_it(entities_of):
    text = "I'm DABR certified in therapy physics in Texas"
    assert profile_updates(text, entities_of(text), TODAY)["certifications"] == ["ABR"]


@pytest.mark.parametrize("text", [
    "foreign medical graduate, finished med school in 2016, not matched yet",
    "I graduated from medical school in 2019 and I'm waiting to match",
])
def test_the_end_of_medical_school_is_not_the_end_of_training(text, entities_of):
    assert "training_completed_on" not in profile_updates(text, entities_of(text), TODAY)


def test_a_rotation_in_a_city_of_a_country_is_not_where_the_visitor_trains(entities_of):
    text = "I am not matched yet and I have a 3 month paid rotation in a large US city starting in February"
    assert "country" not in profile_updates(text, entities_of(text), TODAY)


@pytest.mark.parametrize("text", [
    "did my residency in the US and I'm trying to get back to Canada for fellowship",
    "finished residency in June and starting a neuro fellowship in Toronto next month",
])
def test_between_residency_and_a_fellowship_ahead_the_visitor_is_a_fellow(text, entities_of):
    updates = profile_updates(text, entities_of(text), TODAY)
    assert (updates["stage"], updates["completed_residency"]) == ("fellow", True)


def test_a_residency_done_with_no_fellowship_ahead_is_practice(entities_of):
    text = "I finished my residency in Ohio last year and work at a community hospital"
    assert profile_updates(text, entities_of(text), TODAY)["stage"] == "in_practice"


@pytest.mark.parametrize("text", ["i'm an intern in the UK", "junior doctor in Australia, not in radiology training"])
def test_an_intern_or_junior_doctor_is_a_physician(text, entities_of):
    assert profile_updates(text, entities_of(text), TODAY)["profession"] == "physician"
