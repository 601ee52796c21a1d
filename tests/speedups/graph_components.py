"""The components a loaded agent runs, for tests that look inside them."""
from typing import Any, List

from rasa.core.agent import Agent


def components(agent: Agent) -> List[Any]:
    return [node._component for node in agent.processor.graph_runner._instantiated_nodes.values()]
