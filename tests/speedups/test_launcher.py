"""`python -m speedups` installs every speed-up before Rasa's command line runs, and none
with ASSISTANT_SPEEDUPS=off: training then runs Rasa's own graph runner. Each launch is a
fresh interpreter, where nothing was installed before."""
import json
import os
import pkgutil
import subprocess
import sys
from typing import Dict

import pytest

import speedups
from ops.servers import QUIET, ROOT


def launched(switch: str) -> Dict:
    """What `python -m speedups train --help` replaced of Rasa's (tests/speedups/launched.py)."""
    run = subprocess.run([sys.executable, "-m", "tests.speedups.launched", "train", "--help"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300,
                         env={**os.environ, **QUIET, speedups.SWITCH: switch})
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_training_with_the_switch_off_runs_rasas_own_code():
    assert launched("off") == {"replaced": {}, "training_runner": "rasa.engine.runner.dask.DaskGraphRunner"}


def test_the_launcher_installs_every_module_of_the_package():
    launch = launched("on")
    assert launch["training_runner"] == "speedups.parallel_training.ParallelTrainingRunner"
    modules = {f"speedups.{module.name}" for module in pkgutil.iter_modules(speedups.__path__)} - {"speedups.__main__"}
    assert set(launch["replaced"].values()) == modules


def test_the_switch_is_on_or_off(monkeypatch):
    monkeypatch.delenv(speedups.SWITCH, raising=False)
    assert speedups.enabled()
    monkeypatch.setenv(speedups.SWITCH, "off")
    assert not speedups.enabled()
    monkeypatch.setenv(speedups.SWITCH, "no")
    with pytest.raises(SystemExit, match="'on' or 'off'"):
        speedups.enabled()
