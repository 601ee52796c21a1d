"""`make purge DAYS=30` on a real SQLite tracker store."""
import asyncio
import time

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from channels.tracker_store import ConversationStore
from conversations.purge import SECONDS_PER_DAY, main, purge


def conversation(sender, days_ago):
    tracker = DialogueStateTracker(sender, slots=[])
    tracker.update(UserUttered("who can join?", timestamp=time.time() - days_ago * SECONDS_PER_DAY))
    return tracker


def senders_in(store):
    with store.engine.connect() as connection:
        return {row.sender_id for row in connection.execute(store.SQLEvent.__table__.select())}


def test_only_conversations_idle_longer_than_the_limit_are_removed(tmp_path):
    store = ConversationStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "conversations.db"))
    for sender, days_ago in [("old", 45), ("recent", 3), ("older", 400)]:
        asyncio.run(store.save(conversation(sender, days_ago)))
    assert purge(store, days=30) == 2
    assert senders_in(store) == {"recent"}


def test_the_command_reads_the_store_from_the_endpoints_file(tmp_path, capsys):
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(f"tracker_store:\n  type: channels.tracker_store.ConversationStore\n  dialect: sqlite\n  db: {tmp_path / 'c.db'}\n")
    assert main(["--days", "30", "--endpoints", str(endpoints)]) == 0
    assert "Removed 0 conversation(s)" in capsys.readouterr().out
