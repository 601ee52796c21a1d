"""Retired members' dues: free after retirement, refunded if the ACR hears by March 31."""

from dataclasses import dataclass
from datetime import date
from typing import Optional, Tuple

from . import dates
from .career import place
from .categories import Category
from .dues import DuesBasis, dues_basis, full_rate, no_figure
from .profile import Profile, Stage

FREE_AFTER_RETIREMENT = "Retired members pay no national dues after the year they retire."


@dataclass(frozen=True)
class RetiredDues:
    basis: DuesBasis
    refund_due: Optional[bool]
    missing: Tuple[str, ...] = ()


def retired_dues(profile: Profile, as_of: date, dues_year: int) -> RetiredDues:
    retired_on = profile.retired_on
    if retired_on is None:
        return RetiredDues(_free(FREE_AFTER_RETIREMENT), None, ("retired_on",))
    # Notice given before the retirement itself counts from the retirement day.
    notice = max(profile.retirement_notified_on or retired_on, retired_on)
    result = _dues_for_year(profile, as_of, dues_year, retired_on, notice)
    notice_matters = dues_year == retired_on.year and dates.in_refund_window(retired_on)
    if profile.retirement_notified_on is None and notice_matters:
        assumption = "This assumes you told the ACR of your retirement on the day you retired."
        return RetiredDues(
            _with_reason(result.basis, assumption), result.refund_due, result.missing + ("retirement_notified_on",)
        )
    return result


def _dues_for_year(profile: Profile, as_of: date, year: int, retired_on: date, notice: date) -> RetiredDues:
    paid = profile.dues_paid_for_year
    if year < retired_on.year:
        return _before_retirement(profile, as_of, year, f"You were still in practice in {year}.")
    if year == notice.year and dates.in_refund_window(notice):
        return _refund_window(year, paid)
    if year == retired_on.year:
        reason = (
            f"You retired in {year} without telling the ACR by March 31 of that year, so there is no refund: your "
            f"{year} dues are those of your membership before retirement."
        )
        return _before_retirement(profile, as_of, year, reason, refund_due=False if paid else None)
    if year == notice.year and paid:
        reason = (
            f"You told the ACR of your retirement after March 31, {year}, so the {year} dues you paid are not refunded."
        )
        return _before_retirement(profile, as_of, year, reason, refund_due=False)
    if year == notice.year and paid is None:
        reason = (
            f"You told the ACR of your retirement after March 31, {year}: {year} dues you already paid are not "
            "refunded, and otherwise you owe nothing."
        )
        return RetiredDues(_free(reason), None, ("dues_paid_for_year",))
    return RetiredDues(_free(FREE_AFTER_RETIREMENT), None)


def _refund_window(year: int, paid: Optional[bool]) -> RetiredDues:
    told = f"You told the ACR of your retirement between January 1 and March 31, {year}"
    if paid:
        return RetiredDues(_free(f"{told}, so the {year} dues you paid are refunded in full."), True)
    if paid is None:
        reason = f"{told}, so you owe no {year} dues, and any {year} dues you already paid are refunded in full."
        return RetiredDues(_free(reason), None, ("dues_paid_for_year",))
    return RetiredDues(_free(f"{told}, so you owe no national dues for {year}."), None)


def _before_retirement(
    profile: Profile, as_of: date, year: int, reason: str, refund_due: Optional[bool] = None
) -> RetiredDues:
    practicing = profile.copy(update={"stage": Stage.IN_PRACTICE})
    career = place(practicing, as_of)
    if career.now.category is None:
        note = (
            f"Your {year} national dues are those of your membership before retirement, which I cannot work out "
            "from what you told me; see the dues schedule or contact the membership team."
        )
        return RetiredDues(no_figure(note, reason), refund_due, career.missing)
    basis = dues_basis(career, practicing, year)
    # The basis's own advice (e.g. about recent training) is not meant for someone retired.
    return RetiredDues(DuesBasis(basis.figure, basis.label, (reason,), basis.note), refund_due, career.missing)


def _free(reason: str) -> DuesBasis:
    return _with_reason(full_rate(Category.RETIRED), reason)


def _with_reason(basis: DuesBasis, reason: str) -> DuesBasis:
    return DuesBasis(basis.figure, basis.label, basis.reasons + (reason,), basis.note)
