"""Rasa 3.6's message processor, its form action and its rule policy deep-copy events,
slots, parse results and dialogue states only to hand the copies to their debug log
lines, and make those copies whether or not debug lines are logged: about 2% of the
server's time. Here each of these modules gets a `copy` module whose deep copy is made
only when that module's debug lines are logged."""
import copy
import logging
from types import ModuleType, SimpleNamespace
from typing import Any

import rasa.core.actions.forms
import rasa.core.policies.rule_policy
import rasa.core.processor

MODULES = (rasa.core.processor, rasa.core.actions.forms, rasa.core.policies.rule_policy)


def copies_for_debug_lines(module: ModuleType) -> SimpleNamespace:
    log = logging.getLogger(module.__name__)  # the logger structlog writes the module's lines to

    def deepcopy(value: Any) -> Any:
        return copy.deepcopy(value) if log.isEnabledFor(logging.DEBUG) else value

    return SimpleNamespace(deepcopy=deepcopy)  # the only use these modules make of `copy` (tested)


def install() -> None:
    for module in MODULES:
        module.copy = copies_for_debug_lines(module)
