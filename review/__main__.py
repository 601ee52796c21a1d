"""The review page for the stored conversations, on loopback:

    python -m review [--endpoints endpoints.yml] [--port 8090]

--root and --out review another checkout's data (a copy, in the tests)."""
import argparse
from pathlib import Path
from typing import List, Optional

from aiohttp import web

from content.check import ROOT, heldout_texts
from conversations.store import store_from, stored_events
from review.decisions import Decisions
from review.examples import all_examples
from review.features import ModelFeatures
from review.folding import fold
from review.inbox import inbox
from review.page import Review, make_app


def main(argv: Optional[List[str]] = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m review", description=__doc__.splitlines()[0])
    parser.add_argument("--endpoints", default="endpoints.yml", help="the tracker store to read")
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument("--root", type=Path, default=ROOT, help="the project whose data/ is reviewed")
    parser.add_argument("--out", type=Path, help="decisions and new answers (default ROOT/build/review)")
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "acr-assistant.tar.gz",
                        help="whose features fold near-duplicates")
    args = parser.parse_args(argv)
    decisions = Decisions(args.root, args.out or args.root / "build" / "review", heldout_texts())
    messages = decisions.undecided(inbox(stored_events(store_from(args.endpoints, must_exist=True).engine)))
    rows = fold(messages, ModelFeatures(args.model, all_examples(args.root / "data" / "nlu")))
    print(f"{len(messages)} message(s) to review in {len(rows)} row(s)", flush=True)
    web.run_app(make_app(Review(rows, decisions)), host="127.0.0.1", port=args.port,
                print=lambda _: print(f"Review page: http://127.0.0.1:{args.port}/", flush=True))


if __name__ == "__main__":
    main()
