"""The project's Rasa NLU components: the first drops the answer texts that training
does not read, the last sends personal questions to the membership engine (see
language/routing.py)."""
from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, RESPONSE, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

import membership
from language.topics import best_faq_answer
from language.facts import warm_up
from language.routing import engine_intent, no_faq_answer_fits


def candidates(message: Message) -> List[str]:
    """The classifiers' intents, best first, without the fallback classifier's verdict."""
    return [entry.get(INTENT_NAME_KEY) for entry in message.get(INTENT_RANKING_KEY, [])
            if entry.get(INTENT_NAME_KEY) != "nlu_fallback"]


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
            _, confidence = best_faq_answer(message.data)
            routed = engine_intent(intent, message.get(TEXT) or "", message.get(ENTITIES, []), membership.today(),
                                   confidence, candidates(message))
            if not routed and no_faq_answer_fits(intent, confidence):
                routed = "nlu_fallback"
            if routed:
                self._set_intent(message, routed)
        return messages

    @staticmethod
    def _set_intent(message: Message, name: str) -> None:
        chosen = {INTENT_NAME_KEY: name, "confidence": 1.0}
        ranking = [entry for entry in message.get(INTENT_RANKING_KEY, [])
                   if entry.get(INTENT_NAME_KEY) not in (name, "nlu_fallback")]
        message.set(INTENT, chosen, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [chosen, *ranking], add_to_output=True)
