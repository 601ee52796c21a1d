"""The action classes run as the action server runs them: a rasa_sdk Tracker in,
events and messages out. Their day is pinned: the actions ask the calendar for today."""
import asyncio
from datetime import date

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.actions import (ActionAnswerFollowup, ActionAnswerQuestions, ActionAnswerTopic, ActionDidYouMean,
                             ActionQuote, ActionShowSources, ActionTellMore, ValidateProfileForm)
from language.profile import PROFILE_FIELDS
from tests.language_fixtures import TODAY


@pytest.fixture(autouse=True)
def pin_today(monkeypatch):
    """Pins the day the actions take for today (TODAY unless a test pins another)."""
    def pin(day: date):
        monkeypatch.setenv("ASSISTANT_TODAY", day.isoformat())
    pin(TODAY)
    return pin


def tracker(text="", intent="inform", entities=(), slots=None, events=(), parse_extra=None):
    all_slots = {field: None for field in PROFILE_FIELDS}
    all_slots.update({"requested_slot": None, **(slots or {})})
    message = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": list(entities),
               **(parse_extra or {})}
    return Tracker("visitor", all_slots, message, list(events), False, None, {}, "action_listen")


def run(action, tracker_, domain):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker_, domain))
    return dispatcher.messages, events


def test_the_form_fills_what_a_message_says_and_asks_for_the_next_fact(domain, entities_of):
    text = "I'm a radiologist in Ohio"
    messages, events = run(ValidateProfileForm(), tracker(text, "ask_personal", entities_of(text)), domain)
    slots = {event["name"]: event["value"] for event in events if event["event"] == "slot"}
    assert slots["country"] == "US" and slots["profession"] == "physician"
    assert slots["requested_slot"] == "certifications"


def test_the_form_is_done_when_the_engine_has_all_it_needs(domain, entities_of):
    text = "I'm a resident in Canada, what do I pay?"
    _, events = run(ValidateProfileForm(), tracker(text, "ask_personal", entities_of(text)), domain)
    assert SlotSet("requested_slot", None) in events


def test_a_yes_answers_the_question_asked(domain):
    asked = {"requested_slot": "dues_paid_for_year", "stage": "retired", "retired_on": "2026-01-10",
             "retirement_notified_on": "2026-02-02"}
    _, events = run(ValidateProfileForm(), tracker("yes", "affirm", slots=asked), domain)
    assert SlotSet("dues_paid_for_year", True) in events


def test_the_quote_states_the_category_and_the_engines_figure(domain):
    slots = {"profession": "physician", "stage": "in_practice", "country": "US", "certifications": ["ABR"],
             "service": "veterans_affairs"}
    messages, events = run(ActionQuote(), tracker("what do I pay", "ask_personal", slots=slots), domain)
    assert "General member" in messages[0]["text"]
    assert "$482.50" in messages[0]["text"]
    assert events == [SlotSet("feedback_topic", "personal_quote"), SlotSet("quoted_category", "general")]


def test_a_what_if_does_not_change_the_profile(domain, entities_of):
    slots = {"profession": "physician", "stage": "in_practice", "country": "US", "certifications": ["ABR"]}
    text = "and if I were on active duty?"
    messages, events = run(ActionQuote(), tracker(text, "what_if", entities_of(text), slots=slots), domain)
    assert messages[0]["text"].startswith("If that were so: You'd be: General member.")
    assert "$482.50" in messages[0]["text"]
    assert events == [SlotSet("feedback_topic", "personal_quote")]  # no profile change, no category


def test_tell_more_expands_the_last_answer(domain):
    events = [{"event": "bot", "metadata": {"utter_action": "utter_faq/mit_cost"}}]
    messages, _ = run(ActionTellMore(), tracker("tell me more", "tell_more", events=events), domain)
    assert messages[0]["text"] == domain["responses"]["utter_faq/mit_cost"][0]["metadata"]["more"]


@pytest.mark.parametrize("topic, response", [("general_cost", "utter_faq/general_cost"),
                                             ("<script>", "utter_ask_rephrase")])
def test_a_suggestion_button_answers_only_known_topics(domain, topic, response):
    entities = [{"entity": "topic", "value": topic}]
    messages, _ = run(ActionAnswerTopic(), tracker("/choose_topic", "choose_topic", entities), domain)
    assert messages[0]["response"] == response


def test_did_you_mean_offers_buttons_then_admits_it_does_not_know(domain):
    ranking = {"response_selector": {"faq": {"ranking": [
        {"intent_response_key": "faq/general_cost", "confidence": 0.3},
        {"intent_response_key": "faq/retired_dues", "confidence": 0.25}]}}}
    first, _ = run(ActionDidYouMean(), tracker("dues thing", "nlu_fallback", parse_extra=ranking,
                                               events=[{"event": "user"}]), domain)
    assert [button["payload"] for button in first[0]["buttons"]] == [
        '/choose_topic{"topic": "general_cost"}', '/choose_topic{"topic": "retired_dues"}']
    missed = [{"event": "user"}, {"event": "action", "name": "action_did_you_mean"}, {"event": "user"}]
    second, _ = run(ActionDidYouMean(), tracker("hmm", "nlu_fallback", parse_extra=ranking, events=missed), domain)
    assert second[0]["response"] == "utter_dont_know"


def test_not_eligible_says_so_with_the_engines_reasons(domain, entities_of):
    slots = {"profession": "mri_scientist", "certifications": [], "country": "US"}
    messages, _ = run(ActionQuote(), tracker("am I eligible", "ask_personal", slots=slots), domain)
    assert messages[0]["text"].startswith("From what you've told me, you're not eligible")
    assert "ARRT" in messages[0]["text"]


def test_a_what_if_with_facts_missing_keeps_them_and_asks_on(domain, entities_of):
    text = "what if I lived in Canada"
    messages, events = run(ActionQuote(), tracker(text, "what_if", entities_of(text)), domain)
    assert messages == []
    assert SlotSet("country", "CA") in events and events[-1] == {"event": "followup", "name": "profile_form",
                                                                  "timestamp": None}


def test_a_question_in_the_middle_of_the_form_sets_nothing(domain, entities_of):
    text = "is there a discount for the military?"
    asked = {"requested_slot": "country", "profession": "physician", "stage": "in_practice"}
    _, events = run(ValidateProfileForm(), tracker(text, "faq", entities_of(text), slots=asked), domain)
    assert not [event for event in events if event.get("name") == "service"]


def test_starting_the_form_remembers_what_the_visitor_said_before(domain, entities_of):
    earlier = "IMG here, still waiting to match. can i be a member?"
    events = [{"event": "user", "text": earlier, "parse_data": {"intent": {"name": "faq"},
                                                                "entities": entities_of(earlier)}},
              {"event": "user", "text": "can a radiologist from Germany join?",
               "parse_data": {"intent": {"name": "faq"}, "entities": entities_of("can a radiologist from Germany join?")}},
              {"event": "user", "text": "ECFMG"}]
    _, events_out = run(ValidateProfileForm(), tracker("ECFMG", "inform", entities_of("ECFMG"), events=events), domain)
    slots = {event["name"]: event["value"] for event in events_out if event["event"] == "slot"}
    assert slots["stage"] == "awaiting_residency" and slots["certifications"] == ["ECFMG"]
    assert "country" not in slots or slots["country"] != "DE"


def test_an_answer_to_the_question_asked_counts_whatever_the_intent(domain, entities_of):
    asked = {"requested_slot": "country", "profession": "medical_student", "stage": "student"}
    _, events = run(ValidateProfileForm(), tracker("australia", "faq", entities_of("australia"), slots=asked), domain)
    assert SlotSet("country", "AU") in events


def test_the_status_change_is_given_in_words(domain):
    slots = {"profession": "physician", "stage": "in_practice", "country": "US", "certifications": ["ABR"],
             "training_completed_on": "2025-06-01", "dues_year": 2026}
    messages, _ = run(ActionQuote(), tracker("what do I pay", "ask_personal", slots=slots), domain)
    assert "National dues for 2026: $77." in messages[0]["text"]
    assert "Your status changes on December 1, 2025 to general member; your first dues year is 2026." in messages[0]["text"]


def test_a_personal_question_gets_the_general_rule_before_the_forms_first_question(domain, entities_of):
    text = "I retired in February after paying my dues, do I get a refund?"
    rule = {"response_selector": {"faq": {"response": {"intent_response_key": "faq/retired_dues",
                                                       "confidence": 0.9}}}}
    messages, events = run(ValidateProfileForm(), tracker(text, "ask_personal", entities_of(text),
                                                          parse_extra=rule), domain)
    assert [message["response"] for message in messages] == ["utter_faq/retired_dues"]
    asked = [event["value"] for event in events if event.get("name") == "requested_slot"]
    assert asked and asked[-1] is not None  # and the form still asks its question


def test_the_rule_is_given_only_when_the_form_starts(domain, entities_of):
    rule = {"response_selector": {"faq": {"response": {"intent_response_key": "faq/retired_dues",
                                                       "confidence": 0.9}}}}
    asked = {"requested_slot": "retired_on", "stage": "retired"}
    text = "february"
    messages, _ = run(ValidateProfileForm(), tracker(text, "ask_personal", entities_of(text), slots=asked,
                                                     parse_extra=rule), domain)
    assert messages == []


@pytest.mark.parametrize("intent, leads_with_the_rule", [("inform", True), ("what_if", False)])
def test_a_question_read_as_a_lone_fact_gets_the_rule_too_but_not_a_what_if(domain, entities_of, intent,
                                                                           leads_with_the_rule):
    text = "retired now, could I stand for elected office?"
    rule = {"response_selector": {"faq": {"response": {"intent_response_key": "faq/retired_rights",
                                                       "confidence": 0.9}}}}
    messages, _ = run(ValidateProfileForm(), tracker(text, intent, entities_of(text), parse_extra=rule), domain)
    assert bool(messages) is leads_with_the_rule


def test_after_new_year_the_latest_published_figure_is_given_as_that_years(domain, pin_today):
    pin_today(date(2027, 1, 15))
    slots = {"profession": "physician", "stage": "in_practice", "country": "US", "certifications": ["ABR"]}
    messages, _ = run(ActionQuote(), tracker("what do I pay", "ask_personal", slots=slots), domain)
    assert "The 2027 national dues for general members are not published yet; for 2026 they were $965." in (
        messages[0]["text"])
    assert "National dues for 2027" not in messages[0]["text"]


def test_in_december_next_year_is_quoted_for_next_year(domain, entities_of, pin_today):
    pin_today(date(2026, 12, 10))
    slots = {"profession": "physician", "stage": "in_practice", "country": "US", "certifications": ["ABR"],
             "training_completed_on": "2026-06-01"}
    text = "and what do I pay next year?"
    messages, _ = run(ActionQuote(), tracker(text, "what_if", entities_of(text), slots=slots), domain)
    assert "The 2027 national dues for members in their first year of practice are not published yet; for 2026 " \
           "they were $77." in messages[0]["text"]


def test_the_quote_message_keeps_its_reasons_for_a_later_source_question(domain):
    slots = {"profession": "physician", "stage": "in_practice", "country": "US", "certifications": ["ABR"]}
    messages, _ = run(ActionQuote(), tracker("what do I pay", "ask_personal", slots=slots), domain)
    reasons = messages[0]["reasons"]
    assert reasons and all(set(reason) == {"text", "source"} for reason in reasons)


def test_source_after_an_answer_quotes_the_page_and_links_it(domain):
    events = [{"event": "user", "text": "is it free for residents"},
              {"event": "bot", "metadata": {"utter_action": "utter_faq/mit_cost"}},
              {"event": "user", "text": "source?"}]
    messages, events_out = run(ActionShowSources(), tracker("source?", "ask_source", events=events), domain)
    assert "\u201cHow much is a member-in-training membership? This category is free.\u201d" in messages[0]["text"]
    assert "https://www.acr.org/Membership/Join" in messages[0]["text"]
    assert events_out == []


def test_source_before_any_answer_says_so(domain):
    messages, _ = run(ActionShowSources(), tracker("why?", "ask_source", events=[{"event": "user", "text": "why?"}]),
                      domain)
    assert messages[0]["response"] == "utter_no_answer_to_source"


def test_source_before_any_answer_gets_a_clear_page_answer_to_what_was_asked(domain):
    selection = {"intent_ranking": [{"name": "ask_source"}, {"name": "faq"}],
                 "response_selector": {"faq": {"response": {"intent_response_key": "faq/how_to_join",
                                                            "confidence": 0.98}}}}
    messages, events = run(ActionShowSources(), tracker("link to application pls", "ask_source", parse_extra=selection),
                           domain)
    assert messages[0]["response"] == "utter_faq/how_to_join" and events == []


def test_each_question_gets_its_answer_and_one_that_could_not_be_placed_asks_which_topic(domain):
    questions = [{"kind": "faq", "topic": "mit_cost", "question": "is it free for residents?"},
                 {"kind": "unsure", "question": "can my wife who is a sonographer join?",
                  "suggestions": ["allied_health_eligibility", "who_can_join", "no_such_topic"]}]
    several = tracker("...", "several_questions", parse_extra={"questions": questions})
    messages, _ = run(ActionAnswerQuestions(), several, domain)
    assert [message["response"] for message in messages] == ["utter_faq/mit_cost", "utter_which_topic"]
    assert messages[1]["question"] == '"can my wife who is a sonographer join?"'
    assert [button["title"] for button in messages[1]["buttons"]] == [
        "Who can join as an allied health member?", "Who can join the ACR?"]


def test_questions_that_could_not_be_placed_share_one_which_topic_reply(domain):
    questions = [{"kind": "unsure", "question": "what do i get", "suggestions": ["benefits", "mit_eligibility"]},
                 {"kind": "faq", "topic": "contact", "question": "who do i call"},
                 {"kind": "unsure", "question": "do i pay", "suggestions": ["mit_cost", "benefits", "general_cost"]}]
    messages, _ = run(ActionAnswerQuestions(), tracker("...", "several_questions", parse_extra={"questions": questions}),
                      domain)
    assert [message["response"] for message in messages] == ["utter_which_topic", "utter_faq/contact"]
    assert messages[0]["question"] == '"what do i get" and "do i pay"'
    assert [button["payload"] for button in messages[0]["buttons"]] == [
        f'/choose_topic{{"topic": "{topic}"}}' for topic in ("benefits", "mit_cost", "mit_eligibility")]


@pytest.mark.parametrize("text, expected", [
    ("who is eligible to apply for a medical student membership?", "utter_faq/student_membership"),
    ("who is eligible to apply?", None),  # names no category: the visitor chooses
    ("what do retired members get?", None),  # no suggestion is about the category named
    ("how much do medical students pay?", None),  # nor about what it asks of it
])
def test_did_you_mean_answers_the_suggestion_the_named_category_settles(domain, entities_of, text, expected):
    ranking = {"response_selector": {"faq": {"ranking": [
        {"intent_response_key": "faq/who_can_join", "confidence": 0.23},
        {"intent_response_key": "faq/student_membership", "confidence": 0.21},
        {"intent_response_key": "faq/how_to_join", "confidence": 0.07}]}}}
    messages, _ = run(ActionDidYouMean(), tracker(text, "nlu_fallback", entities_of(text), parse_extra=ranking,
                                                  events=[{"event": "user"}]), domain)
    assert messages[0].get("response") == expected
    assert bool(messages[0].get("buttons")) == (expected is None)


def test_what_do_you_mean_after_the_engines_answer_gives_its_reasons(domain):
    slots = {"profession": "physician", "stage": "resident", "country": "CA"}
    quoted, _ = run(ActionQuote(), tracker("what do I pay", "ask_personal", slots=slots), domain)
    events = [{"event": "user", "text": "what do I pay"}, {"event": "action", "name": "action_quote"},
              {"event": "bot", "text": quoted[0]["text"], "metadata": {"reasons": quoted[0]["reasons"]}},
              {"event": "user", "text": "what do you mean"}]
    messages, _ = run(ActionTellMore(), tracker("what do you mean", "tell_more", slots=slots, events=events), domain)
    assert "Residents and fellows in an approved radiology residency" in messages[0]["text"]
    assert "Source:" in messages[0]["text"]


def test_what_do_you_mean_before_any_answer_says_what_it_can_do(domain):
    messages, _ = run(ActionTellMore(), tracker("sorry what", "tell_more", events=[{"event": "user"}]), domain)
    assert messages[0]["response"] == "utter_what_can_you_do"


def faq_reading(*ranked):
    ranking = [{"intent_response_key": f"faq/{topic}", "confidence": confidence} for topic, confidence in ranked]
    return {"response_selector": {"faq": {"response": ranking[0], "ranking": ranking}}}


def test_is_it_free_after_the_engines_answer_asks_about_the_visitors_category(domain):
    engine_spoke = [{"event": "user"}, {"event": "action", "name": "action_quote"}, {"event": "user"}]
    messages, _ = run(ActionAnswerFollowup(), tracker("is it free?", "followup", slots={
        "quoted_category": "member_in_training"}, events=engine_spoke,
        parse_extra=faq_reading(("general_cost", 0.54), ("mit_cost", 0.19))), domain)
    assert messages[0]["response"] == "utter_faq/mit_cost"


@pytest.mark.parametrize("ranked, response", [
    ([("general_cost", 0.54), ("mit_cost", 0.19)], "utter_faq/general_cost"),  # as the FAQ would answer it
    ([("general_cost", 0.3), ("mit_cost", 0.28)], None),  # a toss-up: "did you mean"
])
def test_a_follow_up_with_nothing_before_is_answered_as_the_faq_would(domain, ranked, response):
    messages, _ = run(ActionAnswerFollowup(), tracker("is it free?", "followup", events=[{"event": "user"}],
                                                      parse_extra=faq_reading(*ranked)), domain)
    assert messages[0].get("response") == response
    assert bool(messages[0].get("buttons")) is (response is None)


def test_an_unsure_question_that_names_its_category_is_answered(domain, entities_of):
    text = "Do fellows pay? And do you offer anything for spouses?"
    planned = {"questions": [{"kind": "unsure", "question": "Do fellows pay?", "suggestions": ["mit_cost"]},
                             {"kind": "not_on_page", "question": "And do you offer anything for spouses?"}]}
    messages, _ = run(ActionAnswerQuestions(), tracker(text, "several_questions", entities_of(text),
                                                       parse_extra=planned), domain)
    assert [message.get("response") for message in messages] == ["utter_faq/mit_cost", "utter_not_on_page"]


def test_a_follow_up_to_an_answer_about_every_category_from_an_unknown_visitor_asks_which_topic(domain):
    questions = [{"kind": "faq", "topic": "who_can_join", "question": "Is membership open to radiologists from Canada?"},
                 {"kind": "followup", "question": "How much for them?", "suggestions": ["general_cost", "mit_cost"]}]
    messages, _ = run(ActionAnswerQuestions(), tracker("...", "several_questions", parse_extra={"questions": questions}),
                      domain)
    assert [message["response"] for message in messages] == ["utter_faq/who_can_join", "utter_which_topic"]
    assert messages[1]["question"] == '"How much for them?"'


def test_a_follow_up_asking_the_same_again_gets_nothing_more(domain):
    questions = [{"kind": "faq", "topic": "international_dues", "question": "is international membership free"},
                 {"kind": "followup", "topic": "general_cost", "question": "or how much does it cost?",
                  "suggestions": ["general_cost"]}]
    messages, _ = run(ActionAnswerQuestions(), tracker("...", "several_questions", parse_extra={"questions": questions}),
                      domain)
    assert [message["response"] for message in messages] == ["utter_faq/international_dues"]
