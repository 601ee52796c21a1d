"""Finding each question of a message, and the answers they get."""
import re
from dataclasses import replace

import pytest
from hypothesis import given, strategies as st

from language.questions import (NOT_ON_PAGE, PERSONAL, Answer, Reading, about_others, about_someone_else, asked,
                                engine_covers, in_context, leans_on_answer_before, parts, plan, questions, without)


@pytest.mark.parametrize("text, expected", [
    ("do students get in free, and is there anything for people in the Air Force?",
     ["do students get in free", "is there anything for people in the Air Force?"]),
    ("is it free for residents? and does it stay free through fellowship",
     ["is it free for residents?", "does it stay free through fellowship"]),
    ("what is an associate member, how much do they pay, and can they hold office?",
     ["what is an associate member", "how much do they pay", "can they hold office?"]),
    ("who can join and how do i apply", ["who can join", "how do i apply"]),
    ("I would like to know the fee for international members and whether I can attend the annual meeting.",
     ["I would like to know the fee for international members", "whether I can attend the annual meeting."]),
    # background first: the question alone
    ("I trained in the U.S. and I retired last year. Do I still pay dues?", ["Do I still pay dues?"]),
    ("Hi! I would like to know if I can join as a student", ["I would like to know if I can join as a student"]),
    ("retired now - can i still serve on committees, and do i pay anything?",
     ["retired now - can i still serve on committees", "do i pay anything?"]),
])
def test_each_question_is_found_in_the_order_asked(text, expected):
    assert questions(text) == expected


@pytest.mark.parametrize("text", [
    "what is the difference between general and international membership",
    "can residents and fellows join",
    "how much and when do i pay?",
    "my dues",
])
def test_one_plain_question_is_read_whole(text):
    assert questions(text) == []


def test_background_is_not_a_question():
    found = parts("PGY-2 rads resident in Ohio, is membership free for me? also my attending is in the reserves")
    assert [(part.text, part.is_question) for part in found] == [
        ("PGY-2 rads resident in Ohio", False), ("is membership free for me?", True),
        ("also my attending is in the reserves", False)]


PIECES = st.sampled_from(["a", "b", "c", "d", " ", ",", ".", "?", "!", ";", "\n", "and ", "how ", "is ", "U.S. "])


@given(st.lists(PIECES, max_size=40).map("".join))
def test_no_word_of_a_message_is_lost(text):
    words = re.findall(r"\w+", text)
    assert [word for part in parts(text) for word in re.findall(r"\w+", part.text)] == words


def reading(text, intent="faq", topic=None, confidence=0.9):
    return Reading(text, intent, topic, confidence)


def test_each_topic_is_answered_once_in_the_order_asked_and_three_at_most():
    readings = [reading(f"a page question, number {number} of five", topic=topic) for number, topic in
                enumerate(["mit_cost", "service_discount", "mit_cost", "benefits", "contact"])]
    assert [answer.topic for answer in plan(readings, False)] == ["mit_cost", "service_discount", "benefits"]


def test_an_unsure_reading_gets_no_answer_and_a_sure_one_keeps_its_question():
    answers = plan([reading("is it free", topic="mit_cost", confidence=0.2),
                    reading("any discount for the navy", topic="service_discount")], False)
    assert answers == [Answer("faq", "service_discount")] and answers[0].question == "any discount for the navy"


def test_a_follow_up_needs_an_answer_before_it():
    assert plan([reading("what does that cost", intent="followup", confidence=0.3)], False) == []
    assert plan([reading("what does that cost", intent="followup", topic="benefits", confidence=0.95)], False) == [
        Answer("faq", "benefits")]
    answers = plan([reading("who can be allied health", topic="allied_health_eligibility"),
                    reading("what does that cost", intent="followup", confidence=0.3)], False)
    assert answers == [Answer("faq", "allied_health_eligibility"), Answer("followup")]


def test_a_short_question_after_a_page_answer_is_a_follow_up():
    answers = plan([reading("What membership can I get", topic="apply_from_abroad"),
                    reading("how much?", topic="general_cost")], False)
    assert [answer.kind for answer in answers] == ["faq", "followup"] and answers[1].topic == "general_cost"


def test_a_question_that_refers_back_is_a_follow_up_even_when_read_alone():
    answers = plan([reading("what is an associate member", topic="associate_eligibility"),
                    reading("how much do they pay", topic="general_cost")], False)
    assert answers == [Answer("faq", "associate_eligibility"), Answer("followup", "general_cost")]


@pytest.mark.parametrize("intent, confidence, answered", [
    ("faq", 0.6, True), ("inform", 0.6, False), ("inform", 0.95, True), ("nlu_fallback", 0.95, True),
    ("greet", 0.99, False)])
def test_a_page_answer_read_without_diets_faq_must_be_clear(intent, confidence, answered):
    answers = plan([reading("is there a discount for VA employees?", intent, "service_discount", confidence)], False)
    assert (answers == [Answer("faq", "service_discount")]) is answered


def test_personal_and_page_questions_mixed():
    readings = [reading("is membership free for me?", intent="faq", topic="mit_cost", confidence=0.3),
                reading("is there a military discount for him?", topic="service_discount"),
                reading("can i get a receipt", intent="not_on_page")]
    assert plan(readings, True) == [PERSONAL, Answer("faq", "service_discount"), NOT_ON_PAGE]
    assert plan(readings, False) == [Answer("faq", "service_discount"), NOT_ON_PAGE]


def test_facts_in_a_question_about_someone_else_are_left_out():
    text = "I'm a resident in Ohio, do I pay? And is there a military discount for my attending?"
    entities = [{"entity": "stage", "start": 6, "end": 14}, {"entity": "service", "start": 58, "end": 66},
                {"entity": "stage", "start": 80, "end": 89}]
    blanked, kept = without(["And is there a military discount for my attending?"], text, entities)
    assert blanked.startswith("I'm a resident in Ohio, do I pay? ") and "attending" not in blanked
    assert len(blanked) == len(text) and kept == entities[:1]


@pytest.mark.parametrize("question, aspect, covered", [
    ("whats the fee", "cost", True),
    ("can i join", "eligibility", True),
    ("is there a military discount for my attending?", "cost", False),
    ("what does she pay", "cost", False),
    ("how do i apply", "other", False),
])
def test_the_engines_answer_covers_the_visitors_own_cost_and_eligibility(question, aspect, covered):
    assert engine_covers(Answer("faq", "topic", question), aspect) is covered


def test_what_a_message_says_about_others():
    text = "PGY-2 in Ohio, is it free for me? also my attending is in the reserves, is there a discount for him?"
    answers = [PERSONAL, Answer("faq", "service_discount", "is there a discount for him?")]
    assert about_others(text, answers) == ["is there a discount for him?", "also my attending is in the reserves"]


def test_two_follow_ups_are_two_questions_however_alike_their_readings():
    answers = plan([reading("what is an associate member", topic="associate_eligibility"),
                    reading("how much do they pay", confidence=0.3),
                    reading("can they hold office?", confidence=0.3)], False)
    assert [answer.question for answer in answers] == ["what is an associate member", "how much do they pay",
                                                       "can they hold office?"]


@pytest.mark.parametrize("text, asked", [
    ("I found the ACR annual meeting, which looks student friendly. How do I join as a student?",
     ["How do I join as a student?"]),
    ("I'm in the Navy. If I come back to civilian life, what would I pay in my first years?",
     ["If I come back to civilian life, what would I pay in my first years?"]),
    ("if i retire in june, do i get a refund, and can i still serve on committees?",
     ["if i retire in june, do i get a refund", "can i still serve on committees?"]),
])
def test_relative_clauses_and_conditions_stay_with_their_sentence(text, asked):
    assert questions(text) == asked


@pytest.mark.parametrize("question, names_facts, personal_message, expected", [
    ("do i still have to pay dues after that", False, False, Answer("followup", "retired_dues")),
    ("when would I qualify?", False, False, Answer("followup", "retired_dues")),
    # facts about the visitor, or a message that is about them: the engine's to answer
    ("do i still have to pay dues after that", True, False, PERSONAL),
    ("when would I qualify?", False, True, PERSONAL),
    # neither short nor pointing back: a question of its own
    ("what would I pay as a member in my first year of practice", False, False, PERSONAL),
])
def test_a_first_person_question_naming_nothing_after_a_page_answer_asks_about_it(
        question, names_facts, personal_message, expected):
    readings = [reading("is there a retired category", topic="retired_eligibility"),
                Reading(question, "ask_personal", "retired_dues", 0.95, names_facts)]
    # (beside the engine's answer, the page's clear answer, for the action to keep or drop)
    assert [answer for answer in plan(readings, personal_message)[1:] if answer.kind != "faq"] == [expected]


def test_a_first_person_question_with_no_page_answer_before_it_stays_personal():
    assert plan([Reading("when would I qualify?", "ask_personal", "retired_dues", 0.95)], False) == [PERSONAL]


def test_what_a_message_says_about_someone_else():
    text = "can a med student from Pakistan join? my wife is in the navy, is there a discount for her?"
    answers = [Answer("faq", "apply_from_abroad", "can a med student from Pakistan join?"),
               Answer("faq", "service_discount", "is there a discount for her?")]
    assert about_someone_else(text, answers) == ["is there a discount for her?", "my wife is in the navy"]
    text = "i'm an R3 in toronto. do i need to pay anything? and my co-resident is from brazil"
    assert about_someone_else(text, [PERSONAL]) == ["and my co-resident is from brazil"]


def test_a_page_question_the_classifiers_could_not_place_asks_which_of_its_likely_topics():
    unsure = Reading("can my wife who is a sonographer join?", "faq", "allied_health_eligibility", 0.36,
                     likely_topics=("allied_health_eligibility", "who_can_join"))
    answers = plan([reading("is it free for residents?", topic="mit_cost"), unsure], False)
    assert answers == [Answer("faq", "mit_cost"), Answer("unsure")]
    assert answers[1].suggestions == ("allied_health_eligibility", "who_can_join")
    # a guess under the floor, or a reading that is no page question, is not asked about
    for unplaceable in (replace(unsure, topic_confidence=0.1), replace(unsure, intent="greet")):
        assert plan([reading("a", topic="mit_cost"), unplaceable], False) == [Answer("faq", "mit_cost")]


def test_a_question_about_someone_else_in_a_message_about_the_visitor_is_a_page_question():
    readings = [reading("do i need to pay anything?", intent="ask_personal"),
                reading("also can my wife who is a sonographer join?", topic="allied_health_eligibility")]
    assert plan(readings, True) == [PERSONAL, Answer("faq", "allied_health_eligibility")]


def test_a_clear_page_answer_to_a_question_about_the_visitor_comes_beside_the_engines():
    readings = [reading("When exactly does my free membership stop", topic="mit_to_paid", confidence=0.98),
                reading("what do I owe in the first year?", intent="ask_personal")]
    assert plan(readings, True) == [Answer("faq", "mit_to_paid"), PERSONAL]
    unsure_of_it = [replace(readings[0], topic_confidence=0.6), readings[1]]
    assert plan(unsure_of_it, True) == [PERSONAL]
    assert plan(readings[:1], True) == [PERSONAL]  # one question: the form's lead states the page's rule


def test_what_a_message_asks_leaves_out_its_background():
    text = "PGY-1 here. I didn't know the ACR and the ABR were different. Do I need to be board certified to join?"
    assert asked(text) == "Do I need to be board certified to join?"
    assert asked("who can join?") == "who can join?"


def test_each_of_several_questions_is_also_read_after_the_background():
    text = "Retiring in May. Already paid this year's dues in January. Can I get that money back? Will I still be able to vote?"
    assert in_context(text) == [
        "Retiring in May. Already paid this year's dues in January. Can I get that money back?",
        "Retiring in May. Already paid this year's dues in January. Will I still be able to vote?"]
    assert in_context("Retiring in May. Can I get a refund? And how much?") == [
        "Retiring in May. Can I get a refund?", None]  # "how much?" asks about the question before it
    assert in_context("Retiring in May. Can I get a refund?") == []  # one question: the whole message is its context
    assert in_context("can I get a refund? and can I still vote?") == []  # no background


def test_a_short_opening_that_asks_nothing_stays_apart_from_the_question():
    assert questions("ok thanks, and is there a discount for VA docs?") == ["is there a discount for VA docs?"]
    assert questions("how much and when do I pay") == []  # a short question stays with the next


@pytest.mark.parametrize("text, names_facts, leans", [
    ("is it free?", False, True),
    ("and after I finish?", False, True),
    ("what about fellows?", True, True),
    ("is it free for residents?", True, False),
    ("who can join?", False, False),
])
def test_a_message_that_leans_on_the_answer_before(text, names_facts, leans):
    assert leans_on_answer_before(text, names_facts) is leans


def test_in_a_message_about_the_visitor_a_cost_naming_no_one_is_theirs():
    cost = replace(reading("how much is the membership", topic="general_cost", confidence=0.6), bare_cost=True)
    meeting = reading("can i attend the annual meeting", intent="not_on_page")
    assert [(answer.kind, answer.topic) for answer in plan([cost, meeting], True)] == [
        ("personal", None), ("not_on_page", None)]
    assert [(answer.kind, answer.topic) for answer in plan([cost, meeting], False)] == [
        ("faq", "general_cost"), ("not_on_page", None)]


@pytest.mark.parametrize("statement", ["did my residency in the US on a J1.", "have my boards from 2019 already."])
def test_a_statement_without_its_i_is_no_question(statement):
    found = parts(f"Canadian citizen here, {statement} Does my free membership continue?")
    assert [part.is_question for part in found] == [False, False, True]
