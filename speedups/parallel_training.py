"""DIET and the ResponseSelector train at the same time, each in a process of its own.

Rasa runs the training graph one node after another, and each TensorFlow classifier kept
about one of the two cores busy while the other idled: together over two thirds of a
training. Both read the featurized training data and nothing of each other. Here, as the
graph reaches a classifier's training, it continues in a forked copy of the training
process, and the graph goes on; a later node that needs its result, or the end of the
run, waits for it. Rasa's hooks (its log lines, the training cache) run in the training
process before and after, as for any node. Each child sets up TensorFlow for itself,
so the classifiers learn exactly the weights they learn one after the other; where
TensorFlow already runs in this process (forking it is not safe), they train in it.
"""
import multiprocessing
import sys
import traceback
from typing import Any, Dict, List, Optional, Text, Tuple

import rasa.model_training
from rasa.engine.exceptions import GraphComponentException
from rasa.engine.graph import GraphNode
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.nlu.classifiers.diet_classifier import DIETClassifier
from tensorflow.python.eager import context

Output = Tuple[Text, Any]


def tensorflow_started() -> bool:
    current = context.context_safe()
    return current is not None and current._context_handle is not None


def trains_a_classifier(node: GraphNode) -> bool:
    return issubclass(node._component_class, DIETClassifier) and node._fn_name == "train"


def inputs_by_name(node: GraphNode, inputs: Tuple[Any, ...]) -> Optional[Dict[Text, Any]]:
    """The node's inputs as its hooks receive them; None if one is missing (the node
    itself then raises Rasa's error)."""
    received = dict(output for output in inputs if isinstance(output, tuple))
    if not set(node._inputs.values()) <= set(received):
        return None
    return {name: received[provider] for name, provider in node._inputs.items()}


def run_without_hooks(node: GraphNode, inputs: Tuple[Any, ...], results: Any) -> None:
    node._hooks = []  # this process's copy of the node: the hooks ran in the parent
    try:
        results.send(("output", node(*inputs)[1]))
    except BaseException as error:  # noqa: B902 - everything goes back to the parent
        traceback.print_exc()  # the traceback stays here: exceptions pickle without it
        results.send(("error", (error, error.__cause__)))


class Training:
    """A classifier's training in a child process, with Rasa's hooks run around it here."""

    def __init__(self, node: GraphNode, inputs: Tuple[Any, ...], hook_inputs: Dict[Text, Any]) -> None:
        self.node = node
        self.hook_outputs = node._run_before_hooks(hook_inputs)
        fork = multiprocessing.get_context("fork")
        self.results, child_end = fork.Pipe(duplex=False)
        sys.stdout.flush()
        sys.stderr.flush()
        self.process = fork.Process(target=run_without_hooks, args=(node, inputs, child_end),
                                    name=node._node_name, daemon=True)
        self.process.start()
        child_end.close()
        self.output: Optional[Any] = None
        self.finished = False

    def result(self) -> Any:
        if not self.finished:
            self.output = self._received()
            self.node._run_after_hooks(self.hook_outputs, self.output)
            self.finished = True
        return self.output

    def _received(self) -> Any:
        try:
            kind, value = self.results.recv()
        except EOFError:
            self.process.join()
            raise GraphComponentException(
                f"Training '{self.node._node_name}' ended without a result "
                f"(exit code {self.process.exitcode}).") from None
        finally:
            self.results.close()
        self.process.join()
        if kind == "error":
            error, cause = value
            raise error from cause
        return value

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()


def resolved(output: Any) -> Any:
    if isinstance(output, tuple) and len(output) == 2 and isinstance(output[1], Training):
        return output[0], output[1].result()
    return output


class ParallelTrainingRunner(DaskGraphRunner):
    """Rasa's runner, with each classifier's training started in a child process."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._trainings: List[Training] = []

    def _build_dask_graph(self, schema: Any) -> Dict[Text, Any]:
        graph = super()._build_dask_graph(schema)
        fork = not tensorflow_started()
        return {name: (self._started if fork and trains_a_classifier(node) else self._called, node, *needs)
                for name, (node, *needs) in graph.items()}

    def _started(self, node: GraphNode, *inputs: Any) -> Output:
        inputs = tuple(resolved(output) for output in inputs)
        hook_inputs = inputs_by_name(node, inputs)
        if hook_inputs is None:
            return node(*inputs)
        self._trainings.append(Training(node, inputs, hook_inputs))
        return node._node_name, self._trainings[-1]

    @staticmethod
    def _called(node: GraphNode, *inputs: Any) -> Output:
        return node(*(resolved(output) for output in inputs))

    def run(self, inputs: Optional[Dict[Text, Any]] = None,
            targets: Optional[List[Text]] = None) -> Dict[Text, Any]:
        try:
            outputs = super().run(inputs, targets)
            return dict(resolved(output) for output in outputs.items())
        finally:
            for training in self._trainings:
                training.stop()
            self._trainings = []


def install() -> None:
    rasa.model_training.DaskGraphRunner = ParallelTrainingRunner
