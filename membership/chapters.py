"""Chapter membership. Chapter amounts vary by chapter and are never quoted here."""

from dataclasses import dataclass
from typing import Optional

from .categories import Category
from .profile import Profile, Service

CHAPTER_PAYING = frozenset({Category.GENERAL, Category.ASSOCIATE, Category.ALLIED_HEALTH})
INTERNATIONAL = frozenset({Category.INTERNATIONAL, Category.INTERNATIONAL_MEMBER_IN_TRAINING})
CANADIAN_FIGURE = "canadian_member"  # its source is where the Canadian rule comes from


@dataclass(frozen=True)
class Chapter:
    code: Optional[str]
    reason: Optional[str] = None
    source_figure: Optional[str] = None


def chapter_dues(category: Optional[Category], profile: Profile) -> Chapter:
    if category is Category.MEMBER_IN_TRAINING:
        return Chapter("none_member_in_training", "Member-in-training membership is free, with no chapter dues to pay.")
    if category in INTERNATIONAL:
        return Chapter("not_required_international", "International members do not need to join an ACR chapter.")
    if category is Category.RETIRED:
        return Chapter(
            None,
            "The membership page does not say whether retired members pay chapter dues; your chapter can tell you.",
        )
    if category not in CHAPTER_PAYING:
        return Chapter(None)
    if profile.service is Service.ACTIVE_DUTY_MILITARY:
        return Chapter(
            "waivable_active_duty",
            "Members pay national and chapter dues, but active-duty US military members may waive chapter membership.",
        )
    if profile.country == "CA":
        return Chapter(
            "car_in_lieu_of_chapter",
            "Members in Canada join the Canadian Association of Radiologists in lieu of an ACR chapter.",
            CANADIAN_FIGURE,
        )
    return Chapter(
        "up_to_two_chapters",
        "To be a member in good standing you pay national dues and chapter dues, choosing up to two local chapters "
        "where you live or practice; chapter amounts vary by chapter.",
    )
