"""Every question of a message gets its answer, in the order asked, as separate messages;
a question the membership page does not answer gets that said, with the route to the
membership team. Played over REST against the real servers."""
import pytest

from content.check import faq_responses, load_responses

FEEDBACK = "Did that answer your question?"


def answers_in(replies):
    """The FAQ topics answered, in order, and the other texts."""
    topic_of = {response["text"]: topic for topic, response in faq_responses().items()}
    texts = [reply.get("text", "") for reply in replies]
    return [topic_of[text] for text in texts if text in topic_of], [text for text in texts if text not in topic_of]


@pytest.mark.parametrize("message, topics", [
    ("do students pay anything, and is there a discount for VA employees?", ["student_membership", "service_discount"]),
    ("who can join and how do i apply", ["who_can_join", "how_to_join"]),
    ("who can be an allied health member and what does that cost", ["allied_health_eligibility", "allied_health_cost"]),
])
def test_each_question_is_answered_in_order(assistant, message, topics):
    answered, others = answers_in(assistant.say(f"several-{hash(message)}", message))
    assert answered == topics
    assert others == [FEEDBACK]


def test_a_personal_question_beside_a_page_question(assistant):
    replies = assistant.say("several-personal", "I'm a radiology resident in Ohio, do I pay dues? "
                                                "And is there a military discount for my attending?")
    answered, others = answers_in(replies)
    assert answered == ["service_discount"]
    assert any(text.startswith("You'd be: Member-in-training") for text in others)


def test_background_then_the_question(assistant):
    replies = assistant.say("several-background", "My program director mentioned the ACR at orientation and a "
                                                  "co-resident said it costs nothing. I'm a bit skeptical. "
                                                  "How much do residents pay for membership?")
    assert answers_in(replies)[0] == ["mit_cost"]


def test_a_question_the_page_does_not_answer_is_said_so(assistant):
    not_on_page = load_responses()["utter_not_on_page"][0]["text"]
    replies = assistant.say("several-receipt", "how do i get a receipt for the dues i paid last month")
    assert [reply.get("text") for reply in replies] == [not_on_page]
    assert "Contact us" in not_on_page and "https://www.acr.org/Membership/Join" in not_on_page


def test_a_cost_naming_no_one_in_a_message_about_the_visitor_gets_their_dues(assistant):
    replies = assistant.say("several-own-cost", "hi i am a radiologist in nigeria, i passed my fellowship exams "
                                                "(FMCR), how much is the membership and can i attend the annual meeting")
    answered, others = answers_in(replies)
    assert answered == []
    assert others[0].startswith("You'd be: International member.") and "$391" in others[0]
