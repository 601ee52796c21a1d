"""Shared fixtures. `assistant` is the real thing: the trained model served by a Rasa
server and an action server on loopback, started once per test session."""
import pytest

from tools.servers import MODEL, running_assistant


@pytest.fixture(scope="session")
def assistant():
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train` first")
    with running_assistant() as running:
        yield running
