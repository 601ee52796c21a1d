"""The answer to "can I join, in which category, and what do I pay?" for one profile."""

from datetime import date
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union

from .career import Career, career_reasons, place
from .categories import Category
from .chapters import chapter_dues
from .dues import DuesBasis, dues_basis, price
from .profile import Profile, parse_profile
from .retirement import retired_dues
from .rights import rights
from .schedule import Schedule, ScheduleNotFound, available_years, load_schedule

FIELD_ORDER = list(Profile.__fields__)  # the order a chat asks for missing facts


def quote(profile: Union[Mapping[str, Any], Profile]) -> Dict[str, Any]:
    """Eligibility, category, dues and rights; raises InvalidProfile for unreadable input.

    Deterministic for a given ``as_of`` (which defaults to today).
    """
    profile = parse_profile(profile)
    as_of = profile.as_of or date.today()
    dues_year = profile.dues_year or as_of.year
    career = place(profile, as_of)
    category = career.now.category
    basis, refund_due, dues_missing = _dues(career, profile, as_of, dues_year)
    schedule = _schedule_for(dues_year)
    rules = schedule or load_schedule(max(available_years()))
    priced = price(basis, schedule, rules, dues_year, profile)
    chapter = chapter_dues(category, profile)
    granted = rights(category, profile, as_of)
    chapter_sources = (rules.figure(chapter.source_figure).source.citation(),) if chapter.source_figure else ()
    return {
        "eligible": category is not None,
        "category": category.value if category else None,
        "national_dues_usd": priced.amount,
        "dues_year": dues_year,
        "latest_published": priced.latest_published.as_json() if priced.latest_published else None,
        "discount": priced.discount,
        "chapter_dues": chapter.code,
        "refund_due": refund_due,
        "can_hold_elective_office": granted.elective_office,
        "can_serve_on_board_of_chancellors": granted.board_of_chancellors,
        "status_change": _status_change(career),
        "reasons": _unique(career_reasons(career, as_of) + priced.reasons + (chapter.reason,) + granted.reasons),
        "sources": _unique((rules.sources["membership_page"].citation(),) + priced.sources + chapter_sources),
        "dues_note": priced.note,
        "missing": sorted(set(career.missing + dues_missing + granted.missing), key=FIELD_ORDER.index),
        "as_of": as_of.isoformat(),
    }


def _dues(
    career: Career, profile: Profile, as_of: date, dues_year: int
) -> Tuple[DuesBasis, Optional[bool], Tuple[str, ...]]:
    if career.now.category is Category.RETIRED:
        retired = retired_dues(profile, as_of, dues_year)
        return retired.basis, retired.refund_due, retired.missing
    return dues_basis(career, profile, dues_year), None, ()


def _schedule_for(year: int) -> Optional[Schedule]:
    try:
        return load_schedule(year)
    except ScheduleNotFound:
        return None


def _status_change(career: Career) -> Optional[Dict[str, Any]]:
    transition = career.transition
    if transition is None:
        return None
    after = transition.after.category
    return {
        "on": transition.change_on.isoformat(),
        "to": after.value if after else None,
        "first_dues_year": transition.first_dues_year,
    }


def _unique(items: Iterable[Optional[str]]) -> List[str]:
    return list(dict.fromkeys(item for item in items if item))
