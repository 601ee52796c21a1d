"""The general rule before the profile form's first question (actions/leads.py)."""
import pytest

from actions import leads
from language import topics
from language.topics import best_faq_answer

AS_OF = "2026-11-26"


def selected(topic, confidence):
    return {"response_selector": {"faq": {"response": {"intent_response_key": f"faq/{topic}",
                                                       "confidence": confidence}}}}


def profile(**facts):
    return {**facts, "as_of": AS_OF}


def test_the_selectors_best_answer_is_read():
    assert best_faq_answer(selected("retired_dues", 0.8)) == ("retired_dues", 0.8)
    assert best_faq_answer({}) == (None, 0.0)


@pytest.mark.parametrize("categories, provisional, names_facts, expected", [
    (["any"], None, False, True),             # the list of categories fits anyone
    (["retired"], "retired", True, True),     # a retiree asking about retired dues
    (["general"], None, True, True),          # facts the engine has not placed yet
    (["general"], "retired", True, False),    # a retiree is not asking about general dues
    (["general"], None, False, False),        # "what are my dues": nothing says which category
    (["medical_student"], "member_in_training", True, True),
])
def test_an_answer_about_a_category_fits_only_a_visitor_it_may_be_about(categories, provisional, names_facts,
                                                                        expected):
    assert leads.fits(categories, provisional, names_facts) is expected


@pytest.mark.parametrize("categories, domestic, expected", [
    (["general"], False, False),                                             # a radiologist in Lagos
    (["general"], True, True),
    (["international", "international_member_in_training"], True, False),   # a resident in Ohio
    (["international", "international_member_in_training"], False, True),
    (["medical_student"], False, False),                                     # a student in India
    (["retired"], False, True),                                              # not tied to a side
    (["any"], False, True),
])
def test_an_answer_about_one_side_of_the_border_does_not_fit_a_visitor_on_the_other(categories, domestic, expected):
    assert leads.fits(categories, None, True, domestic) is expected


def test_a_radiologist_abroad_asking_what_they_would_pay_does_not_hear_general_dues_first(domain):
    facts = profile(profession="physician", specialty="radiology", stage="in_practice", country="NG")
    assert leads.leading_topic(selected("general_cost", 0.9), domain, facts) is None
    assert leads.leading_topic(selected("international_dues", 0.9), domain, facts) == "international_dues"


def test_a_retiree_asking_about_a_refund_hears_the_rule_before_the_question(domain):
    facts = profile(stage="retired", retired_on="2026-02-01", dues_paid_for_year=True)
    assert leads.leading_topic(selected("retired_dues", 0.9), domain, facts) == "retired_dues"


def test_no_rule_when_the_engine_answers_at_once(domain):
    facts = profile(stage="retired", retired_on="2019-05-01")  # office rights need nothing more
    assert leads.leading_topic(selected("retired_rights", 0.9), domain, facts) is None


def test_no_rule_when_the_selector_is_unsure(domain):
    facts = profile(stage="retired")
    assert leads.leading_topic(selected("retired_dues", leads.LEAD_CONFIDENCE - 0.01), domain, facts) is None


def test_no_rule_from_an_answer_that_would_prejudge_the_category(domain):
    # "I'm a 3rd year med student in India": the US and Canadian student answer would mislead.
    facts = profile(profession="medical_student", stage="student", country="IN")
    assert leads.leading_topic(selected("student_membership", 0.96), domain, facts) is None


def test_no_rule_for_another_category_than_the_engines(domain):
    facts = profile(stage="retired")
    assert leads.leading_topic(selected("general_cost", 0.9), domain, facts) is None


def test_the_list_of_categories_leads_even_without_facts(domain):
    assert leads.leading_topic(selected("who_can_join", 0.9), domain, profile()) == "who_can_join"
    assert leads.leading_topic(selected("general_cost", 0.9), domain, profile()) is None


def test_every_leading_topic_is_an_faq_answer(domain):
    assert all(f"utter_faq/{topic}" in domain["responses"] for topic in leads.LEADING_TOPICS)


def test_the_category_the_question_names_leads_whatever_the_background_suggested(domain, entities_of):
    text = ("Saw that the council voted to raise dues for young rads and physicists. "
            "What is general membership going to cost me now?")
    parse_data = {"text": text, "entities": entities_of(text), **selected("dues_after_graduation", 0.79)}
    assert leads.leading_topic(parse_data, domain, profile(profession="physician")) == "general_cost"
    background_only = "General membership sounds good. What would I pay?"
    parse_data = {"text": background_only, "entities": entities_of(background_only), **selected("mit_cost", 0.3)}
    assert topics.named_topic(domain, parse_data["text"], parse_data["entities"]) is None


@pytest.mark.parametrize("topic, expected", [
    ("allied_health_eligibility", "allied_health_eligibility"),  # who may join, before "none covers you"
    ("allied_health_cost", None),  # a cost says nothing about why no category fits
])
def test_the_eligibility_rule_asked_about_leads_when_no_category_covers_the_visitor(domain, topic, expected):
    parse_data = {"text": "im a rad tech with arrt, can i join as allied health", "entities": [],
                  **selected(topic, 0.99)}
    assert leads.leading_topic(parse_data, domain, profile(profession="other", country="US")) == expected


def test_no_lead_when_the_engine_places_the_visitor_at_once(domain):
    parse_data = {"text": "im a resident in canada, can i join", "entities": [], **selected("mit_eligibility", 0.99)}
    assert leads.leading_topic(parse_data, domain, profile(profession="physician", stage="resident",
                                                           country="CA")) is None


def test_a_graduate_waiting_to_match_hears_the_rule_for_applying_from_abroad_before_the_boards_question(domain):
    facts = profile(profession="physician", stage="awaiting_residency", specialty="radiology")
    assert leads.leading_topic(selected("apply_from_abroad", 0.75), domain, facts) == "apply_from_abroad"


def test_the_rule_for_applying_from_abroad_does_not_lead_for_a_visitor_training_at_home(domain):
    facts = profile(profession="physician", stage="resident", country="US")
    assert leads.leading_topic(selected("apply_from_abroad", 0.75), domain, facts) is None
