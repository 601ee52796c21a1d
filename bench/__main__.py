"""The command line: which parts to run, how much, and where the report goes."""
import argparse
import logging
import tempfile
from pathlib import Path
from typing import List, Optional

import bench
from bench.accuracy import faq_only, measure_accuracy
from bench.heldout import load_answers, load_examples
from bench.real_visitors import measure_real_visitors
from bench.report import machine, write
from bench.speed import QUICK, Plan, measure_speed
from content.check import MEMBERSHIP_PAGE
from ops.servers import MODEL, ROOT

log = logging.getLogger("bench")


def parse_args(argv: Optional[List[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=bench.__doc__)
    parser.add_argument("--only", choices=["accuracy", "speed"], help="run one part only")
    parser.add_argument("--quick", action="store_true",
                        help="a third of the held-out set, less traffic, no training of the project")
    parser.add_argument("--model", type=Path, default=MODEL, help="the project's trained model")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench", help="where the report goes")
    return parser.parse_args(argv)


def main(argv: Optional[List[str]] = None) -> None:
    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
    log.setLevel(logging.INFO)
    args = parse_args(argv)
    examples, answers, page = load_examples(), load_answers(), MEMBERSHIP_PAGE.read_text()
    if args.quick:
        examples = examples[::3]
    report = {"machine": machine()}
    if args.only in (None, "accuracy"):
        log.info("accuracy: %d held-out messages, in-process NLU and a live server", len(examples))
        report["accuracy"] = measure_accuracy(examples, answers, page, args.model)
        report["real_visitors"] = measure_real_visitors(args.model)
    if args.only in (None, "speed"):
        log.info("speed: training a stock assistant%s, then serving both", "" if args.quick else " and this one")
        with tempfile.TemporaryDirectory(prefix="acr-bench-") as workdir:
            report["speed"] = measure_speed(QUICK if args.quick else Plan(), Path(workdir), args.model,
                                            [e.text for e in faq_only(examples, answers)])
    print(write(report, args.out))
    log.info("written to %s/report.md and report.json", args.out)


if __name__ == "__main__":
    main()
