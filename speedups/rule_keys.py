"""RulePolicy matches every one of its rules against the conversation's last states, turn by
turn, for each action it predicts: the largest part of its time. The rules that match depend
on nothing but those states and the rules, and conversations pass through the same few
states again and again, so each policy remembers the answer for the states it has seen."""
import json
from typing import Dict, FrozenSet, List, Set, Text, Tuple

from rasa.core.policies.rule_policy import RulePolicy
from rasa.shared.core.generator import State

_rasa_possible_keys = RulePolicy._get_possible_keys
_REMEMBERED = "_remembered_rule_keys"
MAX_REMEMBERED = 4096  # distinct state histories kept per policy; all are forgotten once full


def possible_keys(policy: RulePolicy, lookup: Dict[Text, Text], states: List[State]) -> Set[Text]:
    """Rasa's `_get_possible_keys`, remembered by the rule table and the states (in the same
    JSON form as Rasa's own rule keys)."""
    remembered: Dict[Tuple[int, Text], FrozenSet[Text]] = policy.__dict__.setdefault(_REMEMBERED, {})
    key = (id(lookup), json.dumps(states, sort_keys=True))
    if key not in remembered:
        if len(remembered) >= MAX_REMEMBERED:
            remembered.clear()
        remembered[key] = frozenset(_rasa_possible_keys(policy, lookup, states))
    return set(remembered[key])


def install() -> None:
    RulePolicy._get_possible_keys = possible_keys
