"""`make content-check`: the content as it stands passes, and each kind of mistake is caught."""
from datetime import date

from tools import content_check


def test_the_content_as_it_stands_passes():
    assert content_check.problems(date.today()) == []


def test_a_figure_in_no_schedule_is_caught(monkeypatch):
    monkeypatch.setattr(content_check, "all_response_texts", lambda: ["Dues are $77, or $1,234.50 with extras."])
    assert [problem.split(",")[0] for problem in content_check.figure_problems()] == [
        "an answer states $1234.5"]


def test_a_missing_schedule_year_is_caught():
    assert content_check.schedule_problems(date(2031, 1, 1)) == [
        "no dues schedule for 2031: add membership/schedule/2031.yml"]


def test_a_topic_without_tests_or_examples_is_caught(monkeypatch):
    responses = {"new_topic": {"text": "An answer.", "metadata": {"key_facts": ["missing fact"]}}}
    monkeypatch.setattr(content_check, "faq_responses", lambda: responses)
    assert content_check.topic_problems() == [
        "topic new_topic: key facts missing from the answer: ['missing fact']",
        "topic new_topic: 0 training examples, need 20",
        "topic new_topic: no test story in tests/stories/",
        "topic new_topic: no held-out questions in tests/heldout/faq.yml",
    ]


def test_a_held_out_message_that_is_also_trained_on_is_caught(monkeypatch):
    monkeypatch.setattr(content_check, "heldout_messages",
                        lambda: [{"text": "Who can join?", "topic": "who_can_join"},
                                 {"text": "a phrasing nobody trained on", "topic": "who_can_join"}])
    monkeypatch.setattr(content_check, "training_examples", lambda: {"who can join?"})
    assert content_check.heldout_problems() == [
        "held-out message is also a training example: 'Who can join?'"]
