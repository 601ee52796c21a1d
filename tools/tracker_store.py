"""The SQL tracker store configured in endpoints.yml (SQLite by default, PostgreSQL in
production), for the tools that read or prune it."""
import json
from pathlib import Path
from typing import Dict, Iterator, Tuple

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


def stored_events(store: SQLTrackerStore) -> Iterator[Tuple[str, Dict]]:
    """Every stored event, oldest first, with the conversation it belongs to."""
    events = store.SQLEvent.__table__
    query = sa.select(events.c.sender_id, events.c.data).order_by(events.c.id)
    with store.engine.connect() as connection:
        for row in connection.execute(query):
            yield row.sender_id, json.loads(row.data)
