"""Subjects the membership page does not cover (language/silences.yml)."""
import re

import pytest
import yaml

from language.silences import asked_parts, silent_subject, silences
from tests.language_fixtures import ROOT

HELD_OUT_FAQ = ROOT / "tests" / "heldout" / "faq.yml"
TRAINING_DATA = sorted((ROOT / "data" / "nlu").glob("*.yml"))
ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")


def training_examples(intent_prefix: str):
    for path in TRAINING_DATA:
        for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
            intent = block.get("intent") or ""
            if intent.startswith(intent_prefix):
                for line in block["examples"].splitlines():
                    if line.strip():
                        yield intent, ANNOTATION.sub(r"\1", line.strip()[2:].strip())


@pytest.mark.parametrize("text, subject", [
    ("i need a receipt for the dues i paid", "receipts_and_invoices"),
    ("can i pay in installments", "payment_methods_and_plans"),
    ("can I pay my dues for 3 years upfront?", "payment_methods_and_plans"),
    ("do i have to renew my membership every year?", "renewal_and_lapsed_dues"),
    ("I haven't paid this year. will I lose my membership?", "renewal_and_lapsed_dues"),
    ("how much is the chapter fee in ohio?", "chapter_specifics"),
    ("when is the texas chapter meeting", "meetings_and_events"),
    ("is the annual meeting free for members", "meetings_and_events"),
    ("are dues tax deductible", "tax"),
    ("how do I reset my password", "accounts_and_records"),
    ("can i join anytime during the year", "when_to_join"),
    ("do you offer group discounts for practices with 20 radiologists?", "group_billing"),
    ("i got charged twice for my dues", "billing_problems"),
    ("my dues were due in january and i havent paid yet, am i still a member?", "renewal_and_lapsed_dues"),
    ("can my employer pay my dues?", "who_pays_and_the_college"),
    ("does the ACR endorse any political candidates", "politics"),
    ("are the CME credits accepted by the ABR for MOC?", "cme_records"),
    ("can MITs hold office?", "office_for_other_categories"),
    ("who decides the dues amounts?", "how_dues_are_spent"),
    ("does my membership transfer if i move to australia for work", "other_membership_kinds"),
    ("Quick q: how long does the application take to get approved?", "application_processing"),
    ("Does the ACR have a student chapter at my school? I'm an M2 in Ohio", "student_groups"),
    ("is a fellow allowed to run for office in the college", "office_for_other_categories"),
])
def test_a_question_about_a_subject_the_page_does_not_cover(text, subject):
    assert silent_subject(text) == subject


@pytest.mark.parametrize("text, topic", [
    ("can active duty military waive chapter membership?", "service_discount"),
    ("when is the deadline to tell you I retired for a refund", "retired_dues"),
    ("who do i contact about my invoice", "contact"),
    ("how much are chapter dues?", "general_cost"),
    ("how many chapters can I join", "general_cost"),
    ("can retired members still vote or hold office", "retired_rights"),
    ("can a retired fellow hold office?", "retired_rights"),
])
def test_a_subject_the_chosen_answer_covers_is_answered(text, topic):
    assert silent_subject(text, topic) is None


def test_only_the_questions_are_read_not_the_background():
    text = ("My school has no interest group, so I found the ACR annual meeting online and want to go. "
            "Before I sign up for anything, how do I join the ACR as a student?")
    assert [part.split()[-1] for part in asked_parts(text)] == ["student?"]
    assert silent_subject(text) is None


def test_every_page_silence_example_is_recognised():
    examples = [text for _, text in training_examples("not_on_page")]
    unrecognised = [text for text in examples if not silent_subject(text)]
    assert len(unrecognised) <= len(examples) // 20, unrecognised


def test_no_faq_example_reads_as_a_silence():
    faq = [(intent.partition("/")[2], text) for intent, text in training_examples("faq/")]
    held_out = [(item["topic"], item["text"]) for item in yaml.safe_load(HELD_OUT_FAQ.read_text())["messages"]
                if item.get("topic")]
    assert [text for topic, text in faq + held_out if silent_subject(text, topic)] == []


def test_every_subject_names_real_answers():
    answers = (ROOT / "data" / "answers").glob("faq_*.yml")
    topics = {name.partition("/")[2] for path in answers
              for name in yaml.safe_load(path.read_text(encoding="utf-8"))["responses"]}
    assert {topic for silence in silences() for topic in silence.answered_by} <= topics
