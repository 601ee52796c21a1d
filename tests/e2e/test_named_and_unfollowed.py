"""Over REST against the real servers: a question naming a category (or a board or
specialty that has one) gets that category's answer, or "the page does not say" for rights
it states for no such member; a visitor who says who they are and asks who can join gets
the answer about them; a visitor no category covers hears who may join before the engine
says so; a visitor who did not follow ("sorry what") is told more, not asked for their
profession."""
import pytest

from content.check import faq_responses, load_responses

WHAT_IT_CAN_DO = "I answer questions about ACR membership."


def faq_text(topic):
    return faq_responses()[topic]["text"]


def texts(replies):
    return [reply.get("text", "") for reply in replies]


@pytest.mark.parametrize("sender, message, topic", [
    # a category named as such
    ("named-frcr", "is a UK board (FRCR) accepted for general membership or only the american / canadian boards?",
     "general_eligibility"),
    # ... or through a board
    ("named-abnm", "does ABNM certification count for membership", "general_eligibility"),
    # "can I join?" from someone who said who they are: the answer about them
    ("own-family-doc", "I'm a family medicine doctor, I don't practice radiology at all. Is there any way I can join?",
     "allied_health_eligibility"),
    ("own-img", "im an international medical graduate, passed my steps and waiting for the match. "
                "can i become a member while i wait?", "apply_from_abroad"),
    # the words name the one answer's subject
    ("phrased-pd", "will our PD register all of us residents with the acr?", "trainee_update_database"),
    ("phrased-early-career", "is there a discount for early career radiologists?", "dues_after_graduation"),
    # the page answers the visitor's situation itself
    ("situation-fellow", "finished residency in Chicago and starting a fellowship in Vancouver in July, "
                         "do I keep my free membership?", "residency_to_fellowship"),
])
def test_the_answer_the_words_settle_comes_first(assistant, sender, message, topic):
    assert texts(assistant.say(sender, message))[0] == faq_text(topic)


def test_a_technologist_hears_the_allied_health_rule_then_the_engines_answer(assistant):
    replies = texts(assistant.say("named-rad-tech", "im a rad tech with arrt, can i join as allied health"))
    assert replies[0] == faq_text("allied_health_eligibility")
    assert replies[1].startswith("From what you've told me, you're not eligible")


def test_sorry_what_before_any_answer_says_what_it_can_do(assistant):
    replies = texts(assistant.say("unfollowed-first", "sorry what"))
    assert replies[0].startswith(WHAT_IT_CAN_DO)
    assert not any("profession" in reply for reply in replies)


def test_what_do_you_mean_after_the_engines_answer_gives_its_reasons(assistant):
    assistant.say("unfollowed-quote", "I'm a resident in Canada, what do I pay?")
    replies = texts(assistant.say("unfollowed-quote", "what do you mean?"))
    assert "Residents and fellows in an approved radiology residency" in replies[0]


def test_rights_the_page_states_for_no_such_member_get_the_page_does_not_say(assistant):
    replies = texts(assistant.say("named-rights", "can residents vote in ACR elections"))
    assert replies[0] in [variant["text"] for variant in load_responses()["utter_not_on_page"]]


def test_short_questions_after_the_engines_answer_follow_it_up(assistant):
    assistant.say("follow-quote", "I'm a resident in Canada, what do I pay?")
    assert texts(assistant.say("follow-quote", "is it free?"))[0] == faq_text("mit_cost")
    assert texts(assistant.say("follow-quote", "and after I finish?"))[0] == faq_text("dues_after_graduation")


def test_a_what_if_after_thanks_supposes_what_it_says(assistant):
    assistant.say("what-if-thanks", "radiology resident in brazil. free?")
    replies = texts(assistant.say("what-if-thanks", "thanks! what about if i come to the US for fellowship later"))
    assert replies[0].startswith("If that were so: You'd be: Member-in-training (MIT).")


def test_how_much_for_them_after_the_overview_asks_which_topic(assistant):
    replies = assistant.say("unplaced-followup", "Is membership open to radiologists from Canada? How much for them?")
    assert replies[0]["text"] == faq_text("who_can_join")
    assert '"How much for them?"' in replies[1]["text"] and replies[1]["buttons"]
