"""After an answer, "why?" or "source?" shows what the answer rests on: the membership
page's words, quoted, with the page's link; for a personal quote, each reason with its
source, the dues schedule line for a figure. Played over REST against the real servers."""
import pytest

from content.check import faq_responses, load_responses
from membership.page import URL

FEEDBACK = "Did that answer your question?"


def faq_topic(reply_texts):
    """The FAQ topic whose answer is among the replies."""
    topic_of = {response["text"]: topic for topic, response in faq_responses().items()}
    return next(topic_of[text] for text in reply_texts if text in topic_of)


def sources_of(topic):
    return faq_responses()[topic]["metadata"]["sources"]


def texts(assistant, sender, message):
    return [reply.get("text", "") for reply in assistant.say(sender, message)]


@pytest.mark.parametrize("asking", ["why?", "source?", "where does it say that?", "how do you know?",
                                    "can you show me the source", "link?"])
def test_an_faq_answer_then_why_quotes_the_page_and_links_it(assistant, asking):
    sender = f"sources-faq-{asking}"
    answered = faq_topic(texts(assistant, sender, "is membership free for residents?"))
    reply = assistant.text(sender, asking)
    assert reply.startswith("That answer rests on these words of the ACR membership page:")
    for source in sources_of(answered):
        assert f"\u201c{' '.join(source.split())}\u201d" in reply
    assert "This category is free." in reply
    assert URL in reply


def test_a_personal_quote_then_source_gives_each_reason_with_its_source(assistant):
    sender = "sources-quote"
    quote = assistant.text(sender, "I'm a resident in Canada, what do I pay?")
    assert quote.startswith("You'd be: Member-in-training (MIT).")
    reply = assistant.text(sender, "source?")
    assert reply.startswith("Your answer rests on these rules, each with its source:")
    # Each reason shown with the quote is listed again, with what it rests on.
    reasons = [line[2:] for line in quote.splitlines() if line.startswith("\u2022 ")]
    assert reasons and all(f"\u2022 {reason}\n  Source: " in reply for reason in reasons)
    assert 'Source: the membership page: "This category is free."' in reply
    # The dues figure: the schedule's line, and the document the schedule takes it from.
    assert ("Source: the ACR 2026 dues schedule (member in training), from Become an ACR Member (2025), "
            f"{URL}") in reply
    assert reply.endswith(URL)


def test_several_answers_get_the_sources_of_each(assistant):
    sender = "sources-several"
    answers = texts(assistant, sender, "who can join and how do i apply")
    assert FEEDBACK in answers
    reply = assistant.text(sender, "where does it say that")
    assert reply.startswith("Those answers rest on these words of the ACR membership page:")
    for topic in ("who_can_join", "how_to_join"):
        assert faq_responses()[topic]["metadata"]["title"] in reply
        assert all(f"\u201c{source}\u201d" in reply for source in sources_of(topic))
    assert reply.endswith(URL)


def test_why_before_any_answer_says_so_and_suggests_questions(assistant):
    nothing_yet = load_responses()["utter_no_answer_to_source"][0]["text"]
    assert texts(assistant, "sources-first", "why?") == [nothing_yet]
    assert "who can join?" in nothing_yet


@pytest.mark.parametrize("message, topic", [
    ("why do I have to pay chapter dues", "general_cost"),
    ("why should i join acr", "benefits"),
    ("why is international membership 391", "international_dues"),
    ("why join if im not going into radiology", "undecided_on_radiology"),
])
def test_a_question_that_starts_with_why_still_gets_its_answer(assistant, message, topic):
    assert faq_topic(texts(assistant, f"sources-why-{topic}", message)) == topic
