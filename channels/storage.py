"""Where conversations are kept: Rasa's SQL tracker store, with SQLite set up for a chat
server (PostgreSQL is left as Rasa configures it).

Rasa opens and closes an SQLite connection for every read and write, and each write then
waits for the disk twice. In write-ahead-log mode, with one connection kept open, a turn
costs a fraction of a millisecond instead of about 25 ms. A crash of the server still
loses nothing; only a power cut can undo the last turns (SQLite's `synchronous=NORMAL`).

    tracker_store:
      type: channels.storage.ConversationStore
      dialect: sqlite        # or postgresql, with url, port, db, username, password
      db: var/conversations.db
"""
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.utils.endpoints import read_endpoint_config

STORE_TYPES = ("SQL", f"{__name__}.ConversationStore")


def _sqlite_engine(url: sa.engine.URL) -> sa.engine.Engine:
    engine = sa.create_engine(url, poolclass=sa.pool.QueuePool, connect_args={"check_same_thread": False})

    @sa.event.listens_for(engine, "connect")
    def use_write_ahead_log(connection, _record) -> None:
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return engine


class ConversationStore(SQLTrackerStore):
    def __init__(self, domain: Domain = None, host: str = None, **kwargs: Any) -> None:
        super().__init__(domain, host=host, **kwargs)
        if self.engine.dialect.name == "sqlite":
            self.engine.dispose()
            self.engine = _sqlite_engine(self.engine.url)
            self.sessionmaker = sa.orm.sessionmaker(bind=self.engine)


def store_from(endpoints: str) -> ConversationStore:
    """The SQL store an endpoints file configures, for the commands that read it."""
    config = read_endpoint_config(endpoints, "tracker_store")
    if not config or config.type not in STORE_TYPES:
        raise SystemExit(f"{endpoints}: this needs an SQL tracker store (SQLite or PostgreSQL)")
    return ConversationStore(Domain.empty(), host=config.url, **config.kwargs)
