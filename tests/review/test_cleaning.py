"""Personal details out of a message before it becomes a training example."""
import pytest

from review.cleaning import clean


@pytest.mark.parametrize("typed, kept", [
    ("my name is John Smith, email john.smith@example.com, how much for retired members",
     "how much for retired members"),
    ("Hi, I'm Dr. Jane Doe and I want to know how much the dues are", "Hi, I want to know how much the dues are"),
    ("hi im dr patel, can residents join?", "hi can residents join?"),
    ("my email is jane.doe+acr@hospital.org can you send me the dues", "can you send me the dues"),
    ("call me at (555) 123-4567 about joining", "about joining"),
    ("my number is +44 20 7946 0958, am I eligible as international", "am I eligible as international"),
    ("can I join? 555.123.4567", "can I join?"),
    ("I was born on 04/12/1985, can I still be a member in training", "can I still be a member in training"),
    ("dob: March 5, 1980 - what category am I", "what category am I"),
    ("This is Maria Lopez, a resident in Texas. do I pay dues?", "a resident in Texas. do I pay dues?"),
    ("how much are the dues? my name is sarah connor", "how much are the dues?"),
    ("Dr Patel told me residents are free", "told me residents are free"),
])
def test_personal_details_are_taken_out_with_the_words_that_introduce_them(typed, kept):
    assert clean(typed) == kept


@pytest.mark.parametrize("typed", [
    "how much are dues for 2026?", "is the $391 fee due by March 31", "I retire on 2025-06-30, do I get a refund",
    "can I pay 2025 and 2026 dues together", "I'm a resident, how much do I pay", "I'm an MR tech, can I join",
    "is DR Systems training covered", "this is a question about dues", "what does a 3 year membership cost",
])
def test_what_is_not_personal_stays_as_typed(typed):
    assert clean(typed) == typed


def test_a_message_of_details_only_leaves_nothing():
    assert clean("my phone 555.123.4567 and my email a@b.co") == ""
