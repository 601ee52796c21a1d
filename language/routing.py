"""Telling a personal question from a general one.

"I'm a resident in Canada, what do I pay?" asks about one person: it names two or more
facts the membership engine uses and talks in the first person, or names three or more
("ABR radiologist practising in Florida, annual dues?"). Such a message goes to the
engine when the classifiers thought it personal or were unsure, when it asks about the
visitor's own dues or category, or when the engine can answer it at once. Otherwise the
FAQ answer stands ("PGY-3 resident, do I pay dues?" is answered by the member-in-training
FAQ), and the visitor can still ask "which category am I?". Pure functions."""
import re
from datetime import date
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence

import membership
from language.confidence import FAQ_ANSWER_CONFIDENCE, FAQ_ANSWER_FLOOR, FAQ_CLEAR_ANSWER, FAQ_CLOSE_CALL
from language.questions import asks_anything, is_question, leans_on_answer_before
from language.profile import missing_fields, profile_from_slots
from language.facts import FIRST_PERSON, profile_updates
from language.silences import silent_subject
from language.topics import SITUATION_TOPICS, asks_if_it_stays_free, situation_answer

OWN_DUES_OR_CATEGORY = re.compile(
    r"\b(what|how much) (do|would|will|should|must) i (pay|owe)|\bhow much (do|would|will) i\b|\bmy dues\b"
    r"|\bwhat do i owe\b|\b(which|what) (category|membership category) (am i|do i|would i)"
    r"|\bcost me\b|\bfor me\b"
    # after the visitor's facts: "... consultant radiologist in Dubai. what category & fees?"
    r"|\b(what|which) (category|member type)\b|\bwhich one am i\b|\bwhere do i (fit|fall|belong)\b", re.IGNORECASE)
# "i practice in puerto rico, am i international?": which category the visitor is in.
# ("when do i qualify as retired" asks the page's rule.)
OWN_CATEGORY = re.compile(r"\b(am i|do i count as|does that make me) (an? |the )?(international|general|associate|"
                          r"allied[- ]health|mit|member[- ]in[- ]training)\b", re.IGNORECASE)
# "are radiology residents in india eligible": facts about a group, not the visitor.
ABOUT_A_GROUP = re.compile(r"\b(residents|fellows|students|physicians|radiologists|physicists|doctors|trainees|"
                           r"graduates|imgs|people|those|anyone|someone)\b", re.IGNORECASE)
# "have a good afternoon": a farewell, though "good afternoon" alone greets.
PARTING = re.compile(r"^\W*(?:(?:ok(?:ay)?|thanks?(?: you)?|you too|bye)\W+)*(?:have|enjoy) (?:a |an |the )?"
                     r"(?:(?:good|nice|great|lovely|wonderful|pleasant) )?(?:rest of (?:your|the) )?"
                     r"(?:day|afternoon|evening|night|weekend|week|one)\b[\w\s!.,]*$", re.IGNORECASE)
# "oh wait, I did pass my ABR boards": the visitor corrects what they said about themselves.
CORRECTING = re.compile(r"^\W*(?:(?:oh|ah|oops|sorry|actually|wait|hang on|hold on|correction|my bad)\b\W*)+",
                        re.IGNORECASE)
# "sorry what", "huh?", "what do you mean": the visitor did not follow the last reply.
CONFUSED = re.compile(r"^\W*(?:(?:sorry|pardon|huh|eh|what|wait|um+|hm+)\b\W*)*(?:(?:pardon|huh|what)\W*"
                      r"|what do you mean|what does that mean|i (?:do not|don'?t|dont) (?:understand|get it|follow)"
                      r"|come again|say (?:that|it) again|i'?m (?:confused|lost)|(?:that|this) makes no sense)\W*$",
                      re.IGNORECASE)
# Talk about the conversation rather than membership, and how sure DIET must be of it
# when the message asks a question the response selector has an answer to.
CHATTER = {"greet", "bot_challenge", "what_can_you_do", "ask_source", "start_over"}
CHATTER_UNSURE = 0.6
PROFILE_LABELS = {"profession", "stage", "specialty", "board", "service", "country", "date", "school_years"}
UNSURE_INTENTS = {"ask_personal", "inform", "nlu_fallback"}
MISTAKEN_FOR = {"faq", "followup", "out_of_scope"}
YES_NO_OR_FEEDBACK = {"affirm", "deny", "thank", "feedback"}
# Where the classifiers' reading may be an answer to a question the page does not cover
# (an engine's answer too: "I haven't paid this year, will my membership continue?").
PAGE_READINGS = {"faq", "nlu_fallback", "ask_personal"}

Entities = Iterable[Dict[str, Any]]


def intent_candidates(parse_data: Mapping[str, Any]) -> List[str]:
    """The classifiers' intents, best first, without the fallback classifier's verdict."""
    ranking = parse_data.get("intent_ranking") or []
    return [entry.get("name") for entry in ranking if entry.get("name") != "nlu_fallback"]


def profile_facts(entities: Entities) -> int:
    """How many different kinds of profile fact the message names."""
    return len({entity.get("entity") for entity in entities} & PROFILE_LABELS)


def asks_about_own_dues(text: str) -> bool:
    return bool(OWN_DUES_OR_CATEGORY.search(text or ""))


def is_personal(text: str, entities: Entities) -> bool:
    facts, first_person = profile_facts(entities), bool(FIRST_PERSON.search(text or ""))
    return (facts >= 3 and (first_person or not ABOUT_A_GROUP.search(text or ""))) or (facts >= 2 and first_person)


def is_general(text: str, entities: Entities) -> bool:
    """Names no fact about the visitor and does not talk about them: "whos eligible to join?"."""
    return not profile_facts(entities) and not FIRST_PERSON.search(text or "")


def asks_about_others(text: str) -> bool:
    """A question that does not talk about the visitor: "is there a discount for VA employees?"."""
    return is_question(text or "") and not FIRST_PERSON.search(text or "")


def corrects_a_fact(text: str, entities: Entities) -> bool:
    """"actually I'm ABR certified", not "actually, can residents join?"."""
    return (bool(CORRECTING.match(text or "")) and bool(FIRST_PERSON.search(text or "")) and profile_facts(entities) >= 1
            and not is_question(text or ""))


DATED_STEPS = ("training_completed_on", "retired_on", "retirement_notified_on")


def tells_a_dated_step(text: str, entities: Entities, today: date) -> bool:
    """"finished fellowship in 2024", "retired last March": when a step of the visitor's
    career happened, told and not asked; the engine's answers turn on those dates."""
    entities = list(entities)
    if not any(entity.get("entity") == "date" for entity in entities):
        return False
    return not asks_anything(text or "") and any(step in profile_updates(text, entities, today) for step in DATED_STEPS)


def no_faq_answer_fits(intent: str, faq_confidence: float, faq_margin: float = 1.0) -> bool:
    """An FAQ whose best answer is a guess, or a toss-up with the next: better "did you
    mean" than a wrong answer."""
    return intent == "faq" and (faq_confidence < FAQ_ANSWER_FLOOR or faq_margin < FAQ_CLOSE_CALL)


def follows_up(intent: str, text: str, entities: Entities, faq_confidence: float) -> bool:
    """A short page question that leans on the answer before it and that the classifiers
    placed without being sure ("is it free?" after "You'd be: Member-in-training": general
    dues 0.54; "and after I finish?": no intent sure) is a follow-up: action_answer_followup
    reads it in the conversation, and with nothing before it answers as the FAQ would, or
    asks "did you mean"."""
    return (intent in ("faq", "nlu_fallback") and faq_confidence < FAQ_CLEAR_ANSWER
            and leans_on_answer_before(text or "", profile_facts(entities) > 0))


def fallback_intent(text: str, entities: Entities) -> str:
    """For an FAQ reading that no answer fits: the engine, when the message tells about the
    visitor and asks nothing ("im a radiologist in florida") or asks their own dues ("how
    much do i pay": the engine asks what it still needs), or else "did you mean", which the
    category named may settle."""
    tells = bool(FIRST_PERSON.search(text)) and is_personal(text, entities) and not asks_anything(text)
    return "ask_personal" if tells or asks_about_own_dues(text) else "nlu_fallback"


def engine_can_answer(text: str, entities: Entities, today: date) -> bool:
    profile = profile_from_slots(profile_updates(text, list(entities), today), today)
    try:
        return not missing_fields(membership.quote(profile))
    except membership.InvalidProfile:
        return False


def engine_intent(intent: str, text: str, entities: Entities, today: date, faq_confidence: float = 0.0,
                  candidates: Sequence[str] = (), intent_confidence: float = 1.0,
                  faq_topic: Optional[str] = None) -> Optional[str]:
    """The intent that sends the message to the engine (ask_personal, or inform for a lone
    fact the classifiers could not place, such as "oh wait, I passed my ABR boards"); faq
    for a general question the classifiers took for a personal one, or could not decide on
    with faq among their two candidates, when the response selector has a confident answer
    (faq_confidence, for faq_topic); not_on_page for a page reading of a question about a
    subject the page does not cover (language/silences.yml); or None to keep the
    classifiers' intent."""
    entities = list(entities)
    if intent in ("greet", "nlu_fallback") and PARTING.match(text or ""):
        return "goodbye"
    if CONFUSED.match(text or "") and not profile_facts(entities):
        return "tell_more"  # said again at more length, or what the assistant can do
    # An FAQ answer that covers part of a subject counts only when it would be given.
    if intent in PAGE_READINGS and silent_subject(text, faq_topic if faq_confidence >= FAQ_ANSWER_FLOOR else None):
        return "not_on_page"
    if (intent in PAGE_READINGS and faq_topic in SITUATION_TOPICS and asks_if_it_stays_free(text)
            and faq_topic == situation_answer(profile_updates(text, entities, today), text)):
        return "faq"  # the page answers the visitor's situation itself: "... does my free membership continue?"
    if intent == "ask_personal" and is_general(text, entities) and faq_confidence >= FAQ_ANSWER_CONFIDENCE:
        return "faq"
    if (intent == "nlu_fallback" and "faq" in candidates[:2] and not profile_facts(entities)
            and faq_confidence >= FAQ_CLEAR_ANSWER):
        return "faq"  # "what do i actually get for my money": about the writer, but naming no fact
    if intent == "nlu_fallback" and asks_about_own_dues(text):
        return "ask_personal"  # "how much will I pay": the engine asks what it needs
    if intent == "not_on_page" and intent_confidence < FAQ_CLEAR_ANSWER and faq_confidence >= FAQ_CLEAR_ANSWER:
        return "faq"  # DIET unsure that the page is silent, the response selector sure of its answer
    if intent in CHATTER and intent_confidence < CHATTER_UNSURE and is_question(text or "") and (
            faq_confidence >= FAQ_CLEAR_ANSWER or (candidates[1:2] == ["faq"] and faq_confidence >= FAQ_ANSWER_CONFIDENCE)):
        return "faq"  # "what are all the membership types?": bot_challenge 0.49, the categories 0.91
    if intent in ("inform", "ask_personal") and asks_about_others(text) and faq_confidence >= FAQ_CLEAR_ANSWER:
        return "faq"  # "discount for VA employees??" names a fact, but not the visitor's
    if intent in MISTAKEN_FOR and OWN_CATEGORY.search(text or "") and profile_facts(entities):
        return "ask_personal"  # the engine places them, asking what it still needs
    if is_personal(text, entities) and (intent in UNSURE_INTENTS or (
            intent in MISTAKEN_FOR and (asks_about_own_dues(text) or engine_can_answer(text, entities, today)))):
        return "ask_personal"
    if intent == "nlu_fallback" and profile_facts(entities) >= 1:
        return "inform"
    if intent in MISTAKEN_FOR and (corrects_a_fact(text, entities) or tells_a_dated_step(text, entities, today)):
        return "inform"
    if intent in YES_NO_OR_FEEDBACK and profile_facts(entities) >= 3:
        # "no sorry, I finished my fellowship, I'm now a consultant in Germany with the
        # Facharzt" answers the feedback question with a correction: the facts matter, not
        # the "no". ("no, I'm a resident in Germany" can still answer a yes/no question.)
        return "inform"
    return None
