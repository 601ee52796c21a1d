"""The held-out messages and what a correct answer to each one contains."""
import re
from dataclasses import dataclass
from pathlib import Path
from typing import FrozenSet, List, Mapping, Optional, Tuple

import yaml

from actions.rendering import CATEGORY_NAMES
from language.topics import as_engine_category
from bench.metrics import contains_key_facts
from content.check import ANSWERS, load_responses

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "heldout" / "faq.yml"
FAQ_RESPONSE_PREFIX = "utter_faq/"
# The topics that are not FAQ answers, and the response (data/answers/general.yml) that answers each.
GENERAL_RESPONSES = {
    "greet": "utter_greet",
    "goodbye": "utter_goodbye",
    "thank": "utter_thanks",
    "bot_challenge": "utter_iamabot",
    "what_can_you_do": "utter_what_can_you_do",
    "out_of_scope": "utter_out_of_scope",
}


@dataclass(frozen=True)
class Example:
    text: str
    topic: str


# A personal answer from the membership engine opens with the category it found.
ENGINE_HEADLINE = re.compile(r"^(?:If that were so: )?You'd be: (.+?)\.$", re.MULTILINE)


def engine_category(reply: str) -> Optional[str]:
    """The category code a personal answer states, or None for any other reply."""
    headline = ENGINE_HEADLINE.search(reply)
    names = {name: code for code, name in CATEGORY_NAMES.items()}
    return names.get(headline.group(1)) if headline else None


@dataclass(frozen=True)
class Answers:
    """FAQ topic -> the key facts of each variant of its response and the categories it
    is about; other topic -> its texts."""
    key_facts: Mapping[str, Tuple[Tuple[str, ...], ...]]
    texts: Mapping[str, FrozenSet[str]]
    categories: Mapping[str, FrozenSet[str]]

    def is_faq(self, topic: str) -> bool:
        return topic in self.key_facts

    def label(self, topic: str) -> str:
        """The NLU label: the retrieval intent's response key for an FAQ topic."""
        return f"faq/{topic}" if self.is_faq(topic) else topic

    def is_correct(self, topic: str, reply: str) -> bool:
        """An FAQ is answered right by its key facts, or by the engine placing the visitor
        in the category the topic is about (a personal question routed to the engine)."""
        if self.is_faq(topic):
            if engine_category(reply):
                return engine_category(reply) in self.categories[topic]
            return any(contains_key_facts(reply, facts) for facts in self.key_facts[topic])
        return reply.strip() in self.texts[topic]


def load_examples(path: Path = HELDOUT) -> List[Example]:
    return [Example(item["text"], item["topic"]) for item in yaml.safe_load(path.read_text())["messages"]]


def answers_from(responses: Mapping[str, List[dict]]) -> Answers:
    key_facts = {name[len(FAQ_RESPONSE_PREFIX):]: tuple(tuple(v["metadata"]["key_facts"]) for v in variants)
                 for name, variants in responses.items() if name.startswith(FAQ_RESPONSE_PREFIX)}
    texts = {topic: frozenset(v["text"].strip() for v in responses[name])
             for topic, name in GENERAL_RESPONSES.items()}
    categories = {name[len(FAQ_RESPONSE_PREFIX):]: frozenset(
        as_engine_category(category) for v in variants for category in v["metadata"]["categories"])
        for name, variants in responses.items() if name.startswith(FAQ_RESPONSE_PREFIX)}
    return Answers(key_facts, texts, categories)


def load_answers(answers_dir: Path = ANSWERS) -> Answers:
    return answers_from(load_responses(answers_dir))
