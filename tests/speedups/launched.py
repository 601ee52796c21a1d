"""Runs `python -m speedups ARGS` in this fresh interpreter, then prints, as the last line
of its output, what of Rasa's the launcher replaced and which runner `rasa train` would
use (JSON):

    python -m tests.speedups.launched train --help
"""
import contextlib
import json
import runpy
import sys
from types import SimpleNamespace
from typing import Any, Dict, Iterator, Tuple


def defined_in(value: Any) -> str:
    """The module that defined value, through the wrappers the speed-ups install with."""
    if isinstance(value, (classmethod, staticmethod)):
        value = value.__func__
    if isinstance(value, SimpleNamespace):  # log_copies' stand-in for a module's `copy`
        value = next(iter(vars(value).values()), None)
    module = getattr(value, "__module__", None)
    return module if isinstance(module, str) else ""


def rasas_names() -> Iterator[Tuple[str, Any]]:
    """Every global of Rasa's loaded modules, and every attribute of the classes they define."""
    for module_name, module in list(sys.modules.items()):
        if module_name.split(".")[0] != "rasa":
            continue
        for name, value in vars(module).items():
            yield f"{module_name}.{name}", value
            if isinstance(value, type) and value.__module__ == module_name:
                yield from ((f"{module_name}.{name}.{attribute}", item) for attribute, item in vars(value).items())


def replaced() -> Dict[str, str]:
    """Rasa's name -> the speed-up module now behind it."""
    return {name: defined_in(value) for name, value in rasas_names() if defined_in(value).startswith("speedups.")}


if __name__ == "__main__":
    sys.argv = ["speedups", *sys.argv[1:]]
    with contextlib.suppress(SystemExit):  # Rasa's command line exits, after --help for one
        runpy.run_module("speedups", run_name="__main__")
    import rasa.model_training

    runner = rasa.model_training.DaskGraphRunner
    print(json.dumps({"replaced": replaced(), "training_runner": f"{runner.__module__}.{runner.__name__}"}))
