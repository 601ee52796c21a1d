"""Runs the trained model's graph in plain Python, in a fixed order worked out once.

Rasa 3.6 runs the graph with dask for every message and for every action it predicts
(about four times a turn). Each run rebuilds the minimal graph for its targets, walks the
dependencies recursively and hands the nodes to dask's scheduler, which together cost
about a millisecond per run, more than some of the components themselves. The nodes are
the same and run in a dependency order either way, in one thread, so the results are too.
"""
from typing import Any, Dict, List, Optional, Text, Tuple

import rasa.core.processor
from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner


class SequentialGraphRunner(DaskGraphRunner):
    """DaskGraphRunner's nodes and results, without dask."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._orders: Dict[Tuple[Text, ...], List[Text]] = {}

    def run(self, inputs: Optional[Dict[Text, Any]] = None,
            targets: Optional[List[Text]] = None) -> Dict[Text, Any]:
        run_targets = targets or self._graph_schema.target_names
        outputs: Dict[Text, Any] = {name: (name, value) for name, value in (inputs or {}).items()}
        clashes = set(outputs) & set(self._instantiated_nodes)
        if clashes:
            raise GraphRunError(f"Inputs {sorted(clashes)} have the names of graph nodes.")
        try:
            for node_name in self._order(tuple(run_targets)):
                needs = self._graph_schema.nodes[node_name].needs.values()
                # A need nobody provides reaches the node as its bare name, as with dask.
                outputs[node_name] = self._instantiated_nodes[node_name](*(outputs.get(n, n) for n in needs))
        except RuntimeError as error:
            raise GraphRunError("Error running runner.") from error
        return dict(outputs[target] for target in run_targets)

    def _order(self, targets: Tuple[Text, ...]) -> List[Text]:
        """The nodes the targets need, each after everything it needs."""
        if targets not in self._orders:
            order: List[Text] = []
            for target in targets:
                self._visit(target, order)
            self._orders[targets] = order
        return self._orders[targets]

    def _visit(self, node_name: Text, order: List[Text]) -> None:
        node = self._graph_schema.nodes.get(node_name)
        if node is None or node_name in order:  # an input, or already placed
            return
        for need in node.needs.values():
            self._visit(need, order)
        order.append(node_name)


def install() -> None:
    """Makes the Rasa server load models with SequentialGraphRunner."""
    rasa.core.processor.DaskGraphRunner = SequentialGraphRunner
