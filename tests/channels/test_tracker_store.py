"""The retrying tracker store's decisions, against a stand-in operation (the real
PostgreSQL restart is tested in tests/scaled)."""
import asyncio

import pytest
import sqlalchemy as sa

from channels import tracker_store
from channels.tracker_store import ConversationStoreUnavailable, ConversationStore


def store(retry_seconds):
    instance = ConversationStore.__new__(ConversationStore)
    instance.retry_seconds = retry_seconds
    return instance


def failing(times, error):
    calls = []

    async def operation():
        calls.append(1)
        if len(calls) <= times:
            raise error
        return "stored"

    return operation, calls


def lost_connection():
    return sa.exc.OperationalError("INSERT ...", {"data": "a visitor's words"}, ConnectionError("closed"))


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch):
    monkeypatch.setattr(tracker_store, "RETRY_INTERVAL", 0)


def test_a_lost_connection_is_retried_until_it_works():
    operation, calls = failing(3, lost_connection())
    assert asyncio.run(store(5)._retrying(operation)) == "stored"
    assert len(calls) == 4


def test_after_the_retry_window_the_store_says_it_is_unavailable_without_the_query():
    operation, _ = failing(10 ** 9, lost_connection())
    with pytest.raises(ConversationStoreUnavailable) as raised:
        asyncio.run(store(0.05)._retrying(operation))
    assert str(raised.value) == "ConnectionError"
    assert not isinstance(raised.value, Exception)


def test_other_database_errors_are_not_retried():
    error = sa.exc.IntegrityError("INSERT ...", {}, ValueError("duplicate"))
    operation, calls = failing(1, error)
    with pytest.raises(sa.exc.IntegrityError):
        asyncio.run(store(5)._retrying(operation))
    assert len(calls) == 1
