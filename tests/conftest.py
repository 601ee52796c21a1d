"""Shared fixtures. `assistant` is the real thing: the trained model served by a Rasa
server and an action server on loopback, started once per test session. The one Rasa
server listens on every channel: REST, the web widget's socket.io and Slack, whose
Web API is the stand-in `slack`.

Every test, and every server a test starts, takes the same day as today: the held-out
conversations' dues are worked out for 2026, and no outcome may depend on the clock."""
import os

import pytest
from rasa.shared.core.domain import Domain

import speedups
from channels.credentials import SLACK_CHANNEL
from channels.tracker_store import ConversationStore
from tests.channels.slack_standin import SlackStandIn
from ops.servers import MODEL, running_assistant
from conversations.store import stored_events

pytest_plugins = ["tests.language_fixtures"]
PINNED_TODAY = "2026-06-15"
os.environ["ASSISTANT_TODAY"] = PINNED_TODAY


@pytest.fixture(scope="session")
def slack():
    with SlackStandIn() as standin:
        yield standin


@pytest.fixture(scope="session")
def assistant(slack):
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train` first")
    # The web widget test serves its page from a port chosen at run time.
    with running_assistant(extra_channels={SLACK_CHANNEL: {}}, env=slack.environment(),
                           cors_origins=["*"]) as running:
        yield running


@pytest.fixture(scope="session")
def conversation_store(assistant):
    """The running assistant's own tracker store (SQLite in its work directory)."""
    return ConversationStore(Domain.empty(), dialect="sqlite", db=str(assistant.workdir / "conversations.db"))


@pytest.fixture
def events_stored(conversation_store):
    """Reads every event stored so far, oldest first, as (conversation id, event) pairs."""
    return lambda: list(stored_events(conversation_store.engine))


@pytest.fixture(scope="session")
def speedups_installed():
    """Rasa's code replaced as `python -m speedups` replaces it (speedups/), for tests that
    run Rasa in this process; for the rest of the session, as there is no undoing it."""
    speedups.install_serving()
    speedups.install_training()
