"""Retired members' dues: free after retirement, refunded if the ACR hears by March 31.

The page describes only that refund; for any other case the refund is left to the membership team.
"""

from dataclasses import dataclass, replace
from datetime import date
from typing import Optional, Tuple

from . import dates, page
from .career import place
from .categories import Category
from .dues import DuesBasis, dues_basis, full_rate, no_figure
from .profile import Profile, Stage
from .reasons import Reason

FREE_AFTER_RETIREMENT = Reason("Retired members pay no national dues after the year they retire.", page.RETIRED_FREE)


@dataclass(frozen=True)
class DuesAndRefund:
    """A dues year's basis and, for a retired member, the refund of that year's dues."""

    basis: DuesBasis
    refund_due: Optional[bool] = None  # True where the page's refund applies, else not known
    # Why the page's refund applies, or why the page does not settle a refund of the year's dues.
    refund_reason: Optional[Reason] = None
    missing: Tuple[str, ...] = ()


def retired_dues(profile: Profile, as_of: date, dues_year: int) -> DuesAndRefund:
    retired_on = profile.retired_on
    if retired_on is None:
        return DuesAndRefund(_free(FREE_AFTER_RETIREMENT), missing=("retired_on",))
    # Notice given before the retirement itself counts from the retirement day.
    notice = max(profile.retirement_notified_on or retired_on, retired_on)
    result = _dues_for_year(profile, as_of, dues_year, retired_on, notice)
    notice_matters = dues_year == retired_on.year and dates.in_refund_window(retired_on)
    if profile.retirement_notified_on is None and notice_matters:
        assumption = Reason(
            "This assumes you told the ACR of your retirement on the day you retired.", page.RETIREMENT_REFUND
        )
        return replace(
            result,
            basis=_with_reason(result.basis, assumption),
            missing=result.missing + ("retirement_notified_on",),
        )
    return result


def _dues_for_year(profile: Profile, as_of: date, year: int, retired_on: date, notice: date) -> DuesAndRefund:
    paid = profile.dues_paid_for_year
    if year < retired_on.year:
        return _before_retirement(profile, as_of, year, Reason(f"You were still in practice in {year}.", page.RETIRED))
    if year == notice.year and dates.in_refund_window(notice):
        return _refund_window(year, paid)
    if year == retired_on.year:
        dues = _before_retirement(profile, as_of, year, _dues_as_before(year))
        return dues if paid is False else _outside_refund_window(dues, year)
    if year == notice.year and paid:
        return _outside_refund_window(_before_retirement(profile, as_of, year, _dues_as_before(year)), year)
    if year == notice.year and paid is None:
        free = DuesAndRefund(_free(FREE_AFTER_RETIREMENT), missing=("dues_paid_for_year",))
        return _outside_refund_window(free, year)
    return DuesAndRefund(_free(FREE_AFTER_RETIREMENT))


def _refund_window(year: int, paid: Optional[bool]) -> DuesAndRefund:
    told = f"You told the ACR of your retirement between January 1 and March 31, {year}"
    if paid:
        refunded = Reason(f"{told}, so the {year} dues you paid are refunded in full.", page.RETIREMENT_REFUND)
        return DuesAndRefund(_free(refunded), True, refunded)
    if paid is None:
        reason = f"{told}, so you owe no {year} dues, and any {year} dues you already paid are refunded in full."
        return DuesAndRefund(_free(Reason(reason, page.RETIREMENT_REFUND)), missing=("dues_paid_for_year",))
    return DuesAndRefund(_free(Reason(f"{told}, so you owe no national dues for {year}.", page.RETIREMENT_REFUND)))


def _outside_refund_window(dues: DuesAndRefund, year: int) -> DuesAndRefund:
    """The page's refund needs notice from January 1 to March 31; beyond it, the page says nothing."""
    beyond = Reason(
        f"You did not tell the ACR of your retirement between January 1 and March 31, {year}, so the refund the page "
        "describes (notice between January 1 and March 31 of the same year) does not apply to your "
        f"{year} dues; the membership team decides anything beyond it, through {page.CONTACT}.",
        page.RETIREMENT_REFUND,
    )
    return replace(dues, basis=_with_reason(dues.basis, beyond), refund_reason=beyond)


def _dues_as_before(year: int) -> Reason:
    return Reason(f"Your {year} dues are those of your membership before retirement.", page.NATIONAL_AND_CHAPTER)


def _before_retirement(profile: Profile, as_of: date, year: int, reason: Reason) -> DuesAndRefund:
    practicing = profile.copy(update={"stage": Stage.IN_PRACTICE})
    career = place(practicing, as_of)
    if career.now.category is None:
        note = (
            f"Your {year} national dues are those of your membership before retirement, which I cannot work out "
            "from what you told me; see the dues schedule or contact the membership team."
        )
        return DuesAndRefund(no_figure(note, reason), missing=career.missing)
    basis = dues_basis(career, practicing, year)
    # The basis's own advice (e.g. about recent training) is not meant for someone retired.
    return DuesAndRefund(replace(basis, reasons=(reason,)), missing=career.missing)


def _free(reason: Reason) -> DuesBasis:
    return _with_reason(full_rate(Category.RETIRED), reason)


def _with_reason(basis: DuesBasis, reason: Reason) -> DuesBasis:
    return replace(basis, reasons=basis.reasons + (reason,))
