"""Every reason names what it rests on, and that source exists: a sentence of the
membership page, word for word, or a figure or document of the dues schedules."""

import pytest
from tests.membership.engine_profiles import AS_OF, CHECKS, PROFILES, RESIDENT, US_RADIOLOGIST, on_the_page
from hypothesis import given

from content import check as content_check

from membership import available_years, load_schedule, page, quote
from membership.reasons import document_named, figure_named

def in_a_schedule(source):
    if figure_named(source):
        return content_check.in_a_schedule(source)
    document = document_named(source)
    return document is not None and all(document in load_schedule(year).sources for year in available_years())


def sources_of(answer):
    """Every source an answer gives: its reasons', its status change's and its refund's, its latest figure's."""
    change = answer["status_change"] or {}
    reasons = answer["reasons"] + [answer["refund_reason"], change.get("reason"), answer["latest_published"]]
    return [reason["source"] for reason in reasons if reason]


def unfounded(answer):
    return [source for source in sources_of(answer) if not (on_the_page(source) or in_a_schedule(source))]


@CHECKS
@given(PROFILES)
def test_every_source_is_on_the_page_or_in_a_schedule(profile):
    assert unfounded(quote(profile)) == []


SHOWCASE = [
    US_RADIOLOGIST,
    {**US_RADIOLOGIST, "service": "veterans_affairs", "dues_year": 2027},
    {**US_RADIOLOGIST, "country": "CA", "training_completed_on": "2023-06-30"},
    {**RESIDENT, "country": "DE", "training_completed_on": "2025-06-30"},
    {**RESIDENT, "country": "US", "stage": "fellow", "certifications": ["ECFMG"]},
    {**RESIDENT, "country": "DE", "specialty": "other"},
    {"profession": "physician", "stage": "awaiting_residency", "certifications": ["ECFMG"]},
    {"profession": "medical_student", "country": "IN", "medical_school_years": 6},
    {"stage": "retired", "retired_on": "2025-05-01", "dues_paid_for_year": True, **US_RADIOLOGIST},
    {"stage": "retired", "retired_on": "2025-01-05", "retirement_notified_on": "2025-02-01",
     "dues_paid_for_year": True},
]


@pytest.mark.parametrize("profile", SHOWCASE)
def test_every_source_of_the_main_cases_is_found(profile):
    answer = quote({**profile, "as_of": AS_OF})
    assert unfounded(answer) == []
    assert all(reason["source"] for reason in answer["reasons"])


NOT_QUOTES = {"URL", "CONTACT", "TEAM_ROUTE"}  # the page's address and the route built from it


def test_the_page_sentences_the_engine_cites_are_on_the_page():
    quoted = {name: text for name, text in vars(page).items() if name.isupper() and name not in NOT_QUOTES}
    assert [name for name, text in quoted.items() if not on_the_page(text)] == []


def test_the_page_address_is_the_schedules():
    assert {load_schedule(year).sources["membership_page"].url for year in available_years()} == {page.URL}


@pytest.mark.parametrize("source", ["This category is costly.", "schedule:2026:platinum", "schedule:2019:international",
                                    "source:a_blog"])
def test_an_invented_source_is_caught(source):
    assert not (on_the_page(source) or in_a_schedule(source))


def test_a_schedule_figure_in_words_names_the_document_the_schedule_takes_it_from():
    from membership import source_in_words
    from membership.reasons import figure_citation
    latest = max(available_years())
    cited = load_schedule(latest).figure("first_year_of_practice").source.citation()
    assert figure_citation(f"schedule:{latest}:first_year_of_practice") == cited
    assert source_in_words(f"schedule:{latest}:first_year_of_practice") == (
        f"the ACR {latest} dues schedule (first year of practice), from {cited}")
    assert figure_citation("schedule:1999:first_year_of_practice") is None
    assert figure_citation("This category is free.") is None
