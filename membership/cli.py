"""``python -m membership quote`` (JSON in, JSON out) and ``explain`` (sentences for people).

Bad input exits with status 2 and one line on stderr. The profile's fields are in ``profile.py``.

``quote`` prints one JSON object:

- ``eligible``: true with a category; false when none fits or facts are ``missing``; null when the
  membership page does not settle it (the reasons say so and give the membership team's route).
- ``category``: ``general``, ``associate``, ``member_in_training``, ``international``,
  ``international_member_in_training``, ``allied_health``, ``retired`` or null.
- ``national_dues_usd``: the amount for ``dues_year`` after any ``discount`` (``service_50``), or null
  with ``dues_note`` saying why. ``latest_published``: for a dues year without a schedule,
  ``{"year", "amount_usd", "source"}``, the same figure in the latest schedule, that year's figure
  and not the new one (null otherwise).
- ``chapter_dues``: ``up_to_two_chapters``, ``waivable_active_duty``, ``car_in_lieu_of_chapter``,
  ``not_required_international``, ``none_member_in_training`` or null.
- ``refund_due``: true when the page's refund applies (a retired member's notice from January 1 to
  March 31), else null, never false. ``refund_reason``: a reason (see below) when the refund applies or
  the page does not settle a refund of that year's dues, else null.
- ``can_hold_elective_office``, ``can_serve_on_board_of_chancellors``: true or false where the page
  says so, null where it does not (or there is no category).
- ``status_change``: null, or for a training end ``{"automatic", "on", "normally_ends_by", "to",
  "first_dues_year", "reason"}``: a member-in-training becomes ``to`` on ``on`` automatically and
  first pays for ``first_dues_year``; international member-in-training status is not automatic
  (``automatic`` false): it normally ends by ``normally_ends_by`` and the other fields are null.
- ``reasons``: ``[{"text", "source"}]``. A source is a sentence quoted exactly from the membership
  page, ``schedule:<year>:<figure>`` (a figure of that year's schedule) or ``source:<name>`` (a
  document under ``sources:`` in the schedules).
- ``sources``: citations of the documents the answer rests on. ``missing``: profile fields still
  needed, most important first. ``as_of``: the day answered for.
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
    if answer["refund_due"] or answer["refund_reason"]:
        lines.append("A full refund of this year's dues is due." if answer["refund_due"] else UNSETTLED_REFUND)
    lines.append(
        f"Can hold elective office: {said(answer['can_hold_elective_office'])}. "
        f"Can serve on the Board of Chancellors: {said(answer['can_serve_on_board_of_chancellors'])}."
    )
    change = answer["status_change"]
    if change and change["automatic"]:  # otherwise the reasons say what the page says about it
        to = Category(change["to"]).a_label if change["to"] else "a category that depends on the details still needed"
        lines.append(
            f"Status change: on {change['on']} you become {to}; the first dues after training are for "
            f"{change['first_dues_year']}."
        )
    lines += ["", "Why:"] + [f"- {reason['text']}" for reason in answer["reasons"]]
    lines += ["", "Sources:"] + [f"- {source}" for source in answer["sources"]]
    return "\n".join(lines)


UNSETTLED_REFUND = "Refund: the membership page does not say for your case."


def said(flag: Optional[bool]) -> str:
    """A right as the page states it: yes, no, or that the page does not say."""
    return {True: "yes", False: "no", None: "the membership page does not say"}[flag]


def _headline(answer: Dict[str, Any]) -> str:
    if answer["eligible"]:
        headline = f"As of {answer['as_of']} you qualify as {Category(answer['category']).a_label}."
    elif answer["missing"]:
        headline = "I cannot place you in a membership category yet."
    elif answer["eligible"] is None:
        headline = "The membership page does not settle whether you can join."
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


def _fail(error: Exception, status: int) -> int:
    print("membership: " + " ".join(str(error).split()), file=sys.stderr)
    return status
