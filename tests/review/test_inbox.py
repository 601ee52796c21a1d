"""The inbox from hand-made events, without servers."""
import pytest

from review.inbox import inbox, ranking

DAY = 1_790_000_000


def user(text, intent="faq", confidence=0.95, answer_confidence=0.9, faq_ranking=()):
    ranking = [{"name": intent, "confidence": confidence}, {"name": "not_on_page", "confidence": 1 - confidence}]
    selector = {"faq": {"response": {"confidence": answer_confidence},
                        "ranking": [{"intent_response_key": key, "confidence": value} for key, value in faq_ranking]}}
    return {"event": "user", "text": text, "timestamp": DAY,
            "parse_data": {"intent": {"name": intent, "confidence": confidence}, "intent_ranking": ranking,
                           "response_selector": selector}}


def bot(response=None, buttons=()):
    return {"event": "bot", "metadata": {"utter_action": response} if response else {},
            "data": {"buttons": list(buttons)}}


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


SUGGESTIONS = bot(buttons=[{"payload": '/choose_topic{"topic": "general_cost"}'}])
NOT_HELPED = '/feedback{"helpful": "no"}'


def test_each_reason_to_look_at_a_message():
    events = [
        ("a", user("who can join?")), ("a", bot("utter_faq/who_can_join")), ("a", bot("utter_ask_feedback")),
        ("a", user(NOT_HELPED, "feedback", 1.0)), ("a", slot("feedback", {"topic": "who_can_join", "helpful": False})),
        ("b", user("dues thing", "nlu_fallback", 0.45)), ("b", SUGGESTIONS),
        ("c", user("can i pay monthly", "not_on_page", 0.99)), ("c", bot("utter_not_on_page")),
        ("d", user("weather?", "out_of_scope", 0.99)), ("d", bot("utter_out_of_scope")),
        ("e", user("what about dues", answer_confidence=0.3)), ("e", bot("utter_faq/general_cost")),
        ("f", user("how much are dues")), ("f", bot("utter_faq/general_cost")), ("f", bot("utter_ask_feedback")),
        ("f", user("yes", "affirm", 0.99)), ("f", slot("feedback", {"topic": "general_cost", "helpful": True})),
    ]
    found = {message.text: (message.reasons, message.replies) for message in inbox(events)}
    assert found == {
        "who can join?": ({"not helped"}, ["utter_faq/who_can_join"]),
        "dues thing": ({"fallback", "did you mean"}, ["did you mean"]),
        "can i pay monthly": ({"not on the page"}, ["utter_not_on_page"]),
        "weather?": ({"out of scope"}, ["utter_out_of_scope"]),
        "what about dues": ({"low confidence"}, ["utter_faq/general_cost"]),
    }


def test_not_really_goes_to_the_answered_message_of_its_own_conversation():
    events = [("a", user("who can join?")), ("b", user("how much are dues")), ("a", bot("utter_faq/who_can_join")),
              ("b", bot("utter_faq/general_cost")), ("b", user("thanks", "thank", 0.99)),
              ("a", user(NOT_HELPED, "feedback", 1.0)),
              ("a", slot("feedback", {"topic": "who_can_join", "helpful": False}))]
    assert [message.text for message in inbox(events)] == ["who can join?"]


def test_a_quote_is_an_answer_feedback_is_about():
    events = [("a", user("I'm a resident in Canada, what do I pay?", "ask_personal", 0.99)),
              ("a", {"event": "bot", "text": "You'd be: Member-in-training"}), ("a", slot("feedback_topic", "personal_quote")),
              ("a", user("that didn't help", "feedback", 0.98)),
              ("a", slot("feedback", {"topic": "personal_quote", "helpful": False}))]
    [message] = inbox(events)
    assert message.text.startswith("I'm a resident") and message.reasons == {"not helped"}
    assert message.replies == ["text"]


def test_button_payloads_and_whitespace():
    events = [("a", user('/choose_topic{"topic": "general_cost"}', "choose_topic", 1.0)), ("a", SUGGESTIONS),
              ("b", user("  dues   thing \n", "nlu_fallback", 0.45))]
    assert [message.text for message in inbox(events)] == ["dues thing"]


def test_the_ranking_spreads_the_faq_share_over_its_topics_best_first():
    parse_data = user("x", "faq", 0.8, faq_ranking=[("faq/general_cost", 0.5), ("faq/mit_cost", 0.25)])["parse_data"]
    parse_data["intent_ranking"].append({"name": "nlu_fallback", "confidence": 0.45})
    assert ranking(parse_data) == [("faq/general_cost", 0.4), ("faq/mit_cost", 0.2), ("not_on_page", pytest.approx(0.2))]
