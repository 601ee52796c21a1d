"""Rasa 3.6's message processor deep-copies the events of every action, the slots and
the parse result only to hand the copies to its debug log lines, and makes those copies
whether or not debug lines are logged: about 2% of the server's time. Here the processor's
`copy` module is one whose deep copy is made only when its debug lines are logged."""
import copy
import logging
from typing import Any

import rasa.core.processor as processor

PROCESSOR_LOG = logging.getLogger(processor.__name__)


class CopiesForDebugLines:
    copy = staticmethod(copy.copy)

    @staticmethod
    def deepcopy(value: Any) -> Any:
        return copy.deepcopy(value) if PROCESSOR_LOG.isEnabledFor(logging.DEBUG) else value


def install() -> None:
    processor.copy = CopiesForDebugLines
