"""FAQ topic metadata, follow-ups in context and 'did you mean' suggestions."""
import json

import pytest

from actions import followups, suggestions
from language import topics


def test_every_topic_has_complete_metadata(domain):
    assert len(topics.all_topics(domain)) >= 30
    for topic in topics.all_topics(domain):
        metadata = topics.topic_metadata(domain, topic)
        text = domain["responses"][topics.response_name(topic)][0]["text"].lower()
        assert metadata["title"] and metadata["more"] and metadata["categories"] and metadata["aspect"], topic
        assert all(fact.lower() in text for fact in metadata["key_facts"]), topic


@pytest.mark.parametrize("last, text, expected", [
    ("mit_cost", "and for international members?", "international_dues"),
    ("general_eligibility", "how much is that?", "general_cost"),
    ("international_vs_general", "what about retired?", "retired_rights"),
    ("associate_eligibility", "and how much does it cost", "associate_cost"),
    ("general_cost", "what about allied health?", "allied_health_cost"),
])
def test_a_follow_up_keeps_what_it_leaves_out(domain, entities_of, last, text, expected):
    category = topics.category_of(entities_of(text))
    assert followups.followup_topic(domain, last, topics.aspect_of(text), category) == expected


def test_a_follow_up_without_context_finds_nothing(domain):
    assert followups.followup_topic(domain, None, "cost", None) is None


def test_last_answered_topic_reads_the_bot_turns():
    events = [{"event": "bot", "metadata": {"utter_action": "utter_faq/mit_cost"}},
              {"event": "user", "text": "ok"}, {"event": "bot", "metadata": {"utter_action": "utter_greet"}}]
    assert topics.last_answered_topic(events) == "mit_cost"
    assert topics.last_answered_topic([]) is None


def test_suggestions_are_known_topics_from_the_ranking(domain):
    parse_data = {"response_selector": {"faq": {"ranking": [
        {"intent_response_key": "faq/general_cost", "confidence": 0.4},
        {"intent_response_key": "faq/not_a_topic", "confidence": 0.3},
        {"intent_response_key": "faq/mit_cost", "confidence": 0.2},
        {"intent_response_key": "faq/benefits", "confidence": 0.01}]}}}
    assert suggestions.known_topics(domain, topics.likely_topics(parse_data)) == ["general_cost", "mit_cost"]
    button = suggestions.topic_button(domain, "mit_cost")
    assert json.loads(button["payload"][len("/choose_topic"):]) == {"topic": "mit_cost"}
    assert button["title"] == topics.topic_metadata(domain, "mit_cost")["title"]


def test_a_topic_without_metadata_is_named_in_words(domain):
    assert topics.topic_title(domain, "no_such_topic") == "no such topic"


def test_a_second_miss_in_a_row_is_noticed():
    first_miss = [{"event": "user"}, {"event": "action", "name": "action_did_you_mean"}, {"event": "user"}]
    answered_between = [{"event": "user"}, {"event": "action", "name": "action_did_you_mean"},
                        {"event": "user"}, {"event": "action", "name": "utter_faq"}, {"event": "user"}]
    assert suggestions.missed_before(first_miss, "action_did_you_mean")
    assert not suggestions.missed_before(answered_between, "action_did_you_mean")
    assert not suggestions.missed_before([{"event": "user"}], "action_did_you_mean")


@pytest.mark.parametrize("answered, question, own_topic, expected", [
    (["associate_eligibility"], "how much do they pay", "general_cost", "associate_cost"),
    # in context already answered: the question's own reading, if it asks something else
    (["associate_eligibility", "associate_cost"], "how much do they pay", "retired_rights", "retired_rights"),
    # ... and nothing if it asks the same again
    (["international_dues"], "or how much does it cost?", "general_cost", None),
    # ... or reads as the answer just given, which says it ($77 in the first year)
    (["dues_after_graduation"], "how much will it be the first year?", "dues_after_graduation", None),
])
def test_a_follow_up_among_several_questions(domain, answered, question, own_topic, expected):
    assert followups.answer_after(domain, answered, question, own_topic) == expected


@pytest.mark.parametrize("answered, question, category, expected", [
    (["benefits"], "does it cost money?", "member_in_training", "mit_cost"),  # an MS3 in Arizona
    (["benefits"], "does it cost money?", None, "general_cost"),              # nothing says who they are
    (["associate_eligibility"], "how much do they pay", "member_in_training", "associate_cost"),  # about associates
])
def test_a_follow_up_to_an_answer_about_every_category_asks_about_the_visitors_own(
        domain, answered, question, category, expected):
    assert followups.answer_after(domain, answered, question, "general_cost", category) == expected


@pytest.mark.parametrize("category, aspect, expected", [
    ("member_in_training", None, "mit_cost"), ("member_in_training", "eligibility", "mit_eligibility"),
    ("medical_student", "eligibility", "student_membership"), ("medical_student", "cost", None),
    ("retired", None, None), (None, None, None)])
def test_a_named_category_settles_the_best_ranked_suggestion_about_it(domain, category, aspect, expected):
    candidates = ["who_can_join", "mit_cost", "student_membership", "mit_eligibility"]
    assert suggestions.settled_by_category(domain, candidates, category, aspect) == expected


def test_the_margin_is_between_the_two_best_answers():
    ranking = [{"intent_response_key": "faq/dues_after_graduation", "confidence": 0.49},
               {"intent_response_key": "faq/allied_health_cost", "confidence": 0.45}]
    assert topics.faq_margin({"response_selector": {"faq": {"ranking": ranking}}}) == pytest.approx(0.04)
    assert topics.faq_margin({"response_selector": {"faq": {"ranking": ranking[:1]}}}) == 1.0


def test_several_questions_likelier_topics_are_taken_in_turn():
    assert suggestions.taken_in_turn([["benefits", "mit_eligibility"], ["mit_cost", "benefits", "general_cost"]]) == [
        "benefits", "mit_cost", "mit_eligibility", "general_cost"]


def test_a_follow_up_after_the_engines_answer_is_about_the_engines_category():
    faq_answer = {"event": "bot", "metadata": {"utter_action": "utter_faq/how_to_join"}}
    engine = {"event": "action", "name": "action_quote"}
    assert followups.engine_answered_last([faq_answer, {"event": "user"}, engine, {"event": "user"}])
    assert not followups.engine_answered_last([engine, {"event": "user"}, faq_answer])
    assert not followups.engine_answered_last([])


@pytest.mark.parametrize("answered, category, expected", [
    (["who_can_join"], None, True),  # "Is membership open to radiologists from Canada? How much for them?"
    (["who_can_join"], "member_in_training", False),  # the visitor's category says which
    (["associate_eligibility"], None, False),  # the answer before names the category
    ([], None, False),
])
def test_a_follow_up_leans_on_nothing_after_an_answer_about_every_category(domain, answered, category, expected):
    assert followups.leans_on_nothing(domain, answered, category) is expected
