"""Personal questions go to the engine, general ones stay FAQs: on real entities."""
import pytest
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlp.components import PersonalQuestionRouter
from language.routing import (engine_intent, fallback_intent, follows_up, intent_candidates, is_personal,
                              no_faq_answer_fits)
from tests.language_fixtures import TODAY

PERSONAL = ["I'm a resident in Canada, what do I pay?", "retired two years ago, do I pay anything",
            "im a med student in germany, can i join", "I'm an ABR certified radiologist in Ohio"]
GENERAL = ["can a radiologist from Germany join?", "I'm a resident, is it free?", "how much are dues in Canada",
           "who can join as a general member"]


@pytest.mark.parametrize("text", PERSONAL)
def test_first_person_with_two_facts_is_personal(text, entities_of):
    assert is_personal(text, entities_of(text))


@pytest.mark.parametrize("text", GENERAL)
def test_general_questions_stay_general(text, entities_of):
    assert not is_personal(text, entities_of(text))


def _message(text, intent, entities):
    return Message(data={TEXT: text, INTENT: {"name": intent, "confidence": 0.6}, ENTITIES: entities,
                         INTENT_RANKING_KEY: [{"name": intent, "confidence": 0.6}]})


@pytest.mark.parametrize("intent, text, routed", [
    ("faq", "I'm a resident in Canada, what do I pay?", "ask_personal"),
    ("faq", "certified medical physicist in germany, am i eligible?", "ask_personal"),  # certified: in practice
    ("faq", "medical physicist in germany, am i eligible?", None),  # the engine would ask the stage
    ("nlu_fallback", "certified medical physicist in germany, am i eligible?", "ask_personal"),
    ("what_if", "I'm a resident in Canada, what do I pay?", None),
    ("nlu_fallback", "oh wait, I did pass my ABR boards", "inform"),
    ("nlu_fallback", "blorp", None),
])
def test_an_faq_goes_to_the_engine_only_when_it_can_answer_at_once(intent, text, routed, entities_of):
    assert engine_intent(intent, text, entities_of(text), TODAY) == routed


def test_the_component_overrides_only_intents_a_personal_question_is_mistaken_for(entities_of):
    text = PERSONAL[0]
    routed, kept = PersonalQuestionRouter().process([_message(text, "faq", entities_of(text)),
                                                    _message(text, "what_if", entities_of(text))])
    assert routed.get(INTENT)["name"] == "ask_personal"
    assert [entry["name"] for entry in routed.get(INTENT_RANKING_KEY)] == ["ask_personal", "faq"]
    assert kept.get(INTENT)["name"] == "what_if"


@pytest.mark.parametrize("text, routed", [("What are my dues? I finished my residency in July 2025.", True),
                                          ("PGY-3 rad resi, do i have to pay dues", False),
                                          ("my situation: residency in India, now a consultant radiologist in Dubai. "
                                           "what category & fees?", True),
                                          ("finished radiology residency but not board certified, which membership "
                                           "can i get", False),
                                          ("which one am I if I did residency in the US but never took the boards?",
                                           True)])
def test_a_question_about_ones_own_dues_goes_to_the_engine(text, routed, entities_of):
    assert (engine_intent("faq", text, entities_of(text), TODAY) == "ask_personal") is routed


@pytest.mark.parametrize("text, confidence, routed", [
    ("whos elgible to join??", 0.9, "faq"),
    ("whos elgible to join??", 0.2, None),           # no confident FAQ answer to give instead
    ("am i eligible to join", 0.9, None),            # about the visitor
    ("retired radiologist in Ohio", 0.9, "ask_personal"),  # names facts: stays personal
])
def test_a_general_question_taken_for_a_personal_one_gets_its_faq_answer(text, confidence, routed, entities_of):
    assert engine_intent("ask_personal", text, entities_of(text), TODAY, confidence) == routed


@pytest.mark.parametrize("text, candidates, confidence, routed", [
    ("whos elgible to join??", ["followup", "faq"], 0.99, "faq"),
    ("whos elgible to join??", ["followup", "faq"], 0.8, None),        # not sure enough to answer
    ("whos elgible to join??", ["followup", "greet", "faq"], 0.99, None),  # faq was not a candidate
    ("whats in it for me", ["faq", "what_can_you_do"], 0.98, "faq"),    # about the writer, naming no fact
    ("resident in ohio, what do i get", ["faq", "ask_personal"], 0.98, "ask_personal"),  # facts: the engine
])
def test_a_general_question_the_classifiers_could_not_decide_on_gets_a_clear_faq_answer(
        text, candidates, confidence, routed, entities_of):
    assert engine_intent("nlu_fallback", text, entities_of(text), TODAY, confidence, candidates) == routed


@pytest.mark.parametrize("intent, text, routed", [
    ("faq", "oh wait, I did pass my ABR boards, so I am certified", "inform"),
    ("faq", "actually I'm a fellow now", "inform"),
    ("faq", "actually, can fellows join?", None),          # a question
    ("faq", "oh wait, the ABR is a different board", None),  # nothing about the visitor
    ("faq", "I passed my ABR boards", None),                # no correction: the classifiers' reading stands
])
def test_a_correction_of_a_fact_is_read_for_its_facts(intent, text, routed, entities_of):
    assert engine_intent(intent, text, entities_of(text), TODAY) == routed


@pytest.mark.parametrize("intent, text, routed", [
    ("deny", "no sorry, I finished my fellowship, I'm now a consultant radiologist in Germany with the Facharzt",
     "inform"),
    ("feedback", "yes but I'm actually a retired radiologist in Texas", "inform"),
    ("deny", "no, that didn't help", None),
    ("deny", "no, I'm a resident in Germany", None),  # may answer the form's yes/no question
    ("feedback", "not really, I'm still confused", None),
])
def test_a_correction_given_as_a_yes_or_no_is_read_for_its_facts(intent, text, routed, entities_of):
    assert engine_intent(intent, text, entities_of(text), TODAY) == routed


def test_the_component_reads_the_response_selectors_confidence(entities_of):
    text = "whos elgible to join??"
    message = _message(text, "ask_personal", entities_of(text))
    message.set("response_selector", {"faq": {"response": {"confidence": 0.8}}})
    (routed,) = PersonalQuestionRouter().process([message])
    assert routed.get(INTENT)["name"] == "faq"


@pytest.mark.parametrize("confidence, intent", [(0.1, "nlu_fallback"), (0.9, "faq")])
def test_an_faq_with_no_fitting_answer_falls_back(confidence, intent, entities_of):
    text = "can I bring my dog"
    message = _message(text, "faq", entities_of(text))
    message.set("response_selector", {"faq": {"response": {"confidence": confidence}}})
    (routed,) = PersonalQuestionRouter().process([message])
    assert routed.get(INTENT)["name"] == intent


def test_a_personal_question_is_not_sent_to_the_fallback(entities_of):
    text = PERSONAL[0]
    message = _message(text, "faq", entities_of(text))
    message.set("response_selector", {"faq": {"response": {"confidence": 0.1}}})
    (routed,) = PersonalQuestionRouter().process([message])
    assert routed.get(INTENT)["name"] == "ask_personal"


def test_the_component_reads_the_candidates_under_the_fallback_classifiers_verdict(entities_of):
    text = "whos elgible to join??"
    message = _message(text, "nlu_fallback", entities_of(text))
    message.set(INTENT_RANKING_KEY, [{"name": "nlu_fallback", "confidence": 0.45},
                                     {"name": "followup", "confidence": 0.37}, {"name": "faq", "confidence": 0.34}])
    message.set("response_selector", {"faq": {"response": {"confidence": 0.99}}})
    (routed,) = PersonalQuestionRouter().process([message])
    assert routed.get(INTENT)["name"] == "faq"


@pytest.mark.parametrize("intent, text, confidence, routed", [
    ("inform", "discount for VA employees??", 0.98, "faq"),
    ("inform", "is there a discount for VA employees?", 0.95, "faq"),
    ("inform", "is there a discount for VA employees?", 0.6, None),
    ("inform", "I work for the VA", 0.98, None),
])
def test_a_clear_page_question_that_names_a_fact_but_not_the_visitor(intent, text, confidence, routed, entities_of):
    assert engine_intent(intent, text, entities_of(text), TODAY, confidence) == routed


@pytest.mark.parametrize("intent_confidence, faq_confidence, routed", [(0.58, 0.97, "faq"), (1.0, 0.97, None),
                                                                       (0.58, 0.6, None)])
def test_the_page_is_silent_only_when_diet_is_sure_or_no_answer_is_clear(intent_confidence, faq_confidence, routed,
                                                                         entities_of):
    text = "where is the application"
    assert engine_intent("not_on_page", text, entities_of(text), TODAY, faq_confidence, (),
                         intent_confidence) == routed


@pytest.mark.parametrize("intent, text, topic, routed", [
    ("faq", "Can I request a receipt for membership fees paid?", "general_cost", "not_on_page"),
    ("nlu_fallback", "can my dues be waived for a year, im on medical leave", None, "not_on_page"),
    ("faq", "can I bring my dog to the annual meeting", "benefits", "not_on_page"),
    ("faq", "can active duty military waive chapter membership?", "service_discount", None),
    ("faq", "how much are chapter dues?", "general_cost", None),
    ("followup", "can they run for office", None, None),
    ("ask_personal", "I haven't paid this year, will my membership continue?", None, "not_on_page"),
    ("ask_personal", "retired last year, can I still run for office?", None, "ask_personal"),
    ("inform", "I work part time", None, None),
])
def test_a_page_reading_of_a_subject_the_page_does_not_cover(intent, text, topic, routed, entities_of):
    assert engine_intent(intent, text, entities_of(text), TODAY, 0.95, (), 1.0, topic) == routed


@pytest.mark.parametrize("text, personal", [
    ("are radiology residents in india eligible as trainee members", False),
    ("ABR radiologist practising in Florida, annual dues?", True),
    ("I'm a radiology resident in India, am I eligible", True),
])
def test_facts_about_a_group_are_not_the_visitors(text, personal, entities_of):
    assert is_personal(text, entities_of(text)) is personal


def test_the_candidates_are_the_classifiers_intents_without_the_fallbacks_verdict():
    parse_data = {"intent_ranking": [{"name": "nlu_fallback"}, {"name": "ask_source"}, {"name": "faq"}]}
    assert intent_candidates(parse_data) == ["ask_source", "faq"]
    assert intent_candidates({}) == []


@pytest.mark.parametrize("intent, confidence, margin, unsure", [
    ("faq", 0.2, 1.0, True),     # a guess
    ("faq", 0.49, 0.04, True),   # a toss-up between the two best answers
    ("faq", 0.49, 0.2, False),
    ("ask_personal", 0.2, 0.0, False),  # not the FAQ's to answer
])
def test_an_faq_answer_that_is_a_guess_or_a_toss_up_is_not_given(intent, confidence, margin, unsure):
    assert no_faq_answer_fits(intent, confidence, margin) == unsure


@pytest.mark.parametrize("text, intent", [
    ("im a radiologist in florida", "ask_personal"),  # facts for the engine
    ("PGY-1 in Ohio here. Do I need to be board certified to join as a resident?", "nlu_fallback"),  # a question
    ("blorp blorp", "nlu_fallback"),
    ("how much do i pay", "ask_personal"),  # the engine asks what it still needs
    ('inform{"country": "US", "stage": "retired", "profession": "physician"}', "nlu_fallback"),  # not the visitor
])
def test_a_message_no_faq_answer_fits_goes_to_the_engine_only_when_it_tells_about_the_visitor(
        text, intent, entities_of):
    assert fallback_intent(text, entities_of(text)) == intent


@pytest.mark.parametrize("text, routed", [
    ("finished fellowship in 2024", "inform"),  # after the engine asked when training ended
    ("retired last March", "inform"),
    ("when does my membership change after i finish fellowship in 2027?", None),  # asked, not told
    ("fellowship dues", None),
    ("im retiring next month, can i switch to retired membership", None),
    ("finished residency in june 2025, what membership", None),
])
def test_a_dated_step_of_the_visitors_career_is_a_fact_for_the_engine(text, routed, entities_of):
    assert engine_intent("faq", text, entities_of(text), TODAY, 0.9) == routed


def test_a_subject_an_answer_covers_counts_only_when_that_answer_would_be_given(entities_of):
    text = "I forgot my password for the member portal"
    assert engine_intent("faq", text, entities_of(text), TODAY, 0.9, faq_topic="contact") is None  # contact route
    assert engine_intent("faq", text, entities_of(text), TODAY, 0.13, faq_topic="contact") == "not_on_page"


@pytest.mark.parametrize("text, intent, routed", [
    ("have a good afternoon", "greet", "goodbye"),
    ("ok thanks, have a nice evening!", "nlu_fallback", "goodbye"),
    ("enjoy the rest of your week", "greet", "goodbye"),
    ("good afternoon", "greet", None),  # a greeting
    ("have a good day, and is it free for residents?", "greet", None),  # asks something
])
def test_a_farewell_that_reads_like_a_greeting_is_a_goodbye(text, intent, routed, entities_of):
    assert engine_intent(intent, text, entities_of(text), TODAY) == routed


@pytest.mark.parametrize("intent, text, routed", [
    ("inform", "sorry what", "tell_more"),
    ("nlu_fallback", "huh?", "tell_more"),
    ("faq", "what do you mean?", "tell_more"),
    ("inform", "I don't understand", "tell_more"),
    ("inform", "sorry", None),  # an apology, not a "say that again"
    ("faq", "sorry what about fellows?", None),
])
def test_a_visitor_who_did_not_follow_is_told_more(intent, text, routed, entities_of):
    assert engine_intent(intent, text, entities_of(text), TODAY) == routed


def test_a_confused_visitor_who_adds_a_fact_is_read_for_it(entities_of):
    text = "huh? I'm a resident"
    assert engine_intent("inform", text, entities_of(text), TODAY) != "tell_more"


@pytest.mark.parametrize("text, confidence, expected", [
    ("is it free?", 0.54, True),
    ("and after I finish?", 0.4, True),
    ("what about fellows?", 0.6, True),
    ("is it free?", 0.95, False),  # the response selector is sure
    ("who can join?", 0.6, False),  # leans on nothing
    ("is it free for residents?", 0.6, False),  # names what it asks about
    ("so how much would it cost me for the whole of next year in total?", 0.6, False),  # too long to lean
])
def test_a_short_page_question_leaning_on_the_answer_before_is_a_follow_up(text, confidence, expected, entities_of):
    assert follows_up("faq", text, entities_of(text), confidence) is expected


@pytest.mark.parametrize("text, routed", [
    ("i practice in puerto rico, am i international?", "ask_personal"),
    ("I'm a fellow in Toronto, do I count as an MIT?", "ask_personal"),
    ("am i international?", None),  # nothing to place them by: the page's answer
])
def test_asking_ones_own_category_with_a_fact_goes_to_the_engine(text, routed, entities_of):
    assert engine_intent("faq", text, entities_of(text), TODAY, 0.75) == routed


def test_an_unplaced_question_about_ones_own_dues_goes_to_the_engine(entities_of):
    assert engine_intent("nlu_fallback", "how much will I pay", [], TODAY, 0.53) == "ask_personal"
    assert engine_intent("nlu_fallback", "how much are dues", [], TODAY, 0.53) is None


@pytest.mark.parametrize("text, routed", [
    # between residency and a fellowship, whether it stays free is the page's own question
    ("finished residency in Chicago, starting a fellowship in Vancouver in July, does my free membership continue?",
     "faq"),
    # what they would pay is the engine's
    ("finished residency in Chicago, starting a fellowship in Vancouver in July, what will I pay?", "ask_personal"),
])
def test_the_page_answers_the_visitors_situation_itself(text, routed, entities_of):
    assert engine_intent("ask_personal", text, entities_of(text), TODAY, 0.73, faq_topic="residency_to_fellowship") == routed


@pytest.mark.parametrize("intent, confidence, text, faq_confidence, candidates, routed", [
    # DIET unsure of small talk, the response selector sure of an answer
    ("bot_challenge", 0.49, "what are all the membership types?", 0.91, ["bot_challenge", "ask_source"], "faq"),
    # ... or faq DIET's second reading and the answer likely
    ("bot_challenge", 0.52, "I'm a PGY2, what are all the membership types?", 0.77, ["bot_challenge", "faq"], "faq"),
    ("bot_challenge", 0.91, "are you a bot?", 0.95, ["bot_challenge", "faq"], None),  # DIET sure
    ("bot_challenge", 0.49, "you are a bot", 0.95, ["bot_challenge", "faq"], None),  # asks nothing
    ("bot_challenge", 0.49, "what are you", 0.6, ["bot_challenge", "ask_source"], None),  # no sure answer
])
def test_small_talk_diet_is_unsure_of_is_a_page_question_with_an_answer(intent, confidence, text, faq_confidence,
                                                                        candidates, routed, entities_of):
    assert engine_intent(intent, text, entities_of(text), TODAY, faq_confidence, candidates, confidence) == routed
