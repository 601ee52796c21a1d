"""The conversation store: SQLite in write-ahead-log mode keeps every turn, for every
reader, across restarts, and the endpoints file decides which store the commands use."""
import asyncio

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from channels import tracker_store
from channels.tracker_store import ConversationStore
from tools.tracker_store import store_from


def store_at(path):
    return ConversationStore(Domain.empty(), dialect="sqlite", db=str(path))


def saved_conversation(store, sender, country):
    tracker = DialogueStateTracker(sender, slots=[])
    tracker.update(UserUttered(f"I live in {country}"))
    tracker.update(SlotSet("country", country))
    asyncio.run(store.save(tracker))


def test_sqlite_runs_in_write_ahead_log_mode(tmp_path):
    store = store_at(tmp_path / "c.db")
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_a_second_store_on_the_same_file_reads_what_the_first_wrote(tmp_path):
    writer, reader = store_at(tmp_path / "c.db"), store_at(tmp_path / "c.db")
    saved_conversation(writer, "alice", "CA")
    saved_conversation(writer, "bob", "DE")
    events = asyncio.run(reader.retrieve_full_tracker("alice")).events
    assert [event.value for event in events if isinstance(event, SlotSet)] == ["CA"]


def test_a_conversation_survives_closing_the_store(tmp_path):
    first = store_at(tmp_path / "c.db")
    saved_conversation(first, "alice", "CA")
    first.engine.dispose()
    tracker = asyncio.run(store_at(tmp_path / "c.db").retrieve_full_tracker("alice"))
    assert tracker.latest_message.text == "I live in CA"


@pytest.mark.parametrize("store_type", ["SQL", "channels.tracker_store.ConversationStore"])
def test_commands_take_the_sql_store_from_the_endpoints_file(tmp_path, store_type):
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(f"tracker_store:\n  type: {store_type}\n  dialect: sqlite\n  db: {tmp_path / 'c.db'}\n")
    assert store_from(str(endpoints)).engine.url.database == str(tmp_path / "c.db")


def test_commands_refuse_a_store_they_cannot_read(tmp_path):
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text("tracker_store:\n  type: redis\n  url: localhost\n")
    with pytest.raises(SystemExit, match="SQL tracker store"):
        store_from(str(endpoints))


def stored_texts(store, sender):
    tracker = asyncio.run(store.retrieve_full_tracker(sender))
    return [event.text for event in tracker.events if isinstance(event, UserUttered)]


def test_turn_after_turn_each_event_is_stored_once(tmp_path):
    store = store_at(tmp_path / "c.db")
    for turn in range(3):
        tracker = asyncio.run(store.retrieve("alice")) or DialogueStateTracker("alice", slots=[])
        tracker.update(UserUttered(f"question {turn}"))
        asyncio.run(store.save(tracker))
        tracker.update(UserUttered(f"follow-up {turn}"))
        asyncio.run(store.save(tracker))
        asyncio.run(store.save(tracker))
    assert stored_texts(store, "alice") == [f"{kind} {turn}" for turn in range(3) for kind in ("question", "follow-up")]


def test_a_new_session_is_stored_after_the_old_one(tmp_path):
    store = store_at(tmp_path / "c.db")
    saved_conversation(store, "alice", "CA")
    tracker = asyncio.run(store.retrieve("alice"))
    tracker.update(SessionStarted())
    tracker.update(UserUttered("back again"))
    asyncio.run(store.save(tracker))
    assert stored_texts(store, "alice") == ["I live in CA", "back again"]
    assert [event.text for event in asyncio.run(store.retrieve("alice")).events
            if isinstance(event, UserUttered)] == ["back again"]


def test_a_save_repeated_after_a_lost_connection_writes_nothing_twice(tmp_path, monkeypatch):
    store = store_at(tmp_path / "c.db")
    saved_conversation(store, "alice", "CA")
    tracker = asyncio.run(store.retrieve("alice"))
    tracker.update(UserUttered("written, then the connection went"))
    asyncio.run(store.save(tracker))
    written_once = {"done": False}
    real_save = SQLTrackerStore.save

    async def save_then_lose_the_connection(self, tracker):
        await real_save(self, tracker)
        if not written_once["done"]:
            written_once["done"] = True
            raise sa.exc.OperationalError("COMMIT", {}, ConnectionError("closed"))

    monkeypatch.setattr(tracker_store, "RETRY_INTERVAL", 0)
    monkeypatch.setattr(SQLTrackerStore, "save", save_then_lose_the_connection)
    tracker.update(UserUttered("sent once"))
    asyncio.run(store.save(tracker))
    assert stored_texts(store, "alice") == ["I live in CA", "written, then the connection went", "sent once"]
