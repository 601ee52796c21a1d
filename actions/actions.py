"""Custom actions: thin adapters between Rasa and the pure modules beside them."""
from typing import Any, Dict, List, Optional, Sequence, Text, Tuple

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

import membership
from actions import feedback, followups, leads, sources, suggestions
from language import questions, topics
from language.routing import no_faq_answer_fits
from language.profile import (CATEGORY_SLOT, NOT_ELIGIBLE, missing_fields, placed_category, profile_from_slots,
                              still_missing)
from actions.rendering import render_quote, shortened
from language.facts import answer_to_question, earlier_updates, profile_updates, warm_up


# Messages that ask something else: the form lets other rules answer them, then resumes.
QUESTION_INTENTS = {"faq", "followup", "tell_more", "greet", "goodbye", "thank", "bot_challenge",
                    "what_can_you_do", "out_of_scope", "not_on_page", "several_questions", "choose_topic",
                    "feedback", "ask_source"}

DID_YOU_MEAN = "action_did_you_mean"

warm_up()  # the action server imports this module once, at start


def latest_intent(tracker: Tracker) -> Text:
    return (tracker.latest_message.get("intent") or {}).get("name") or ""


def visitor_updates(tracker: Tracker, answers: List[questions.Answer]) -> Dict[str, Any]:
    """What the visitor said about themselves, now and before: the other questions of the
    message, about others or the page, are left out, unless it says nothing else about them."""
    text = tracker.latest_message.get("text") or ""
    own = (message_updates(tracker, questions.about_others(text, answers))
           or message_updates(tracker, questions.about_someone_else(text, answers)))
    before = feedback.events_before_latest_message(tracker.events)
    return {**earlier_updates(before, membership.today()), **own}


def visitor_category(tracker: Tracker, updates: Dict[str, Any]) -> Optional[Text]:
    """The category the engine places the visitor in from what they said (updates), if it can."""
    try:
        answer = membership.quote({**profile_from_slots(tracker.slots), **updates})
    except membership.InvalidProfile:
        return None
    return answer.get("category") if answer.get("eligible") else None


def message_updates(tracker: Tracker, other_questions: Sequence[Text] = ()) -> Dict[str, Any]:
    """Profile facts stated in the latest message, outside the questions it asks about
    others, and yes/no answers to the last question."""
    message = tracker.latest_message
    asked = tracker.get_slot("requested_slot")
    text, entities = questions.without(other_questions, message.get("text") or "", message.get("entities", []))
    updates = profile_updates(text, entities, membership.today(), asked, hypothetical=latest_intent(tracker) == "what_if")
    return {**answer_to_question(asked or "", latest_intent(tracker)), **updates}


class ValidateProfileForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_profile_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        starting = not tracker.get_slot("requested_slot")
        events = await super().run(dispatcher, tracker, domain)  # fills tracker.slots too
        if starting and latest_intent(tracker) in leads.STARTING_INTENTS:
            # Before its first question, the general rule the visitor asked about (actions/leads.py).
            topic = leads.leading_topic(tracker.latest_message, domain, profile_from_slots(tracker.slots))
            if topic and topic != topics.last_answered_topic(tracker.events):  # not the answer just given again
                dispatcher.utter_message(response=topics.response_name(topic))
        return events

    async def get_extraction_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> List[EventType]:
        asked = tracker.get_slot("requested_slot")
        updates = message_updates(tracker)
        if latest_intent(tracker) in QUESTION_INTENTS and asked not in updates:
            return []  # a question in the middle: other rules answer it, then the form asks again
        if not asked:  # starting: what the visitor said about themselves before counts too
            before = feedback.events_before_latest_message(tracker.events)
            updates = {**earlier_updates(before, membership.today()), **updates}
        return [SlotSet(field, value) for field, value in updates.items()]

    async def get_validation_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> List[EventType]:
        # Extraction already normalised the values; none is dropped for not being asked.
        return [SlotSet(field, value) for field, value in tracker.slots_to_validate().items()]

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> List[Text]:
        return still_missing(profile_from_slots(tracker.slots))


class ActionQuote(Action):
    """Answers from the membership engine. A what-if is answered without keeping the
    change, unless facts are still missing: then they are kept and the form asks on."""

    def name(self) -> Text:
        return "action_quote"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        hypothetical = latest_intent(tracker) == "what_if"
        return engine_answer(dispatcher, tracker, message_updates(tracker) if hypothetical else {}, hypothetical)


def engine_answer(dispatcher: CollectingDispatcher, tracker: Tracker, updates: Dict[str, Any],
                  hypothetical: bool) -> List[EventType]:
    """The engine's answer for the profile with `updates`; while facts are missing the
    updates are kept and the profile form asks for the next one."""
    try:
        answer = membership.quote({**profile_from_slots(tracker.slots), **updates})
    except membership.InvalidProfile as problem:
        dispatcher.utter_message(text=f"I couldn't work that out: {problem}. You can say \"start over\".")
        return []
    kept = [SlotSet(field, value) for field, value in updates.items()]
    if missing_fields(answer):
        return kept + [FollowupAction("profile_form")]
    dispatcher.utter_message(text=render_quote(answer, hypothetical), **sources.quote_metadata(answer))
    answered = [SlotSet(feedback.ANSWER_SLOT, feedback.QUOTE_TOPIC)]
    return answered if hypothetical else kept + answered + [SlotSet(CATEGORY_SLOT, placed_category(answer))]


class ActionAnswerQuestions(Action):
    """Answers each question of a message that asks several, in the order asked: from the
    FAQ, from the membership engine (or with the engine's next question), saying that
    the membership page does not cover it, or asking which topic a question the
    classifiers could not place is about (language/questions.py)."""

    def name(self) -> Text:
        return "action_answer_questions"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        answers = [questions.Answer.from_dict(item) for item in tracker.latest_message.get("questions") or []]
        if questions.PERSONAL in answers:
            answers = [answer for answer in answers
                       if not questions.engine_covers(answer, (topics.topic_metadata(domain, answer.topic) or {}).get("aspect"))]
        answers = [placed_by_category(answer, domain, tracker.latest_message.get("entities", [])) for answer in answers]
        events: List[EventType] = []
        answered: List[Text] = []
        unsure = [answer for answer in answers if answer.kind == "unsure"]
        follows_up = any(answer.kind == "followup" for answer in answers)
        # what the visitor said of themselves: read once, for the engine's answer and the follow-ups' category
        updates = visitor_updates(tracker, answers) if follows_up or questions.PERSONAL in answers else {}
        category = visitor_category(tracker, updates) if follows_up else None
        for answer in answers:
            if answer == questions.PERSONAL:
                events += engine_answer(dispatcher, tracker, updates, hypothetical=False)
                continue
            topic = self.topic_for(answer, domain, answered, category)
            if topic and topic not in answered:
                dispatcher.utter_message(response=topics.response_name(topic))
                answered.append(topic)
                events.append(SlotSet(feedback.ANSWER_SLOT, topic))
            elif answer.kind == "not_on_page":
                dispatcher.utter_message(response="utter_not_on_page")
            elif answer.kind == "unsure" and answer is unsure[0]:
                self.ask_which_topic(dispatcher, domain, unsure)
            elif (answer.kind == "followup" and not topic and answer.suggestions
                  and followups.leans_on_nothing(domain, answered, category)):
                self.ask_which_topic(dispatcher, domain, [answer])
        return events

    @staticmethod
    def ask_which_topic(dispatcher: CollectingDispatcher, domain: DomainDict,
                        unsure: List[questions.Answer]) -> None:
        """One reply for all the questions that could not be placed, with their likelier topics."""
        dispatcher.utter_message(response="utter_which_topic",
                                 question=" and ".join(f'"{shortened(answer.question)}"' for answer in unsure),
                                 buttons=suggestions.topic_buttons(
                                     domain, suggestions.taken_in_turn(answer.suggestions for answer in unsure)))

    @staticmethod
    def topic_for(answer: questions.Answer, domain: DomainDict, answered: List[Text],
                  visitor_category: Optional[Text]) -> Optional[Text]:
        """The FAQ topic that answers one question, if any: a follow-up's in the context of
        the answers before it and of the visitor's category."""
        if answer.kind == "followup" and answered:
            return followups.answer_after(domain, answered, answer.question, answer.topic, visitor_category)
        return answer.topic if answer.kind == "faq" else None


def placed_by_category(answer: questions.Answer, domain: DomainDict,
                       entities: List[Dict[str, Any]]) -> questions.Answer:
    """An unsure question whose likelier topics the category it names settles ("Do fellows
    pay?": the members-in-training's dues) is answered, not asked about."""
    if answer.kind != "unsure":
        return answer
    settled = suggestions.settled_by_category(domain, answer.suggestions,
                                              *topics.category_and_aspect(answer.question, entities))
    return questions.Answer("faq", settled, answer.question) if settled else answer


class ActionTellMore(Action):
    """"tell me more", or "sorry what?": the last FAQ answer at more length; after the
    engine's answer, its reasons with their sources; before any answer, what it can do."""

    def name(self) -> Text:
        return "action_tell_more"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        topic = topics.last_answered_topic(tracker.events)
        more = (topics.topic_metadata(domain, topic) or {}).get("more") if topic else None
        if more:
            dispatcher.utter_message(text=more, **sources.tell_more_metadata(topic))
            return [SlotSet(feedback.ANSWER_SLOT, topic)]
        reasons = sources.sources_reply(tracker.events, domain) if followups.engine_answered_last(tracker.events) else None
        if reasons:
            dispatcher.utter_message(text=reasons)
        else:
            dispatcher.utter_message(response="utter_what_can_you_do")
        return []


class ActionShowSources(Action):
    """Answers "why?" or "source?": the page's sentences the previous answer rests on, or
    the engine answer's reasons with their sources, and the page's link; before any
    answer, a clear FAQ answer to what was asked ("link to application pls"), if there is
    one (actions/sources.py)."""

    def name(self) -> Text:
        return "action_show_sources"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        reply = sources.sources_reply(tracker.events, domain)
        if reply:
            dispatcher.utter_message(text=reply)
            return []
        topic = sources.page_question_instead(tracker.latest_message)
        dispatcher.utter_message(response=topics.response_name(topic) if topic else sources.NO_ANSWER)
        return []


class ActionAnswerFollowup(Action):
    def name(self) -> Text:
        return "action_answer_followup"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        message = tracker.latest_message
        last_topic, category = followed_answer(tracker)
        topic = followups.followup_topic(domain, last_topic, topics.aspect_of(message.get("text") or ""), category)
        own, confidence = topics.best_faq_answer(message)
        # nothing to follow: its own reading where the FAQ would give it, else "did you mean"
        topic = topic or (None if no_faq_answer_fits("faq", confidence, topics.faq_margin(message)) else own)
        if topic:
            dispatcher.utter_message(response=topics.response_name(topic))
        else:
            suggest_topics(dispatcher, tracker, domain)
        return []


def followed_answer(tracker: Tracker) -> Tuple[Optional[str], Optional[str]]:
    """What a follow-up follows: the last FAQ answer's topic and the category the follow-up
    names, or the category the engine placed the visitor in when it spoke last."""
    category = topics.category_of(tracker.latest_message.get("entities", []))
    quoted = tracker.get_slot(CATEGORY_SLOT)
    if not category and followups.engine_answered_last(tracker.events) and quoted not in (None, NOT_ELIGIBLE):
        return None, quoted
    return topics.last_answered_topic(tracker.events), category


class ActionAnswerTopic(Action):
    """Answers the topic a suggestion button named (only a known topic is answered)."""

    def name(self) -> Text:
        return "action_answer_topic"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        topic = next(tracker.get_latest_entity_values("topic"), None)
        known = topic in topics.all_topics(domain)
        dispatcher.utter_message(response=topics.response_name(topic) if known else "utter_ask_rephrase")
        return []


class ActionDidYouMean(Action):
    """Suggests the closest topics, or answers the one the message's named category
    settles; after a second miss in a row, says it does not know."""

    def name(self) -> Text:
        return DID_YOU_MEAN

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        suggest_topics(dispatcher, tracker, domain)
        return []


def suggest_topics(dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> None:
    """"Did you mean ...?" with the likelier topics, the one the named category settles,
    or, after a second miss in a row, "I don't know"."""
    message = tracker.latest_message
    likely = topics.likely_topics(message)
    candidates = suggestions.known_topics(domain, likely)
    settled = suggestions.settled_by_category(domain, likely, topics.category_of(message.get("entities", [])),
                                              topics.aspect_of(questions.asked(message.get("text") or "")))
    if settled:
        dispatcher.utter_message(response=topics.response_name(settled))
    elif suggestions.missed_before(tracker.events, DID_YOU_MEAN) or not candidates:
        dispatcher.utter_message(response="utter_dont_know")
    else:
        buttons = suggestions.topic_buttons(domain, candidates)
        dispatcher.utter_message(text="I'm not sure I understood. Did you mean:", buttons=buttons)


class ActionAskFeedback(Action):
    """Asks whether the answer just given helped; after anything else it asks nothing."""

    def name(self) -> Text:
        return "action_ask_feedback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        topic = feedback.answered_topic(tracker.events)
        if topic:
            dispatcher.utter_message(response="utter_ask_feedback")
        return [SlotSet(feedback.ANSWER_SLOT, topic)]


class ActionRecordFeedback(Action):
    """Keeps the visitor's yes or no about the answer the feedback question was about."""

    def name(self) -> Text:
        return "action_record_feedback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        message, intent = tracker.latest_message, latest_intent(tracker)
        topic = feedback.pending_topic(tracker.events)
        helpful = feedback.helpfulness(intent, message.get("entities", []), message.get("text") or "")
        dispatcher.utter_message(response=feedback.feedback_reply(intent, helpful, topic))
        record = feedback.feedback_record(topic, helpful)
        return [SlotSet(feedback.FEEDBACK_SLOT, record), SlotSet(feedback.ANSWER_SLOT, None)] if record else []
