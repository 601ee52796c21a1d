"""`make content-check`: the content as it stands passes, and each kind of mistake is caught."""
from datetime import date

import pytest

import membership
import membership.schedule
from content import check as content_check


def test_the_content_as_it_stands_passes():
    assert content_check.problems() == []


def test_a_figure_in_no_schedule_is_caught(monkeypatch):
    monkeypatch.setattr(content_check, "all_response_texts", lambda: ["Dues are $77, or $1,234.50 with extras."])
    assert [problem.split(",")[0] for problem in content_check.figure_problems()] == [
        "an answer states $1234.5"]


def test_a_year_without_a_schedule_warns_and_does_not_fail(monkeypatch):
    monkeypatch.setattr(content_check.membership, "available_years", lambda: [2025, 2026])
    warnings = content_check.schedule_warnings(date(2027, 1, 1))
    assert [warning.split(":")[0] for warning in warnings] == ["no dues schedule for 2027 yet"]
    assert "give the 2026 figures as 2026's" in warnings[0]
    assert content_check.schedule_problems() == []


@pytest.mark.parametrize("today, years_warned", [
    (date(2026, 6, 30), []),
    (date(2026, 10, 1), [2027]),
    (date(2026, 12, 31), [2027]),
    (date(2028, 11, 30), [2028, 2029]),
])
def test_next_years_schedule_is_asked_for_from_october(monkeypatch, today, years_warned):
    monkeypatch.setattr(content_check.membership, "available_years", lambda: [2025, 2026])
    warnings = content_check.schedule_warnings(today)
    assert [int(warning.split()[4]) for warning in warnings] == years_warned


def test_a_wrong_schedule_fails(monkeypatch, tmp_path):
    (tmp_path / "2026.yml").write_text("year: 2025\n", encoding="utf-8")
    monkeypatch.setattr(membership.schedule, "SCHEDULE_DIR", tmp_path)
    problems = content_check.schedule_problems()
    assert len(problems) == 1 and problems[0].startswith("membership/schedule/2026.yml:")


def test_the_command_warns_and_passes_without_this_years_schedule(monkeypatch, capsys):
    monkeypatch.setenv(membership.dates.TODAY_VARIABLE, "2031-02-01")
    assert content_check.main() == 0
    assert "- warning: no dues schedule for 2031 yet" in capsys.readouterr().out


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
    monkeypatch.setattr(content_check, "heldout_texts", lambda: ["Who can join?", "a phrasing nobody trained on"])
    monkeypatch.setattr(content_check, "training_examples", lambda: {"who can join?"})
    assert content_check.heldout_problems() == [
        "held-out message is also a training example: 'Who can join?'"]


def test_a_held_out_message_trained_on_with_other_punctuation_or_case_is_caught(monkeypatch):
    monkeypatch.setattr(content_check, "heldout_texts", lambda: ["members only resources?", "Hi there!", "hi, who"])
    monkeypatch.setattr(content_check, "training_examples", lambda: {"members-only resources", "hi there"})
    assert content_check.heldout_problems() == [
        "held-out message is also a training example: 'members only resources?'",
        "held-out message is also a training example: 'Hi there!'"]


PAGE_TEXT = content_check.MEMBERSHIP_PAGE.read_text(encoding="utf-8")


@pytest.mark.parametrize("topic", sorted(content_check.faq_responses()))
def test_every_faq_answer_rests_on_sentences_found_on_the_page(topic):
    sources = content_check.faq_responses()[topic]["metadata"]["sources"]
    assert sources
    assert [source for source in sources if not content_check.on_the_page(source, PAGE_TEXT)] == []


def test_a_source_is_found_whatever_the_line_breaks_and_spacing():
    assert content_check.on_the_page("How much is an allied health membership?\n  Find the schedule of dues here.",
                                     PAGE_TEXT)
    assert not content_check.on_the_page("This category is free for everyone.", PAGE_TEXT)
    assert not content_check.on_the_page("   ", PAGE_TEXT)


@pytest.mark.parametrize("source, found", [
    ("schedule:2026:first_year_of_practice", True),
    ("schedule:2026:platinum", False),
    ("schedule:1999:first_year_of_practice", False),
    ("schedule:next:first_year_of_practice", False),
])
def test_a_dues_schedule_figure_may_be_a_source(source, found):
    assert content_check.in_a_schedule(source) is found


def test_an_answer_without_sources_or_with_a_source_not_on_the_page_is_caught(monkeypatch):
    responses = {
        "unsourced": {"text": "An answer.", "metadata": {}},
        "invented": {"text": "An answer.", "metadata": {"sources": ["This category is free.", "Dues are optional."]}},
        "figure": {"text": "An answer.", "metadata": {"sources": ["schedule:2026:first_year_of_practice"]}},
    }
    monkeypatch.setattr(content_check, "faq_responses", lambda: responses)
    assert content_check.source_problems() == [  # topics in alphabetical order
        "topic invented: source not found word for word on the membership page "
        "(docs/source/acr_membership_page.txt) nor in a dues schedule: 'Dues are optional.'",
        "topic unsourced: no sources: list the membership page's sentences the answer rests on under metadata.sources",
    ]
    assert "topic invented" in " ".join(content_check.problems())
