"""Deletes conversations whose last message is older than a number of days, from the
tracker store configured in endpoints.yml (SQLite by default, PostgreSQL in production).

    python -m conversations.purge --days 30 [--endpoints endpoints.yml]
"""
import argparse
import sys
import time
from typing import List, Optional

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore

from conversations.store import store_from

SECONDS_PER_DAY = 86400


def purge(store: SQLTrackerStore, days: float, now: Optional[float] = None) -> int:
    """Removes every event of each conversation last active before the cut-off; returns
    how many conversations went."""
    cutoff = (now or time.time()) - days * SECONDS_PER_DAY
    events = store.SQLEvent.__table__
    stale = (sa.select(events.c.sender_id).group_by(events.c.sender_id)
             .having(sa.func.max(events.c.timestamp) < cutoff))
    with store.engine.begin() as connection:
        senders = [row.sender_id for row in connection.execute(stale)]
        if senders:
            connection.execute(events.delete().where(events.c.sender_id.in_(senders)))
    return len(senders)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=float, required=True, help="keep conversations active in this many days")
    parser.add_argument("--endpoints", default="endpoints.yml")
    args = parser.parse_args(argv)
    removed = purge(store_from(args.endpoints), args.days)
    print(f"Removed {removed} conversation(s) last active more than {args.days:g} days ago.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
