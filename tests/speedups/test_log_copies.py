"""Rasa's modules copy values only for their debug lines, and still get real copies when
those lines are logged."""
import ast
import copy
import inspect
import logging

import pytest

from speedups.log_copies import MODULES

pytestmark = pytest.mark.usefixtures("speedups_installed")  # as `python -m speedups` runs Rasa


@pytest.mark.parametrize("module", MODULES, ids=lambda module: module.__name__)
def test_the_module_copies_only_for_its_debug_lines(module):
    tree = ast.parse(inspect.getsource(module))
    debug_arguments = {id(keyword.value) for call in ast.walk(tree) if isinstance(call, ast.Call)
                       and ast.unparse(call.func) == "structlogger.debug" for keyword in call.keywords}
    uses = [node for node in ast.walk(tree) if isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name) and node.value.id == "copy"]
    assert uses, "the module no longer copies anything"
    for use in uses:
        call = next(call for call in ast.walk(tree) if isinstance(call, ast.Call) and call.func is use)
        assert use.attr == "deepcopy" and id(call) in debug_arguments, ast.unparse(call)


@pytest.mark.parametrize("module", MODULES, ids=lambda module: module.__name__)
def test_copies_are_made_only_while_the_modules_debug_lines_are_logged(module):
    assert module.copy is not copy
    events = [{"event": "slot", "name": "country", "value": ["Canada"]}]
    log = logging.getLogger(module.__name__)
    level = log.level
    try:
        log.setLevel(logging.INFO)
        assert module.copy.deepcopy(events) is events
        log.setLevel(logging.DEBUG)
        copied = module.copy.deepcopy(events)
        assert copied == events and copied is not events and copied[0]["value"] is not events[0]["value"]
    finally:
        log.setLevel(level)
