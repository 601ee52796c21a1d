"""The conversation store: SQLite in write-ahead-log mode keeps every turn, for every
reader, across restarts, and the endpoints file decides which store the commands use."""
import asyncio

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from channels import tracker_store
from channels.tracker_store import ConversationStore
from conversations.store import store_from


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
    real_write = ConversationStore._write

    async def write_then_lose_the_connection(self, tracker):
        await real_write(self, tracker)
        if not written_once["done"]:
            written_once["done"] = True
            raise sa.exc.OperationalError("COMMIT", {}, ConnectionError("closed"))

    monkeypatch.setattr(tracker_store, "RETRY_INTERVAL", 0)
    monkeypatch.setattr(ConversationStore, "_write", write_then_lose_the_connection)
    tracker.update(UserUttered("sent once"))
    asyncio.run(store.save(tracker))
    assert stored_texts(store, "alice") == ["I live in CA", "written, then the connection went", "sent once"]


def two_session_conversation(store):
    """The same events, timestamps included, saved turn by turn."""
    first = [ActionExecuted("action_session_start", timestamp=1), SessionStarted(timestamp=2),
             UserUttered("I live in Canada", {"name": "inform", "confidence": 0.9}, timestamp=3),
             BotUttered("Thanks!", timestamp=4)]
    second = [SessionStarted(timestamp=5), UserUttered("back again", {"name": "greet", "confidence": 0.9}, timestamp=6),
              ActionExecuted("utter_greet", timestamp=7)]
    tracker = DialogueStateTracker.from_events("alice", first, slots=[])
    asyncio.run(store.save(tracker))
    tracker = asyncio.run(store.retrieve("alice"))
    for event in second:
        tracker.update(event)
    asyncio.run(store.save(tracker))


def stored_rows(path):
    with sa.create_engine(f"sqlite:///{path}").connect() as connection:
        return [tuple(row) for row in connection.exec_driver_sql(
            "SELECT sender_id, type_name, timestamp, typeof(timestamp), intent_name, action_name, data"
            " FROM events ORDER BY id")]


def as_dicts(tracker):
    return [event.as_dict() for event in tracker.events]


@pytest.mark.parametrize("writer_type", [ConversationStore, SQLTrackerStore])
def test_the_store_and_rasas_sql_store_write_and_read_the_same_rows(tmp_path, writer_type):
    """Rasa's tools (rasa export, the report) read what this store writes, and the other way round."""
    reader_type = SQLTrackerStore if writer_type is ConversationStore else ConversationStore
    for kind in (ConversationStore, SQLTrackerStore):
        two_session_conversation(kind(Domain.empty(), dialect="sqlite", db=str(tmp_path / f"{kind.__name__}.db")))
    assert stored_rows(tmp_path / "ConversationStore.db") == stored_rows(tmp_path / "SQLTrackerStore.db")
    path = str(tmp_path / f"{writer_type.__name__}.db")
    written, read = writer_type(Domain.empty(), dialect="sqlite", db=path), reader_type(Domain.empty(), dialect="sqlite", db=path)
    for retrieve in ("retrieve", "retrieve_full_tracker"):
        assert as_dicts(asyncio.run(getattr(read, retrieve)("alice"))) == as_dicts(asyncio.run(getattr(written, retrieve)("alice")))
    assert asyncio.run(read.retrieve("bob")) is None


def first_turn(store, append_action_listen=True):
    """What Rasa does for a visitor's first message (the Rasa server appends no listen),
    through the wrapper it puts around every store."""
    wrapped = FailSafeTrackerStore(store)
    tracker = asyncio.run(wrapped.get_or_create_tracker("carol", append_action_listen=append_action_listen))
    created_rows = len(stored_rows(store.engine.url.database))
    tracker.update(UserUttered("who can join", {"name": "faq", "confidence": 0.9}))
    tracker.update(ActionExecuted("utter_faq"))
    asyncio.run(wrapped.save(tracker))
    asyncio.run(wrapped.save(tracker))
    return created_rows, [(row[1], *row[4:6]) for row in stored_rows(store.engine.url.database)]


def test_a_new_conversation_is_written_once_at_the_end_of_its_first_turn(tmp_path):
    created_rows, rows = first_turn(store_at(tmp_path / "c.db"))
    rasas_created_rows, rasas_rows = first_turn(SQLTrackerStore(Domain.empty(), dialect="sqlite",
                                                                db=str(tmp_path / "rasa.db")))
    assert (created_rows, rasas_created_rows) == (0, 1)
    assert rows == rasas_rows == [("action", None, "action_listen"), ("user", "faq", None),
                                  ("action", None, "utter_faq")]


def test_the_servers_new_conversation_is_written_as_rasa_writes_it_without_counting_events(tmp_path):
    store = store_at(tmp_path / "c.db")
    statements = []
    sa.event.listen(store.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    created_rows, rows = first_turn(store, append_action_listen=False)
    rasas = first_turn(SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "rasa.db")),
                       append_action_listen=False)
    assert (created_rows, rows) == rasas == (0, [("user", "faq", None), ("action", None, "utter_faq")])
    assert [statement.split()[0] for statement in statements] == ["SELECT", "INSERT"]  # the read, one write
