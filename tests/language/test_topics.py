"""Which category and aspect a question names, and the answer that naming settles."""
import pytest

from language import topics

FRCR = "is a UK board (FRCR) accepted for general membership or only the american / canadian boards?"


def test_accepted_for_a_category_asks_who_is_eligible():
    assert topics.aspect_of(FRCR) == "eligibility"


@pytest.mark.parametrize("text", ["and after I finish?", "how much once I graduate", "do I pay after residency"])
def test_after_training_is_asked_before_the_cost(text):
    assert topics.aspect_of(text) == "after_training"


def test_a_category_named_as_such_or_through_a_profession(entities_of):
    rad_techs = "are rad techs eligible to be members or is that only ASRT"
    assert topics.category_and_aspect(FRCR, entities_of(FRCR))[0] == "general"
    assert topics.category_and_aspect(rad_techs, entities_of(rad_techs))[0] == "allied_health"
    assert topics.category_and_aspect(rad_techs, entities_of(rad_techs), implied=False)[0] is None


def test_a_category_named_only_in_the_background_is_not_the_questions(entities_of):
    text = "General membership sounds good. What would I pay?"
    assert topics.category_and_aspect(text, entities_of(text))[0] is None


def test_two_categories_named_settle_nothing(entities_of):
    text = "is international membership the same as general membership?"
    assert topics.category_and_aspect(text, entities_of(text))[0] is None


def test_the_named_category_settles_an_unsure_answer_about_another(domain, entities_of):
    assert topics.settled_by_named_category(domain, *topics.category_and_aspect(FRCR, entities_of(FRCR)),
                                            "international_eligibility", 0.40) == "general_eligibility"


@pytest.mark.parametrize("best, confidence", [
    ("international_eligibility", 0.95),  # the response selector is sure
    ("general_eligibility", 0.40),  # it already chose the named category's answer
    ("international_dues", 0.40),  # it read another aspect: the question may ask something else
])
def test_the_response_selectors_answer_stays(domain, entities_of, best, confidence):
    assert topics.settled_by_named_category(domain, *topics.category_and_aspect(FRCR, entities_of(FRCR)),
                                            best, confidence) is None


def test_a_question_about_the_change_of_category_keeps_its_answer(domain, entities_of):
    text = "Do I need to reapply to the ACR as a full member, and when would I start paying?"
    assert topics.settled_by_named_category(domain, *topics.category_and_aspect(text, entities_of(text)),
                                            "mit_to_paid", 0.86) is None


@pytest.mark.parametrize("text, best, silent", [
    ("can residents vote in ACR elections", "international_vs_general", True),
    ("can allied health members hold office?", "associate_vs_general", True),
    ("is MIT membership different for fellows?", "residency_to_fellowship", False),  # read as about MITs
    ("can associates hold office", "associate_vs_general", False),  # the page says they cannot
    ("can international MITs hold office?", "international_vs_general", False),  # covered by international's
    ("how much do residents pay", "general_cost", False),  # not about rights
])
def test_rights_the_page_states_for_no_such_member_are_a_silence(domain, entities_of, text, best, silent):
    assert topics.silent_on_named_rights(domain, *topics.category_and_aspect(text, entities_of(text)), best) is silent


def test_a_follow_up_falls_back_on_the_category_that_covers_it(domain):
    assert topics.covering_topic(domain, "medical_student", "cost") == "mit_cost"
    assert topics.covering_topic(domain, "allied_health", "rights") is None


@pytest.mark.parametrize("text, category", [
    ("who can join as a nuclear medicine physician, does ABNM count", "general"),  # a board the general answer names
    ("can emergency medicine doctors join?", "allied_health"),  # physicians outside radiology
    ("does ARRT certification count", "allied_health"),
])
def test_a_board_or_specialty_names_the_category_its_answer_covers(entities_of, text, category):
    assert topics.category_and_aspect(text, entities_of(text))[0] == category


def test_the_overview_is_the_answer_about_every_category(domain):
    assert topics.is_overview(domain, "who_can_join")
    assert not topics.is_overview(domain, "general_eligibility") and not topics.is_overview(domain, None)


@pytest.mark.parametrize("facts, answer", [
    ({"profession": "physician", "specialty": "other", "stage": "in_practice"}, "allied_health_eligibility"),
    ({"profession": "physician", "stage": "awaiting_residency", "specialty": "radiology"}, "apply_from_abroad"),
    ({"profession": "physician", "certifications": ["ECFMG"]}, "apply_from_abroad"),  # the stage's rule first
    ({"stage": "resident", "country": "CA"}, "mit_eligibility"),
    ({"profession": "medical_student", "stage": "student"}, "student_membership"),  # covered by its own answer
])
def test_a_visitor_who_said_who_they_are_gets_the_answer_about_them(domain, facts, answer):
    assert topics.own_category_answer(domain, facts) == answer


@pytest.mark.parametrize("facts", [
    {},  # said nothing about themselves
    {"profession": "physician", "stage": "in_practice", "country": "DE"},  # nothing names a category
    {"stage": "retired", "certifications": ["ABR"]},  # two categories: which one is what the engine decides
])
def test_the_overview_stays_when_the_facts_name_no_one_category(domain, facts):
    assert topics.own_category_answer(domain, facts) is None


@pytest.mark.parametrize("text, topic", [
    ("does my program director sign us all up or do i have to apply individually", "trainee_update_database"),
    ("how does my PD add our residents to acr", "trainee_update_database"),
    ("is there a discount for program directors", None),  # names them, but not what the answer says they do
    ("how do I sign up", None),
])
def test_the_words_that_name_one_answers_subject(text, topic):
    assert topics.phrased_topic(text) == topic


@pytest.mark.parametrize("facts, text, answer", [
    ({"completed_residency": True, "stage": "fellow"}, "If I do my fellowship in Canada, does my free membership continue?",
     "residency_to_fellowship"),
    ({"completed_residency": True, "stage": "fellow"}, "do I keep my free membership?", "residency_to_fellowship"),
    ({"completed_residency": True, "stage": "fellow"}, "what would I pay?", None),  # the engine's question
    ({"completed_residency": True, "stage": "in_practice"}, "does my free membership continue?", None),
])
def test_the_page_answers_the_situation_between_residency_and_fellowship(facts, text, answer):
    assert topics.situation_answer(facts, text) == answer


@pytest.mark.parametrize("text, topic", [
    ("is there a discount for early career radiologists?", "dues_after_graduation"),
    ("do recent graduates get reduced dues", "dues_after_graduation"),
    ("is there a military discount", None),  # the discount answer's own subject
])
def test_lower_dues_early_in_a_career_name_the_answer_on_dues_after_training(text, topic):
    assert topics.phrased_topic(text) == topic


@pytest.mark.parametrize("question, every", [
    ("what are all the membership types?", True), ("which categories are there", True),
    ("Can I still become member?", False), ("Which ACR membership could I have while I'm still applying", False),
])
def test_a_question_for_every_category_asks_for_the_overview_itself(question, every):
    assert topics.asks_for_every_category(question) is every


@pytest.mark.parametrize("text, category", [
    ("can residents outside the US join?", "international_member_in_training"),
    ("any ACR membership for junior doctors outside the US who aren't in radiology training?",
     "international_member_in_training"),
    ("can radiologists outside the US join?", "international"),
])
def test_trainees_abroad_name_the_international_members_in_training(entities_of, text, category):
    assert topics.category_and_aspect(text, entities_of(text)) == (category, "eligibility")
