"""What the previous answer rests on (actions/sources.py): which answer "source?" is about,
from the assistant's messages before it, and the reply that quotes its sources."""
import pytest

import membership
from actions import sources
from actions.sources import PreviousAnswer, page_question_instead, previous_answer, quote_reasons, sources_reply
from membership.page import URL

AS_OF = "2026-06-15"
RESIDENT = {"profession": "physician", "stage": "resident", "specialty": "radiology", "country": "US", "as_of": AS_OF}
RADIOLOGIST = {"profession": "physician", "stage": "in_practice", "country": "US", "certifications": ["ABR"],
               "as_of": AS_OF}


def user(text="a question"):
    return {"event": "user", "text": text}


def faq_answer(topic):
    return {"event": "bot", "text": f"the {topic} answer", "metadata": {"utter_action": f"utter_faq/{topic}"}}


def bot(text, **metadata):
    return {"event": "bot", "text": text, "metadata": metadata}


FEEDBACK_QUESTION = bot("Did that answer your question?", utter_action="utter_ask_feedback")


def conversation(*turns):
    """Events of a conversation: each turn is the visitor's message and the assistant's
    messages; the last message is the visitor's "source?"."""
    events = []
    for text, *messages in turns:
        events += [user(text), *messages]
    return events + [user("source?")]


def test_the_latest_faq_answer_is_the_previous_answer():
    events = conversation(("who can join", faq_answer("who_can_join"), FEEDBACK_QUESTION),
                          ("is it free for residents", faq_answer("mit_cost"), FEEDBACK_QUESTION))
    assert previous_answer(events) == PreviousAnswer(topics=("mit_cost",))


def test_every_answer_of_a_message_that_asked_several_questions_counts():
    events = conversation(("who can join? and what does it cost", faq_answer("who_can_join"),
                           faq_answer("general_cost"), FEEDBACK_QUESTION))
    assert previous_answer(events).topics == ("who_can_join", "general_cost")


def test_a_greeting_or_feedback_after_the_answer_does_not_hide_it():
    events = conversation(("is it free for residents", faq_answer("mit_cost"), FEEDBACK_QUESTION),
                          ("yes", bot("Glad that helped!", utter_action="utter_feedback_helped")),
                          ("hello", bot("Hi!", utter_action="utter_greet")))
    assert previous_answer(events).topics == ("mit_cost",)


def test_an_engine_answer_keeps_its_reasons():
    quote = membership.quote(RESIDENT)
    events = conversation(("I'm a resident in the US, what do I pay?",
                           bot("You'd be: Member-in-training (MIT).", **sources.quote_metadata(quote))))
    assert list(previous_answer(events).reasons) == quote["reasons"]


def test_a_later_faq_answer_replaces_an_engine_answer():
    quote = membership.quote(RESIDENT)
    events = conversation(("what do I pay", bot("You'd be: ...", **sources.quote_metadata(quote))),
                          ("how do I contact them", faq_answer("contact")))
    assert previous_answer(events) == PreviousAnswer(topics=("contact",))


def test_tell_me_more_is_about_its_topic():
    events = conversation(("is it free", faq_answer("mit_cost")),
                          ("tell me more", bot("The member-in-training category costs nothing...",
                                               **sources.tell_more_metadata("mit_cost"))))
    assert previous_answer(events).topics == ("mit_cost",)


def test_the_page_does_not_say_is_remembered_as_such():
    events = conversation(("is it free", faq_answer("mit_cost")),
                          ("can I get a receipt", bot("The membership page ... doesn't cover that",
                                                      utter_action="utter_not_on_page")))
    assert previous_answer(events) == PreviousAnswer(not_on_page=True)


@pytest.mark.parametrize("events", [
    [user("source?")],
    [user("hi"), bot("Hi!", utter_action="utter_greet"), user("why?")],
    [user("is it free"), faq_answer("mit_cost"), user("start over"), bot("Okay, let's start over."),
     {"event": "restart"}, user("source?")],
], ids=["first message", "after a greeting only", "after a restart"])
def test_nothing_answered_yet(events, domain):
    assert not previous_answer(events)
    assert sources_reply(events, domain) is None


def test_the_message_asking_is_not_its_own_answer():
    """The events end with the visitor's "source?"; what comes after it is not looked at."""
    events = [user("source?"), faq_answer("mit_cost")]
    assert not previous_answer(events)


def test_a_year_without_a_schedule_gives_the_latest_figure_with_its_source():
    latest = max(membership.available_years())
    quote = membership.quote({**RADIOLOGIST, "dues_year": latest + 1})
    reasons = quote_reasons(quote)
    assert {"text": quote["dues_note"], "source": f"schedule:{latest}:general_physician"} in reasons
    assert len(reasons) == len({(reason["text"], reason["source"]) for reason in reasons})


def test_the_reply_to_an_faq_answer_quotes_its_sources_and_links_the_page(domain):
    events = conversation(("is it free for residents", faq_answer("mit_cost"), FEEDBACK_QUESTION))
    reply = sources_reply(events, domain)
    assert "\u201cHow much is a member-in-training membership? This category is free.\u201d" in reply
    assert reply.endswith(URL)


def test_the_reply_to_an_engine_answer_gives_each_reason_with_its_source(domain):
    quote = membership.quote(RADIOLOGIST)
    events = conversation(("what do I pay", bot("You'd be: General member.", **sources.quote_metadata(quote))))
    reply = sources_reply(events, domain)
    assert reply.count("\n  Source: ") == len(quote["reasons"])
    assert "the ACR 2026 dues schedule (general physician), from ACR advocacy news" in reply
    assert reply.endswith(URL)


def test_every_topic_has_a_title_and_sources(domain):
    from language.topics import all_topics
    for topic in all_topics(domain):
        title, quotes = sources.topic_sources(domain, topic)
        assert title and quotes, topic


@pytest.mark.parametrize("confidence, next_intent, topic", [
    (0.98, "faq", "how_to_join"), (0.5, "faq", None), (0.98, "ask_personal", None)])
def test_before_any_answer_a_clear_page_answer_is_given_instead(confidence, next_intent, topic):
    parse_data = {"intent_ranking": [{"name": "ask_source"}, {"name": next_intent}],
                  "response_selector": {"faq": {"response": {"intent_response_key": "faq/how_to_join",
                                                             "confidence": confidence}}}}
    assert page_question_instead(parse_data) == topic
