"""The held-out messages and what a correct answer to each one contains."""
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, FrozenSet, List, Mapping, Tuple

import yaml

from bench.metrics import contains_key_facts

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "heldout" / "faq.yml"
DOMAIN = ROOT / "domain"
# The ACR page every answer comes from, as the assistant knows it.
PAGE = ROOT / "docs" / "source" / "acr_membership_page.txt"
FAQ_RESPONSE_PREFIX = "utter_faq/"
# The topics that are not FAQ answers, and the response (domain/general.yml) that answers each.
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


@dataclass(frozen=True)
class Answers:
    """FAQ topic -> the key facts of each variant of its response; other topic -> its texts."""
    key_facts: Mapping[str, Tuple[Tuple[str, ...], ...]]
    texts: Mapping[str, FrozenSet[str]]

    def is_faq(self, topic: str) -> bool:
        return topic in self.key_facts

    def label(self, topic: str) -> str:
        """The NLU label: the retrieval intent's response key for an FAQ topic."""
        return f"faq/{topic}" if self.is_faq(topic) else topic

    def is_correct(self, topic: str, reply: str) -> bool:
        if self.is_faq(topic):
            return any(contains_key_facts(reply, facts) for facts in self.key_facts[topic])
        return reply.strip() in self.texts[topic]


def load_examples(path: Path = HELDOUT) -> List[Example]:
    return [Example(item["text"], item["topic"]) for item in yaml.safe_load(path.read_text())["messages"]]


def load_responses(domain_dir: Path = DOMAIN) -> Dict[str, List[dict]]:
    responses = {}
    for path in sorted(domain_dir.glob("*.yml")):
        responses.update(yaml.safe_load(path.read_text()).get("responses") or {})
    return responses


def answers_from(responses: Mapping[str, List[dict]]) -> Answers:
    key_facts = {name[len(FAQ_RESPONSE_PREFIX):]: tuple(tuple(v["metadata"]["key_facts"]) for v in variants)
                 for name, variants in responses.items() if name.startswith(FAQ_RESPONSE_PREFIX)}
    texts = {topic: frozenset(v["text"].strip() for v in responses[name])
             for topic, name in GENERAL_RESPONSES.items()}
    return Answers(key_facts, texts)


def load_answers(domain_dir: Path = DOMAIN) -> Answers:
    return answers_from(load_responses(domain_dir))
