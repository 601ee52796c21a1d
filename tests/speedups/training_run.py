"""Trains a small NLU model in a fresh interpreter, where TensorFlow has not started,
with the given graph runner ("parallel" or "rasa"), and records which process trained
each classifier: `python -m tests.speedups.training_run RUNNER CONFIG DATA OUT`."""
import json
import os
import sys
from pathlib import Path

import rasa.model_training
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.nlu.classifiers.diet_classifier import DIETClassifier

from speedups.parallel_training import ParallelTrainingRunner

RUNNERS = {"parallel": ParallelTrainingRunner, "rasa": DaskGraphRunner}
_rasa_persist = DIETClassifier.persist


def main(runner: str, config: str, data: str, out: str) -> None:
    trained_in = Path(out) / "trained_in"
    trained_in.mkdir(parents=True)

    def persist(self) -> None:
        (trained_in / type(self).__name__).write_text(str(os.getpid()))
        _rasa_persist(self)

    DIETClassifier.persist = persist
    rasa.model_training.DaskGraphRunner = RUNNERS[runner]
    model = rasa.model_training.train_nlu(config, data, out, fixed_model_name="model")
    print(json.dumps({"model": model, "pid": os.getpid(),
                      "trained_in": {path.name: int(path.read_text()) for path in trained_in.iterdir()}}))


if __name__ == "__main__":
    main(*sys.argv[1:])
