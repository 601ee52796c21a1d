"""``python -m membership quote`` (JSON in, JSON out) and ``explain`` (sentences for people).

Bad input exits with status 2 and one line on stderr.
"""

import argparse
import json
import sys
from typing import Any, Dict, List, Optional

from .categories import Category, spoken_list
from .dues import money
from .profile import InvalidProfile
from .quote import quote
from .schedule import ScheduleError

USAGE_ERROR = 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse would print a multi-line usage block
        raise UsageError(f"{message} (usage: python -m membership quote [--explain] < profile.json)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m membership", description="ACR membership eligibility and dues.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    quote_command = commands.add_parser("quote", help="read a JSON profile on stdin, print the JSON answer")
    quote_command.add_argument("--explain", action="store_true", help="print sentences instead of JSON")
    explain_command = commands.add_parser("explain", help="read a JSON profile on stdin, print the answer as sentences")
    explain_command.set_defaults(explain=True)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        answer = quote(read_profile(sys.stdin.buffer.read()))
    except (UsageError, InvalidProfile) as error:
        return _fail(error, USAGE_ERROR)
    except ScheduleError as error:
        return _fail(error, 1)
    print(explain(answer) if args.explain else json.dumps(answer, indent=2))
    return 0


def read_profile(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as error:  # ValueError covers bad JSON and bad UTF-8
        raise InvalidProfile(f"the input is not valid JSON ({error})") from None


def explain(answer: Dict[str, Any]) -> str:
    """The answer as sentences for people."""
    lines = [_headline(answer), _dues_line(answer)]
    if answer["refund_due"] is not None:
        lines.append("A full refund of this year's dues is due." if answer["refund_due"] else "No refund is due.")
    lines.append(
        f"Can hold elective office: {_yes_no(answer['can_hold_elective_office'])}. "
        f"Can serve on the Board of Chancellors: {_yes_no(answer['can_serve_on_board_of_chancellors'])}."
    )
    change = answer["status_change"]
    if change:
        to = Category(change["to"]).a_label if change["to"] else "a category that depends on the details still needed"
        lines.append(
            f"Status change: on {change['on']} you become {to}; the first dues after training are for "
            f"{change['first_dues_year']}."
        )
    lines += ["", "Why:"] + [f"- {reason}" for reason in answer["reasons"]]
    lines += ["", "Sources:"] + [f"- {source}" for source in answer["sources"]]
    return "\n".join(lines)


def _headline(answer: Dict[str, Any]) -> str:
    if answer["eligible"]:
        headline = f"As of {answer['as_of']} you qualify as {Category(answer['category']).a_label}."
    elif answer["missing"]:
        headline = "I cannot place you in a membership category yet."
    else:
        headline = "You do not qualify for an ACR membership category."
    if answer["missing"]:
        headline += f" To complete the answer, tell me your {spoken_list(tuple(answer['missing']))}."
    return headline


def _dues_line(answer: Dict[str, Any]) -> str:
    if answer["national_dues_usd"] is None:
        return answer["dues_note"]
    discount = " after the service discount" if answer["discount"] else ""
    return f"National dues for {answer['dues_year']}: {money(answer['national_dues_usd'])}{discount}."


def _yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def _fail(error: Exception, status: int) -> int:
    print("membership: " + " ".join(str(error).split()), file=sys.stderr)
    return status
