"""The SQL tracker store configured in endpoints.yml (SQLite by default, PostgreSQL in
production), for the tools that read or prune it."""
import json
from pathlib import Path
from typing import Dict, Iterator, Optional, Tuple

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.utils.endpoints import read_endpoint_config

from channels.tracker_store import SQL_STORES, ConversationStore


def store_from(endpoints: str, must_exist: bool = False) -> ConversationStore:
    """The store; with must_exist, a SQLite file that is not there yet is an error rather
    than a new empty store."""
    config = read_endpoint_config(endpoints, "tracker_store")
    if not config or config.type not in SQL_STORES:
        raise SystemExit(f"{endpoints}: this tool works on an SQL tracker store (SQLite or PostgreSQL)")
    sqlite_file = config.kwargs.get("db") if config.kwargs.get("dialect", "sqlite") == "sqlite" else None
    if must_exist and sqlite_file and not Path(sqlite_file).exists():
        raise SystemExit(f"{endpoints}: no conversations stored yet ({sqlite_file} does not exist)")
    return ConversationStore(Domain.empty(), host=config.url, **config.kwargs)


def stored_events(database: sa.engine.Engine, sender: Optional[str] = None) -> Iterator[Tuple[str, Dict]]:
    """Every stored event, oldest first, with the conversation it belongs to; only that
    conversation's with sender."""
    events = SQLTrackerStore.SQLEvent.__table__
    query = sa.select(events.c.sender_id, events.c.data).order_by(events.c.id)
    if sender is not None:
        query = query.where(events.c.sender_id == sender)
    with database.connect() as connection:
        for row in connection.execute(query):
            yield row.sender_id, json.loads(row.data)


def stored_slots(database: sa.engine.Engine, sender: str) -> Dict:
    """A conversation's slots as the store holds them: the last value set for each."""
    return {event["name"]: event["value"] for _, event in stored_events(database, sender)
            if event.get("event") == "slot"}
