"""The message processor copies values only for its debug lines, and still gets real
copies when those lines are logged."""
import ast
import inspect
import logging

import rasa.core.processor as processor

import channels  # noqa: F401  (installs the copies, as the Rasa server does on start)
from channels.log_copies import PROCESSOR_LOG, CopiesForDebugLines


def test_the_processor_copies_only_for_its_debug_lines():
    tree = ast.parse(inspect.getsource(processor))
    debug_arguments = {id(keyword.value) for call in ast.walk(tree) if isinstance(call, ast.Call)
                       and ast.unparse(call.func) == "structlogger.debug" for keyword in call.keywords}
    copies = [node for node in ast.walk(tree) if isinstance(node, ast.Attribute)
              and isinstance(node.value, ast.Name) and node.value.id == "copy"]
    assert copies, "the processor no longer copies anything"
    for node in copies:
        call = next(call for call in ast.walk(tree) if isinstance(call, ast.Call) and call.func is node)
        assert node.attr == "deepcopy" and id(call) in debug_arguments, ast.unparse(call)


def test_installed_for_the_processor():
    assert processor.copy is CopiesForDebugLines


def test_copies_are_made_only_while_debug_lines_are_logged():
    events = [{"event": "slot", "name": "country", "value": ["Canada"]}]
    level = PROCESSOR_LOG.level
    try:
        PROCESSOR_LOG.setLevel(logging.INFO)
        assert CopiesForDebugLines.deepcopy(events) is events
        PROCESSOR_LOG.setLevel(logging.DEBUG)
        copied = CopiesForDebugLines.deepcopy(events)
        assert copied == events and copied is not events and copied[0]["value"] is not events[0]["value"]
    finally:
        PROCESSOR_LOG.setLevel(level)
