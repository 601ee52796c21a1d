"""The engine's answers as the chat shows them (actions/rendering.py), for real engine answers."""
import pytest

import membership
from actions.rendering import (CATEGORY_NAMES, PAGE_LINK, money, quoted, shortened, render_answer_sources, render_quote,
                               render_sources, render_topic_sources)
from membership.page import URL

AS_OF = "2026-06-15"
RADIOLOGIST = {"profession": "physician", "stage": "in_practice", "specialty": "radiology", "country": "US",
               "certifications": ["ABR"]}
RESIDENT = {"profession": "physician", "stage": "resident", "specialty": "radiology"}
RETIREE = {**RADIOLOGIST, "stage": "retired", "retired_on": "2026-01-10", "dues_paid_for_year": True}


def shown(**profile):
    return render_quote(membership.quote({"as_of": AS_OF, **profile}))


def test_category_names_are_the_engines():
    assert CATEGORY_NAMES == {category.value: category.display_name for category in membership.Category}
    assert shown(**RESIDENT, country="US").startswith("You'd be: Member-in-training (MIT).\n")
    assert shown(**RESIDENT, country="DE").startswith("You'd be: International member-in-training.\n")


@pytest.mark.parametrize("profile", [
    {**RESIDENT, "country": "US"},
    {**RESIDENT, "country": "DE"},
    {"profession": "mri_scientist", "certifications": ["ARRT"]},
    RADIOLOGIST,
], ids=["member-in-training", "international member-in-training", "allied health", "general"])
def test_a_right_the_page_does_not_state_is_never_denied(profile):
    text = shown(**profile)
    assert ("Elective office: the membership page does not say. "
            "Board of Chancellors: the membership page does not say.") in text
    assert "cannot" not in text


@pytest.mark.parametrize("profile, line", [
    ({**RADIOLOGIST, "certifications": [], "completed_residency": True},
     "Elective office: you cannot hold it. Board of Chancellors: you cannot serve on it."),
    ({**RADIOLOGIST, "country": "DE", "certifications": ["national_board"]},
     "Elective office: you cannot hold it. Board of Chancellors: you cannot serve on it."),
    (RETIREE, "Elective office: you can hold it. Board of Chancellors: you cannot serve on it."),
], ids=["associate", "international", "retired"])
def test_rights_the_page_states_are_given(profile, line):
    assert line in shown(**profile)


def test_a_year_without_a_schedule_gives_the_latest_figure_as_that_years():
    latest = max(membership.available_years())
    figure = membership.load_schedule(latest).figure("general_physician").amount
    text = shown(**RADIOLOGIST, dues_year=latest + 1)
    assert (f"\nThe {latest + 1} national dues for general members are not published yet; for {latest} they were "
            f"{money(figure)}.\n") in text
    assert f"National dues for {latest + 1}" not in text


def test_a_refund_the_page_does_not_settle_is_said_so():
    text = shown(**RETIREE, retirement_notified_on="2026-04-02")
    assert "\nRefund: the membership page does not say for your case.\n" in text
    assert "No refund" not in text
    assert "You are due a full refund of this year's dues." in shown(**RETIREE, retirement_notified_on="2026-03-02")


def test_no_refund_line_where_no_refund_is_in_question():
    assert "Refund" not in shown(**RADIOLOGIST, dues_paid_for_year=True)


def test_an_automatic_status_change_is_given_in_words():
    text = shown(**RESIDENT, country="US", certifications=["ABR"], training_completed_on="2026-06-01")
    assert "Your status changes on December 1, 2026 to general member; your first dues year is 2027." in text


def test_an_international_trainees_change_is_not_said_to_be_automatic():
    text = shown(**RESIDENT, country="DE", training_completed_on="2026-06-01")
    assert "Your status changes" not in text and "you then become" not in text
    assert "normally ends within six months of the end of your training on June 1, 2026" in text


def test_an_answer_the_page_does_not_settle_is_not_a_refusal():
    text = shown(**{**RESIDENT, "country": "DE", "specialty": "other"})
    assert text.startswith("From what you've told me, the membership page does not say whether you can join.\n")
    assert "not eligible" not in text


def test_sources_are_listed_reason_by_reason():
    answer = membership.quote({"as_of": AS_OF, **RESIDENT, "country": "US"})
    text = render_sources(answer["reasons"])
    assert text.count("\n  Source: ") == len(answer["reasons"])
    assert '• Member-in-training membership is free.\n  Source: the membership page: "This category is free."' in text
    assert "Source: the ACR 2026 dues schedule (member in training)" in text
    abroad = render_sources(membership.quote({"as_of": AS_OF, **RESIDENT, "country": "DE"})["reasons"])
    assert "Source: ACR Become a Member page, earlier version (2016-2024 national dues)" in abroad


def test_a_dues_figure_names_the_schedule_line_and_where_the_schedule_takes_it_from():
    answer = membership.quote({"as_of": AS_OF, **RADIOLOGIST})
    text = render_sources(answer["reasons"])
    assert ("Source: the ACR 2026 dues schedule (general physician), from ACR advocacy news, council actions at "
            "ACR 2024 (2024-04-18), https://www.acr.org") in text
    assert "from Become an ACR Member (2025), https://www.acr.org/Membership/Join" in render_sources(
        membership.quote({"as_of": AS_OF, **RESIDENT, "country": "DE"})["reasons"])


def test_a_figure_of_a_schedule_no_longer_kept_is_still_named():
    assert quoted("schedule:2019:general_physician") == "the ACR 2019 dues schedule (general physician)"


def test_an_faq_answers_sources_are_the_pages_words_in_quotation_marks_then_the_link():
    text = render_answer_sources([("How much is member-in-training membership?", ["This category is free."])], [],
                                 not_on_page=False)
    assert text == ("That answer rests on these words of the ACR membership page:\n"
                    "\u2022 \u201cThis category is free.\u201d\n"
                    f"The membership page: {URL}")


def test_several_answers_sources_are_given_under_each_answers_title():
    text = render_topic_sources([("Who can join?", ["Physicians, residents, fellows, medical students and more."]),
                                 ("Is it free?", ["This category is free."])])
    assert text.splitlines() == ["Those answers rest on these words of the ACR membership page:", "Who can join?",
                                 "\u2022 \u201cPhysicians, residents, fellows, medical students and more.\u201d",
                                 "Is it free?", "\u2022 \u201cThis category is free.\u201d"]


def test_a_quotes_sources_and_an_answer_the_page_does_not_give():
    reasons = membership.quote({"as_of": AS_OF, **RESIDENT, "country": "US"})["reasons"]
    text = render_answer_sources([], reasons, not_on_page=False)
    assert text.startswith("Your answer rests on these rules, each with its source:\n\u2022 ")
    assert text.endswith(PAGE_LINK)
    silent = render_answer_sources([], [], not_on_page=True)
    assert "does not cover what you asked last" in silent and silent.endswith(PAGE_LINK)


def test_a_long_question_is_repeated_back_by_its_first_words():
    long_question = " ".join(f"word{n}" for n in range(30))
    assert shortened(long_question) == " ".join(f"word{n}" for n in range(20)) + " ..."
    assert shortened("can my wife join?") == "can my wife join?"
