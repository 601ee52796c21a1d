"""The project's Rasa NLU components: the first drops the answer texts that training
does not read; the question splitter gives each question of a message a message of its
own, so the classifiers read each one alone; the router sends personal questions to the
membership engine (language/routing.py); the question collector, last, folds the
questions' readings back into the visitor's message (language/questions.py)."""
import json
from dataclasses import replace
from typing import Any, Dict, List, Optional

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.selectors.response_selector import (RESPONSE_SELECTOR_PREDICTION_KEY, RESPONSE_SELECTOR_RANKING_KEY,
                                                  RESPONSE_SELECTOR_RESPONSES_KEY, RESPONSE_SELECTOR_UTTER_ACTION_KEY)
from rasa.shared.nlu.constants import (ENTITIES, INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, INTENT_RESPONSE_KEY,
                                      RESPONSE, RESPONSE_SELECTOR, TEXT)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

import membership
from language.topics import (COST, FAQ_PREFIX, asks_for_every_category, asks_if_it_stays_free, aspect_of,
                             best_faq_answer, category_and_aspect, faq_margin, faq_selection, is_overview, likely_topics,
                             own_category_answer, phrased_topic, response_name, settled_by_named_category,
                             silent_on_named_rights, situation_answer)
from language.facts import FIRST_PERSON, profile_updates, warm_up
from language import questions
from language.confidence import FAQ_ANSWER_CONFIDENCE, FAQ_CLEAR_ANSWER
from language.routing import (engine_intent, fallback_intent, follows_up, intent_candidates, no_faq_answer_fits,
                              profile_facts)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class AnswerTextRemover(GraphComponent):
    """Rasa gives every FAQ training example the full text of its answer. The
    ResponseSelector learns answer keys (faq/<key>, `use_text_as_label: false`), so
    nothing reads those texts, yet spaCy, the tokenizer and both featurizers processed
    each copy (about 1,300 copies of some 60 answers) and Rasa fingerprinted every one.
    First in the pipeline, this takes them off the training examples. Visitors'
    messages carry no answer text."""

    @classmethod
    def create(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "AnswerTextRemover":
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for example in training_data.training_examples:
            if example.get(RESPONSE) is not None:
                example.set(RESPONSE, None)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        return messages


FAQ_ANSWERS_FILE = "faq_answers.json"
PAGE_QUESTION_READINGS = ("faq", "nlu_fallback")


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class NamedCategoryAnswer(GraphComponent):
    """Right after the response selector, the answer the words settle (language.topics):
    - the overview of who can join, asked by a visitor who said who they are, gives way to
      the answer about them ("I'm an emergency medicine doc ... Can I still become member?":
      allied health);
    - a question naming the one answer's subject gets it ("does my program director sign us
      all up": the Trainee Update database), and so does the visitor's situation when the
      page answers it ("... starting a fellowship, do I keep my free membership?");
    - a question that names one category of membership and asks about it ("is a UK board
      accepted for general membership?") gets that category's answer when the response
      selector was unsure and thought of another category, and a question about the
      rights of a category the page states none for ("can residents vote?") is one the
      page does not answer.
    Training keeps the FAQ answers with their metadata (categories, aspect) in the model."""

    def __init__(self, model_storage: ModelStorage, resource: Resource, answers: Dict[str, List[Dict[str, Any]]]):
        self._model_storage, self._resource, self._answers = model_storage, resource, answers
        self._domain = {"responses": answers}

    @classmethod
    def create(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "NamedCategoryAnswer":
        return cls(model_storage, resource, {})

    @classmethod
    def load(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "NamedCategoryAnswer":
        with model_storage.read_from(resource) as directory:
            answers = json.loads((directory / FAQ_ANSWERS_FILE).read_text(encoding="utf-8"))
        return cls(model_storage, resource, answers)

    def train(self, training_data: TrainingData) -> Resource:
        answers = {name: variants for name, variants in training_data.responses.items() if name.startswith(FAQ_PREFIX)}
        with self._model_storage.write_to(self._resource) as directory:
            (directory / FAQ_ANSWERS_FILE).write_text(json.dumps(answers), encoding="utf-8")
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        facts: Dict[int, Dict[str, Any]] = {}  # of each visitor's message, read once when needed
        for message in messages:
            best_topic, confidence = best_faq_answer(message.data)
            whole = message if message.get(QUESTION_OF) is None else messages[message.get(QUESTION_OF)]
            if is_overview(self._domain, best_topic) and self._answer_for_visitor(message, whole, facts):
                continue
            if (self._answer_phrased(message, best_topic, confidence)
                    or self._answer_situation(message, whole, facts)):
                continue
            category, aspect = category_and_aspect(message.get(TEXT) or "", message.get(ENTITIES, []))
            if not category:
                continue
            topic = settled_by_named_category(self._domain, category, aspect, best_topic, confidence)
            if topic:
                self._select(message, topic)
            elif intent_of(message) in PAGE_QUESTION_READINGS and silent_on_named_rights(
                    self._domain, category, aspect, best_topic):
                set_intent(message, "not_on_page")
        return messages

    def _answer_for_visitor(self, message: Message, whole: Message, facts: Dict[int, Dict[str, Any]]) -> bool:
        """The overview of who can join, asked by a visitor who said who they are (in the
        whole message the question is part of), gives way to the answer about them
        (language.topics.own_category_answer)."""
        if not FIRST_PERSON.search(whole.get(TEXT) or "") or asks_for_every_category(message.get(TEXT) or ""):
            return False
        topic = own_category_answer(self._domain, visitor_facts(whole, facts))
        return bool(topic) and self._select(message, topic, always=True)

    def _answer_situation(self, message: Message, whole: Message, facts: Dict[int, Dict[str, Any]]) -> bool:
        """The page's answer for the situation the visitor described (language.topics.
        situation_answer); the router keeps it from the engine."""
        text = whole.get(TEXT) or ""
        topic = situation_answer(visitor_facts(whole, facts), text) if asks_if_it_stays_free(text) else None
        return bool(topic) and self._select(message, topic, always=True)

    def _answer_phrased(self, message: Message, best_topic: Optional[str], confidence: float) -> bool:
        """A page question whose words name the one answer's subject (language.topics.
        phrased_topic) gets it when the response selector was unsure of its own, and when
        DIET took it for a question the page does not answer ("how does my PD add our
        residents to acr")."""
        topic = phrased_topic(message.get(TEXT) or "")
        if not topic or intent_of(message) not in (*PAGE_QUESTION_READINGS, "not_on_page"):
            return False
        if topic != best_topic and (confidence >= FAQ_CLEAR_ANSWER or not self._select(message, topic, always=True)):
            return False
        set_intent(message, "faq")
        return True

    def _select(self, message: Message, topic: str, always: bool = False) -> bool:
        """The named category's answer and the best answer swap places and confidences; False
        when the named one is not among the response selector's candidates, unless `always`:
        then it takes the best one's place (a question read without its background ranks
        answers about the visitor low: "Which ACR membership could I have while I'm still
        applying")."""
        selection = faq_selection(message.data)
        ranking = selection.get(RESPONSE_SELECTOR_RANKING_KEY) or []
        key = f"faq/{topic}"
        named = next((entry for entry in ranking if entry.get(INTENT_RESPONSE_KEY) == key), None)
        if named is None and not (always and ranking):
            return False  # not among the response selector's candidates at all
        first = ranking[0]
        named = named or {"id": None, INTENT_RESPONSE_KEY: key}
        selection[RESPONSE_SELECTOR_RANKING_KEY] = [
            labelled_as(entry, named) if entry is first else labelled_as(entry, first) if entry is named else entry
            for entry in ranking]
        selection[RESPONSE_SELECTOR_PREDICTION_KEY] = {
            **selection[RESPONSE_SELECTOR_PREDICTION_KEY], INTENT_RESPONSE_KEY: key,
            RESPONSE_SELECTOR_UTTER_ACTION_KEY: response_name(topic),
            RESPONSE_SELECTOR_RESPONSES_KEY: self._answers.get(response_name(topic), [])}
        return True


def visitor_facts(whole: Message, read: Dict[int, Dict[str, Any]]) -> Dict[str, Any]:
    """What the visitor's message says of them (language.facts), read once per message."""
    if id(whole) not in read:
        read[id(whole)] = profile_updates(whole.get(TEXT) or "", whole.get(ENTITIES, []), membership.today())
    return read[id(whole)]


def labelled_as(entry: Dict[str, Any], other: Dict[str, Any]) -> Dict[str, Any]:
    """A ranking entry with its confidence and the other entry's answer."""
    return {**entry, "id": other.get("id"), INTENT_RESPONSE_KEY: other[INTENT_RESPONSE_KEY]}


# On a question's own message: the position, in the batch, of the visitor's message it came from.
QUESTION_OF = "question_of"
# On a question's message with the background before it: which of the message's questions it is.
IN_CONTEXT_OF = "in_context_of"
QUESTIONS = "questions"  # in the parse data: the answer each question of the message gets
SEVERAL_QUESTIONS, PERSONAL_INTENTS, WHAT_IF = "several_questions", ("ask_personal", "inform"), "what_if"
# Readings of a whole message that a question in it overrides: it asks something.
SMALL_TALK = frozenset({"greet", "goodbye", "thank", "affirm", "deny", "feedback"})


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class QuestionSplitter(GraphComponent):
    """Adds a message for each question of a visitor's message that asks several, or
    gives background first; every later component reads them as it reads the visitor's
    own. Training examples are one question each and pass as they are."""

    @classmethod
    def create(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "QuestionSplitter":
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for position, message in enumerate(list(messages)):
            found = questions.parts(message.get(TEXT) or "")  # split once, read twice
            for question in questions.questions_in(found):
                messages.append(Message(data={TEXT: question, QUESTION_OF: position}))
            for number, question in enumerate(questions.contexts_in(found)):
                if question:
                    messages.append(Message(data={TEXT: question, QUESTION_OF: position, IN_CONTEXT_OF: number}))
        return messages


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class QuestionCollector(GraphComponent):
    """Last in the pipeline: several answerable questions make the message
    `several_questions`, with each question's reading in its parse data for
    action_answer_questions; one question after background replaces a weaker reading of
    the whole message (of a personal message, only its FAQ answer, which the profile
    form states before its first question: actions/leads.py)."""

    @classmethod
    def create(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "QuestionCollector":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        visitors = [message for message in messages if message.get(QUESTION_OF) is None]
        for position, message in enumerate(visitors):
            own = [part for part in messages if part.get(QUESTION_OF) == position]
            parts = [part for part in own if part.get(IN_CONTEXT_OF) is None]
            contexts = {part.get(IN_CONTEXT_OF): part for part in own if part.get(IN_CONTEXT_OF) is not None}
            if parts:
                self._fold(message, parts, [placed_in_context(part, contexts.get(number))
                                            for number, part in enumerate(parts)])
        return visitors

    @staticmethod
    def _fold(message: Message, questions_asked: List[Message], placed: List[Message]) -> None:
        """questions_asked: a message for each question; placed: the one each is read from."""
        personal = intent_of(message) in PERSONAL_INTENTS
        readings = [reading_placed(part, chosen) for part, chosen in zip(questions_asked, placed)]
        answers = questions.plan(readings, personal)
        if all(answer.kind == "unsure" for answer in answers) and clear_as_a_whole(message):
            return  # "med studnt wanna join, what do i get and do i pay": the parts alone say less
        if len(answers) >= 2:
            message.set(QUESTIONS, [answer.as_dict() for answer in answers], add_to_output=True)
            set_intent(message, SEVERAL_QUESTIONS)
        elif answers and not personal and answers[0].kind in ("faq", "not_on_page"):
            question = next(chosen for part, chosen in zip(questions_asked, placed)
                            if part.get(TEXT) == answers[0].question)
            if intent_of(message) != "faq" or clearer(question, message):
                set_intent(message, answers[0].kind)  # a follow-up with nothing before it is a page question
                adopt_faq_answer(message, question)
        elif personal and len(placed) == 1 and clearer(placed[0], message):
            adopt_faq_answer(message, placed[0])  # for the rule stated before the form's first question
        elif answers == [questions.PERSONAL] and intent_of(message) in SMALL_TALK:
            set_intent(message, "ask_personal")  # "I'm an RT(R) ... can i join now as a student?" is no goodbye
        elif (not answers and intent_of(message) in SMALL_TALK
              and [intent_of(part) for part in questions_asked] == [WHAT_IF]):
            set_intent(message, WHAT_IF)  # "thanks! what about if i come to the US for fellowship later"


def clear_as_a_whole(message: Message) -> bool:
    """The whole message reads as an FAQ with an answer the response selector is sure of."""
    return intent_of(message) == "faq" and best_faq_answer(message.data)[1] >= FAQ_ANSWER_CONFIDENCE


def clearer(question: Message, message: Message) -> bool:
    """One question after background: is its own FAQ answer surer than the whole message's?"""
    return best_faq_answer(question.data)[1] > best_faq_answer(message.data)[1]


def adopt_faq_answer(message: Message, question: Message) -> None:
    message.set(RESPONSE_SELECTOR, question.get(RESPONSE_SELECTOR), add_to_output=True)


def intent_of(message: Message) -> str:
    return (message.get(INTENT) or {}).get(INTENT_NAME_KEY) or ""


def reading_of(message: Message) -> questions.Reading:
    topic, confidence = best_faq_answer(message.data)
    text, entities = message.get(TEXT) or "", message.get(ENTITIES, [])
    return questions.Reading(text, intent_of(message), topic, confidence, profile_facts(entities) > 0,
                             tuple(likely_topics(message.data)), not entities and aspect_of(text) == COST)


def reading_placed(part: Message, chosen: Message) -> questions.Reading:
    """A question's reading from the message it is read from, with its own words and facts."""
    alone = reading_of(part)
    if chosen is part:
        return alone
    return replace(reading_of(chosen), text=alone.text, names_facts=alone.names_facts, bare_cost=alone.bare_cost)


def placed_in_context(part: Message, context: Optional[Message]) -> Message:
    """The message a page question is read from: the question alone, or the question after
    the message's background when that places it surer ("Can I get that money back?" after
    "Already paid this year's dues in January": alone, benefits 0.75; in context, retired
    members' dues 0.99)."""
    if context is None or intent_of(part) not in questions.READ_AS_PAGE_QUESTIONS or intent_of(context) != "faq":
        return part
    in_context, alone = best_faq_answer(context.data)[1], best_faq_answer(part.data)[1]
    return context if in_context >= FAQ_ANSWER_CONFIDENCE and in_context > alone else part


def set_intent(message: Message, name: str) -> None:
    chosen = {INTENT_NAME_KEY: name, "confidence": 1.0}
    ranking = [entry for entry in message.get(INTENT_RANKING_KEY, [])
               if entry.get(INTENT_NAME_KEY) not in (name, "nlu_fallback")]
    message.set(INTENT, chosen, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [chosen, *ranking], add_to_output=True)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class PersonalQuestionRouter(GraphComponent):
    @classmethod
    def create(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "PersonalQuestionRouter":
        warm_up()
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            topic, confidence = best_faq_answer(message.data)
            routed = engine_intent(intent, message.get(TEXT) or "", message.get(ENTITIES, []), membership.today(),
                                   confidence, intent_candidates(message.data),
                                   (message.get(INTENT) or {}).get("confidence", 1.0), topic)
            if not routed and message.get(QUESTION_OF) is None and follows_up(
                    intent, message.get(TEXT) or "", message.get(ENTITIES, []), confidence):
                routed = "followup"  # a visitor's message of its own: questions in one are planned together
            elif not routed and no_faq_answer_fits(intent, confidence, faq_margin(message.data)):
                routed = fallback_intent(message.get(TEXT) or "", message.get(ENTITIES, []))
            if routed:
                set_intent(message, routed)
        return messages
