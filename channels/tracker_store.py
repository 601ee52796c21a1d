"""Where conversations are kept: Rasa's SQL tracker store, made fast on SQLite, and made
to ride out a database restart and to say so when it cannot.

SQLite: Rasa opens and closes a connection for every read and write, and each write then
waits for the disk twice. In write-ahead-log mode, with one connection kept open, a turn
costs a fraction of a millisecond instead of about 25 ms. A crash of the server still
loses nothing; only a power cut can undo the last turns (SQLite's `synchronous=NORMAL`).

Rasa wraps every tracker store in its FailSafeTrackerStore, which turns any error into
"no conversation yet" when reading and into "keep it in this process's memory" when
writing. With several servers that silently drops what a visitor told the assistant, or
keeps a turn no other server can see. This store instead
- retries a database operation that failed for want of a connection, for up to
  `retry_seconds` (10 by default), so a restart or a fail-over is a pause for the visitor;
- then raises ConversationStoreUnavailable, which the FailSafe wrapper lets through and
  channels/policy.py answers with an apology. That turn is not stored; the visitor sends
  it again.

endpoints.yml:  tracker_store: {type: channels.tracker_store.ConversationStore,
                dialect: sqlite, db: var/conversations.db}
                (or dialect: postgresql, url: ..., retry_seconds: 10, ...)
"""
import asyncio
import itertools
import json
import logging
import time
from dataclasses import dataclass
from functools import partial
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Tuple, TypeVar

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, Event, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

RETRY_SECONDS = 10.0
RETRY_INTERVAL = 0.5
# On a tracker this store read or wrote: how many of its events the database holds.
EVENTS_STORED = "_events_in_conversation_store"

log = logging.getLogger(__name__)
Result = TypeVar("Result")


class ConversationStoreUnavailable(BaseException):
    """Deliberately not an Exception: FailSafeTrackerStore catches every Exception."""


def is_connection_problem(error: sa.exc.DBAPIError) -> bool:
    return error.connection_invalidated or isinstance(error, (sa.exc.OperationalError, sa.exc.InterfaceError))


def sqlite_engine(url: sa.engine.URL) -> sa.engine.Engine:
    engine = sa.create_engine(url, poolclass=sa.pool.QueuePool, connect_args={"check_same_thread": False})

    @sa.event.listens_for(engine, "connect")
    def use_write_ahead_log(connection, _record) -> None:
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return engine


EVENT_COLUMNS = ("sender_id", "type_name", "timestamp", "intent_name", "action_name", "data")


def event_row(sender_id: Text, event: Event) -> Dict[Text, Any]:
    """The columns Rasa's SQL store writes for an event (EVENT_COLUMNS)."""
    data = event.as_dict()
    return {"sender_id": sender_id, "type_name": event.type_name, "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            "action_name": data.get("name"), "data": json.dumps(data)}


@dataclass(frozen=True)
class DriverInsert:
    """Rasa's INSERT of event rows in the database driver's own terms, compiled once: the
    same rows, without SQLAlchemy compiling and processing the statement at every save
    (a turn's dozen events in 0.14 instead of 0.26 ms)."""
    statement: str
    positions: Optional[Tuple[str, ...]]  # the columns in parameter order, for a positional driver

    def parameters(self, rows: List[Dict[Text, Any]]) -> List[Any]:
        if self.positions is None:
            return rows
        return [tuple(row[column] for column in self.positions) for row in rows]


def driver_insert(events: sa.Table, dialect: sa.engine.Dialect) -> DriverInsert:
    compiled = events.insert().inline().compile(dialect=dialect, column_keys=EVENT_COLUMNS)
    return DriverInsert(str(compiled), tuple(compiled.positiontup) if compiled.positional else None)


def is_just_created(tracker: DialogueStateTracker) -> bool:
    """A conversation no store read or wrote, holding nothing or only the listen Rasa opens
    it with (Rasa creates one only when the store holds no event of it; the Rasa server's
    holds nothing)."""
    if hasattr(tracker, EVENTS_STORED) or len(tracker.events) > 1:
        return False
    return not tracker.events or (isinstance(tracker.events[0], ActionExecuted)
                                  and tracker.events[0].action_name == ACTION_LISTEN_NAME)


def latest_session_events(events: sa.Table) -> sa.sql.Select:
    """Rasa's query for a conversation's events since its last session start, as one
    prepared statement: the same rows, without building ORM objects."""
    session_start = (sa.select(sa.func.max(events.c.timestamp))
                     .where(events.c.sender_id == sa.bindparam("sender_id"),
                            events.c.type_name == SessionStarted.type_name)
                     .scalar_subquery())
    return (sa.select(events.c.data)
            .where(events.c.sender_id == sa.bindparam("sender_id"),
                   sa.or_(events.c.timestamp >= session_start, session_start.is_(None)))
            .order_by(events.c.id))


class ConversationStore(SQLTrackerStore):
    def __init__(self, *args: Any, retry_seconds: float = RETRY_SECONDS, **kwargs: Any) -> None:
        self.retry_seconds = float(retry_seconds)
        super().__init__(*args, **kwargs)
        if self.engine.dialect.name == "sqlite":
            self.engine.dispose()
            self.engine = sqlite_engine(self.engine.url)
            self.sessionmaker = sa.orm.sessionmaker(bind=self.engine)
        events = self.SQLEvent.__table__
        self.latest_session_query = latest_session_events(events)
        self.all_sessions_query = (sa.select(events.c.data).where(events.c.sender_id == sa.bindparam("sender_id"))
                                   .order_by(events.c.id))
        self.latest_session_count = sa.select(sa.func.count()).select_from(self.latest_session_query.subquery())
        self.insert_events = driver_insert(events, self.engine.dialect)

    async def _retrieve(self, sender_id: Text,
                        fetch_events_from_all_sessions: bool) -> Optional[DialogueStateTracker]:
        tracker = await self._retrying(partial(self._read, sender_id, fetch_events_from_all_sessions))
        if tracker is not None and not fetch_events_from_all_sessions:
            setattr(tracker, EVENTS_STORED, len(tracker.events))
        return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        if is_just_created(tracker):
            # Rasa saves a conversation as soon as it creates one, then again at the end
            # of the turn that asked for it: that turn writes it, once.
            setattr(tracker, EVENTS_STORED, 0)
            return
        await self.stream_events(tracker)
        await self._retrying(partial(self._write, tracker), tracker)
        setattr(tracker, EVENTS_STORED, len(tracker.events))

    async def _read(self, sender_id: Text, all_sessions: bool) -> Optional[DialogueStateTracker]:
        query = self.all_sessions_query if all_sessions else self.latest_session_query
        with self.engine.connect() as connection:
            events = [json.loads(data) for data in connection.execute(query, {"sender_id": sender_id}).scalars()]
        if not (events and self.domain):
            return None
        return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)

    async def _write(self, tracker: DialogueStateTracker) -> None:
        """Appends the events the database does not hold yet. Rasa counts them with a query
        before every save (two a turn); a tracker this store read or wrote knows the count.
        (The conversation's lock keeps other servers from writing to it meanwhile.)"""
        with self.engine.begin() as connection:
            stored = getattr(tracker, EVENTS_STORED, None)
            if stored is None:
                stored = connection.execute(self.latest_session_count, {"sender_id": tracker.sender_id}).scalar()
            rows = [event_row(tracker.sender_id, event) for event in itertools.islice(tracker.events, stored, None)]
            if rows:
                connection.exec_driver_sql(self.insert_events.statement, self.insert_events.parameters(rows))

    async def _retrying(self, operation: Callable[[], Awaitable[Result]],
                        saving: Optional[DialogueStateTracker] = None) -> Result:
        deadline = time.monotonic() + self.retry_seconds
        while True:
            try:
                return await operation()
            except sa.exc.DBAPIError as error:
                if not is_connection_problem(error):
                    raise
                if saving is not None:
                    # The write may have landed before the connection went: a repeat asks
                    # the database what it holds, so no event is written twice.
                    vars(saving).pop(EVENTS_STORED, None)
                # The class name only: the error's text can quote the visitor's message.
                problem = type(error.orig).__name__
            if time.monotonic() >= deadline:
                raise ConversationStoreUnavailable(problem)
            log.warning("Conversation store unreachable (%s); retrying", problem)
            await asyncio.sleep(RETRY_INTERVAL)


ENDPOINT_TYPE = f"{__name__}.{ConversationStore.__name__}"  # its `type` in endpoints.yml
SQL_STORES = ("SQL", ENDPOINT_TYPE)
