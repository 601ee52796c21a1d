"""The answer to "can I join, in which category, and what do I pay?" for one profile."""

from datetime import date
from typing import Any, Dict, Iterable, List, Mapping, Optional, Union

from . import dates
from .career import Career, career_reasons, place
from .categories import Category
from .chapters import chapter_dues
from .dues import dues_basis, price
from .profile import Profile, parse_profile
from .reasons import Reason, document_named
from .retirement import DuesAndRefund, retired_dues
from .rights import rights
from .schedule import Schedule, ScheduleNotFound, available_years, load_schedule

FIELD_ORDER = list(Profile.__fields__)  # the order a chat asks for missing facts


def quote(profile: Union[Mapping[str, Any], Profile]) -> Dict[str, Any]:
    """Eligibility, category, dues and rights; raises InvalidProfile for unreadable input.

    Deterministic for a given ``as_of`` (which defaults to today). The fields are described in ``cli.py``.
    """
    profile = parse_profile(profile)
    as_of = profile.as_of or dates.today()
    dues_year = profile.dues_year or as_of.year
    career = place(profile, as_of)
    category = career.now.category
    dues = _dues(career, profile, as_of, dues_year)
    schedule = _schedule_for(dues_year)
    rules = schedule or load_schedule(max(available_years()))
    priced = price(dues.basis, schedule, rules, dues_year, profile)
    chapter = chapter_dues(category, profile)
    granted = rights(category, profile, as_of)
    reasons = _unique(career_reasons(career, as_of) + priced.reasons + (chapter.reason,) + granted.reasons)
    return {
        "eligible": _eligible(career),
        "category": category.value if category else None,
        "national_dues_usd": priced.amount,
        "dues_year": dues_year,
        "latest_published": priced.latest_published.as_json() if priced.latest_published else None,
        "discount": priced.discount,
        "chapter_dues": chapter.code,
        "refund_due": dues.refund_due,
        "refund_reason": dues.refund_reason.as_json() if dues.refund_reason else None,
        "can_hold_elective_office": granted.elective_office,
        "can_serve_on_board_of_chancellors": granted.board_of_chancellors,
        "status_change": _status_change(career, as_of),
        "reasons": [reason.as_json() for reason in reasons],
        "sources": _unique((rules.sources["membership_page"].citation(),) + priced.sources + _cited(reasons, rules)),
        "dues_note": priced.note,
        "missing": sorted(set(career.missing + dues.missing + granted.missing), key=FIELD_ORDER.index),
        "as_of": as_of.isoformat(),
    }


def _eligible(career: Career) -> Optional[bool]:
    """True with a category, None when the page does not settle it, else False."""
    if career.now.category is not None:
        return True
    return None if career.now.undecided else False


def _dues(career: Career, profile: Profile, as_of: date, dues_year: int) -> DuesAndRefund:
    if career.now.category is Category.RETIRED:
        return retired_dues(profile, as_of, dues_year)
    return DuesAndRefund(dues_basis(career, profile, dues_year))


def _schedule_for(year: int) -> Optional[Schedule]:
    try:
        return load_schedule(year)
    except ScheduleNotFound:
        return None


def _cited(reasons: Iterable[Reason], rules: Schedule) -> tuple:
    """Citations of the documents, other than the membership page, that reasons rest on."""
    names = (document_named(reason.source) for reason in reasons)
    return tuple(rules.sources[name].citation() for name in names if name)


def _status_change(career: Career, as_of: date) -> Optional[Dict[str, Any]]:
    transition = career.transition
    if transition is None:
        return None
    automatic = transition.automatic
    after = transition.after.category if automatic else None
    change_on = transition.change_on.isoformat()
    return {
        "automatic": automatic,
        "on": change_on if automatic else None,
        "normally_ends_by": None if automatic else change_on,
        "to": after.value if after else None,
        "first_dues_year": transition.first_dues_year if automatic else None,
        "reason": transition.reason(as_of).as_json(),
    }


def _unique(items: Iterable[Optional[Any]]) -> List[Any]:
    return list(dict.fromkeys(item for item in items if item))
