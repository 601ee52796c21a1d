"""Chapter membership. Chapter amounts vary by chapter and are never quoted here."""

from dataclasses import dataclass
from typing import Optional

from . import page
from .categories import Category
from .profile import Profile, Service
from .reasons import Reason, document_source

CHAPTER_PAYING = frozenset({Category.GENERAL, Category.ASSOCIATE, Category.ALLIED_HEALTH})
INTERNATIONAL = frozenset({Category.INTERNATIONAL, Category.INTERNATIONAL_MEMBER_IN_TRAINING})
# The rules for chapters abroad and in Canada come from ACR's earlier Become a Member page.
EARLIER_PAGE = "earlier_page"


@dataclass(frozen=True)
class Chapter:
    code: Optional[str]
    reason: Optional[Reason] = None


def chapter_dues(category: Optional[Category], profile: Profile) -> Chapter:
    if category is Category.MEMBER_IN_TRAINING:
        free = Reason("Member-in-training membership is free, with no chapter dues to pay.", page.MIT_FREE)
        return Chapter("none_member_in_training", free)
    if category in INTERNATIONAL:
        abroad = Reason("International members do not need to join an ACR chapter.", document_source(EARLIER_PAGE))
        return Chapter("not_required_international", abroad)
    if category is Category.RETIRED:
        unsaid = f"The membership page does not say whether retired members pay chapter dues; {page.TEAM_ROUTE}."
        return Chapter(None, Reason(unsaid, page.TEAM))
    if category not in CHAPTER_PAYING:
        return Chapter(None)
    if profile.service is Service.ACTIVE_DUTY_MILITARY:
        waiver = (
            "Members pay national and chapter dues, but active-duty US military members may waive chapter membership."
        )
        return Chapter("waivable_active_duty", Reason(waiver, page.CHAPTER_WAIVER))
    if profile.country == "CA":
        canada = "Members in Canada join the Canadian Association of Radiologists in lieu of an ACR chapter."
        return Chapter("car_in_lieu_of_chapter", Reason(canada, document_source(EARLIER_PAGE)))
    both = (
        "To be a member in good standing you pay national dues and chapter dues, choosing up to two local chapters "
        "where you live or practice; chapter amounts vary by chapter."
    )
    return Chapter("up_to_two_chapters", Reason(both, page.UP_TO_TWO_CHAPTERS))
