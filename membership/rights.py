"""Who may hold elective office or sit on the ACR Board of Chancellors.

Each right is True or False only where the membership page says so, and None where it is silent.
"""

from dataclasses import dataclass
from datetime import date
from typing import Optional, Tuple

from . import dates, page
from .categories import Category
from .profile import Profile
from .reasons import Reason


@dataclass(frozen=True)
class Rights:
    elective_office: Optional[bool]
    board_of_chancellors: Optional[bool]
    reasons: Tuple[Reason, ...]
    missing: Tuple[str, ...] = ()


APPOINTED_ONLY = {
    Category.ASSOCIATE: Reason(
        "Associate members can be appointed to ACR commissions and committees, but cannot hold elective office or be "
        "a member of the Board of Chancellors.",
        page.ASSOCIATE_RIGHTS,
    ),
    Category.INTERNATIONAL: Reason(
        "International members can be appointed to commissions, committees and task forces, but cannot hold elective "
        "office or be a member of the Board of Chancellors.",
        page.INTERNATIONAL_RIGHTS,
    ),
}
RETIRED_APPOINTED = Reason(
    "Retired members can be appointed to commissions, committees and task forces but cannot be members of the Board "
    "of Chancellors.",
    page.RETIRED_RIGHTS,
)


def rights(category: Optional[Category], profile: Profile, as_of: date) -> Rights:
    if category is None:
        return Rights(None, None, ())
    if category is Category.RETIRED:
        return _retired(profile.retired_on, as_of)
    if category in APPOINTED_ONLY:
        return Rights(False, False, (APPOINTED_ONLY[category],))
    return Rights(None, None, (_not_stated(category),))


def _not_stated(category: Category) -> Reason:
    unsaid = (
        f"The membership page does not say whether {category.plural} can hold elective office or be a member of the "
        f"Board of Chancellors; {page.TEAM_ROUTE}."
    )
    return Reason(unsaid, page.TEAM)


def _retired(retired_on: Optional[date], as_of: date) -> Rights:
    if retired_on is None:
        why = (
            "Retired members can serve in elected office during the first six years after retiring; tell me when "
            "you retired to check."
        )
        return Rights(None, False, (RETIRED_APPOINTED, Reason(why, page.RETIRED_ELECTED_OFFICE)), ("retired_on",))
    ends = dates.elected_office_ends(retired_on)
    if as_of < ends:
        why = f"You can serve in elected office until the sixth anniversary of your retirement, {dates.spoken(ends)}."
        return Rights(True, False, (RETIRED_APPOINTED, Reason(why, page.RETIRED_ELECTED_OFFICE)))
    why = (
        "Retired members can serve in elected office only during the first six years after retiring, which ended "
        f"on {dates.spoken(ends)}."
    )
    return Rights(False, False, (RETIRED_APPOINTED, Reason(why, page.RETIRED_ELECTED_OFFICE)))
