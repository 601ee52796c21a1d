"""DIET and the ResponseSelector train in child processes at the same time, and learn
exactly the weights they learn one after the other in Rasa's runner."""
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import numpy
import pytest
import tensorflow as tf
from rasa.engine.exceptions import GraphComponentException
from rasa.engine.graph import ExecutionContext, GraphComponent, GraphNode, GraphNodeHook, GraphSchema, SchemaNode
from rasa.engine.storage.local_model_storage import LocalModelStorage

import speedups.parallel_training
from speedups.parallel_training import ParallelTrainingRunner, Training
from tests.language_fixtures import ROOT
from tests.nlp.test_featurizers import NLU_CONFIG, nlu_data


def trained(tmp_path, runner):
    config, data = tmp_path / "config.yml", tmp_path / "nlu.yml"
    config.write_text(NLU_CONFIG.format(featurizer="CountVectorsFeaturizer", no_dropout=""))
    data.write_text(nlu_data())
    out = tmp_path / runner
    run = subprocess.run([sys.executable, "-m", "tests.speedups.training_run", runner, str(config), str(data),
                          str(out)], cwd=ROOT, capture_output=True, text=True, timeout=600,
                         env={**os.environ, "RASA_CACHE_DIRECTORY": str(tmp_path / f"cache-{runner}")})
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


def classifier_weights(model: str, directory: Path):
    tarfile.open(model).extractall(directory)
    weights = {}
    for index in directory.glob("components/*/*.tf_model.index"):
        reader = tf.train.load_checkpoint(str(index.with_suffix("")))
        for name in reader.get_variable_to_shape_map():
            weights[(index.parent.name, name)] = reader.get_tensor(name)
    return weights


@pytest.fixture(scope="module")
def both_ways(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("training")
    return {runner: trained(tmp_path, runner) for runner in ("rasa", "parallel")}


def test_each_classifier_trains_in_a_process_of_its_own(both_ways):
    parallel, rasa = both_ways["parallel"], both_ways["rasa"]
    assert set(parallel["trained_in"]) == {"DIETClassifier", "ResponseSelector"}
    assert len({parallel["pid"], *parallel["trained_in"].values()}) == 3
    assert set(rasa["trained_in"].values()) == {rasa["pid"]}


def test_the_classifiers_learn_the_same_weights_as_one_after_the_other(both_ways, tmp_path):
    parallel = classifier_weights(both_ways["parallel"]["model"], tmp_path / "parallel")
    rasa = classifier_weights(both_ways["rasa"]["model"], tmp_path / "rasa")
    assert len(rasa) > 20 and parallel.keys() == rasa.keys()
    assert {component.rstrip("0123456789") for component, _ in rasa} == {"train_DIETClassifier", "train_ResponseSelector"}
    different = [key for key in rasa if not numpy.array_equal(parallel[key], rasa[key])]
    assert different == []


class Recorder(GraphNodeHook):
    def __init__(self):
        self.calls = []

    def on_before_node(self, node_name, execution_context, config, received_inputs):
        self.calls.append(("before", node_name, received_inputs, os.getpid()))
        return {"seen": sorted(received_inputs)}

    def on_after_node(self, node_name, execution_context, config, output, input_hook_data):
        self.calls.append(("after", node_name, output, input_hook_data, os.getpid()))


class Trainer(GraphComponent):
    """Trains by returning its input, with the process it ran in; or fails as told."""

    @classmethod
    def create(cls, config, model_storage, resource, execution_context):
        return cls(config)

    def __init__(self, config):
        self.failure = config.get("failure")

    def train(self, training_data):
        if self.failure == "exception":
            raise ValueError(f"no examples in {training_data}")
        if self.failure == "exit":
            os._exit(3)
        return {"data": training_data, "pid": os.getpid()}


def node(tmp_path, hook, failure=None):
    schema_node = SchemaNode(needs={"training_data": "provider"}, uses=Trainer, fn="train",
                             constructor_name="create", config={"failure": failure})
    return GraphNode.from_schema_node("train_Trainer0", schema_node, LocalModelStorage(tmp_path),
                                      ExecutionContext(GraphSchema({}), "test"), [hook])


def test_a_training_runs_in_a_child_with_the_hooks_run_here(tmp_path):
    hook = Recorder()
    training = Training(node(tmp_path, hook), (("provider", "examples"),), {"training_data": "examples"})
    output = training.result()
    assert output["data"] == "examples" and output["pid"] != os.getpid()
    assert training.result() is output
    assert hook.calls == [("before", "train_Trainer0", {"training_data": "examples"}, os.getpid()),
                          ("after", "train_Trainer0", output, {"seen": ["training_data"]}, os.getpid())]


def test_a_failing_training_raises_its_own_error_here_without_the_after_hooks(tmp_path):
    hook = Recorder()
    training = Training(node(tmp_path, hook, failure="exception"), (("provider", "examples"),),
                        {"training_data": "examples"})
    with pytest.raises(GraphComponentException) as raised:
        training.result()
    assert isinstance(raised.value.__cause__, ValueError)
    assert str(raised.value.__cause__) == "no examples in examples"
    assert [call[0] for call in hook.calls] == ["before"]


def test_a_training_process_that_dies_is_reported_with_its_exit_code(tmp_path):
    training = Training(node(tmp_path, Recorder(), failure="exit"), (("provider", "examples"),),
                        {"training_data": "examples"})
    with pytest.raises(GraphComponentException, match="exit code 3"):
        training.result()


def test_where_tensorflow_already_runs_the_classifiers_train_in_this_process(monkeypatch):
    tf.constant(1.0) + 1.0  # TensorFlow starts in this process
    assert speedups.parallel_training.tensorflow_started()
    schema = GraphSchema({"train_DIETClassifier0": SchemaNode(
        needs={}, uses=speedups.parallel_training.DIETClassifier, fn="train", constructor_name="create", config={})})
    runner = ParallelTrainingRunner(schema, None, ExecutionContext(schema, "test"))
    assert runner._build_dask_graph(schema)["train_DIETClassifier0"][0] == runner._called
    monkeypatch.setattr(speedups.parallel_training, "tensorflow_started", lambda: False)
    assert runner._build_dask_graph(schema)["train_DIETClassifier0"][0] == runner._started
