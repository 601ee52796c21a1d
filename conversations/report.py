"""Writes the conversation report: one self-contained HTML page from the tracker store
configured in endpoints.yml (SQLite by default, PostgreSQL in production).

    python -m conversations.report [--endpoints endpoints.yml] [--out build/report/index.html]
"""
import argparse
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import List, Optional

from actions.feedback import QUOTE_TOPIC
from language.profile import NOT_ELIGIBLE
from actions.rendering import CATEGORY_NAMES
import membership
from content.check import faq_responses, schedule_warnings
from conversations.stats import conversation_stats
from conversations.report_html import render
from conversations.store import store_from, stored_events

OTHER_LABELS = {QUOTE_TOPIC: "Personal quote (category and dues)", NOT_ELIGIBLE: "No category fits"}


def labeller(names: dict):
    def label(code: str) -> str:
        return names.get(code) or OTHER_LABELS.get(code) or code.replace("_", " ")
    return label


def topic_titles() -> dict:
    return {topic: (response.get("metadata") or {}).get("title", "") for topic, response in faq_responses().items()}


def write_report(endpoints: str, out: Path) -> Path:
    stats = conversation_stats(stored_events(store_from(endpoints, must_exist=True).engine))
    generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(stats, labeller(topic_titles()), labeller(CATEGORY_NAMES), generated,
                              schedule_warnings(membership.today())), encoding="utf-8")
    return out


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoints", default="endpoints.yml")
    parser.add_argument("--out", type=Path, default=Path("build/report/index.html"))
    args = parser.parse_args(argv)
    print(f"Report written to {write_report(args.endpoints, args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
