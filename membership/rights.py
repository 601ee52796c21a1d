"""Who may hold elective office or sit on the ACR Board of Chancellors."""

from dataclasses import dataclass
from datetime import date
from typing import Optional, Tuple

from . import dates
from .categories import Category
from .profile import Profile


@dataclass(frozen=True)
class Rights:
    elective_office: bool
    board_of_chancellors: bool
    reasons: Tuple[str, ...]
    missing: Tuple[str, ...] = ()


APPOINTED_ONLY = {
    Category.ASSOCIATE: "Associate members can be appointed to ACR commissions and committees",
    Category.INTERNATIONAL: "International members can be appointed to commissions, committees and task forces",
}
NOT_STATED = (
    "The membership page gives the right to hold elective office and sit on the Board of Chancellors to general "
    "members, not to {}."
)


def rights(category: Optional[Category], profile: Profile, as_of: date) -> Rights:
    if category is None:
        return Rights(False, False, ())
    if category is Category.GENERAL:
        reason = "General members can hold elective office and serve on the ACR Board of Chancellors."
        return Rights(True, True, (reason,))
    if category is Category.RETIRED:
        return _retired(profile.retired_on, as_of)
    if category in APPOINTED_ONLY:
        reason = (
            f"{APPOINTED_ONLY[category]}, but cannot hold elective office or be a member of the Board of Chancellors."
        )
        return Rights(False, False, (reason,))
    return Rights(False, False, (NOT_STATED.format(category.plural),))


def _retired(retired_on: Optional[date], as_of: date) -> Rights:
    appointed = (
        "Retired members can be appointed to commissions, committees and task forces but cannot be members of the "
        "Board of Chancellors."
    )
    if retired_on is None:
        why = (
            "Retired members can serve in elected office during the first six years after retiring; tell me when "
            "you retired to check."
        )
        return Rights(False, False, (appointed, why), ("retired_on",))
    ends = dates.elected_office_ends(retired_on)
    if as_of < ends:
        why = f"You can serve in elected office until the sixth anniversary of your retirement, {dates.spoken(ends)}."
        return Rights(True, False, (appointed, why))
    why = (
        "Retired members can serve in elected office only during the first six years after retiring, which ended "
        f"on {dates.spoken(ends)}."
    )
    return Rights(False, False, (appointed, why))
