"""National dues: which schedule figure applies in a dues year, and its price after any discount."""

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, Dict, Optional, Tuple

from . import dates, page
from .career import Career, Transition
from .categories import Category
from .profile import Profession, Profile, Service
from .reasons import Reason, figure_source
from .schedule import Amount, Figure, Schedule

FULL_RATE_FIGURES = {
    Category.GENERAL: "general_physician",
    Category.ASSOCIATE: "associate",
    Category.MEMBER_IN_TRAINING: "member_in_training",
    Category.INTERNATIONAL: "international",
    Category.INTERNATIONAL_MEMBER_IN_TRAINING: "international_member_in_training",
    Category.ALLIED_HEALTH: "allied_health",
    Category.RETIRED: "retired",
}
PRACTICE_YEAR_FIGURES = (
    "first_year_of_practice",
    "second_year_of_practice",
    "third_year_of_practice",
    "fourth_year_of_practice",
)
RAMPED_CATEGORIES = frozenset({Category.GENERAL, Category.ASSOCIATE})
DISCOUNTED_SERVICES = {
    Service.ACTIVE_DUTY_MILITARY: "active-duty US military",
    Service.VETERANS_AFFAIRS: "an employee of the Department of Veterans Affairs",
    Service.PUBLIC_HEALTH_SERVICE: "an employee of the US Public Health Service",
}
NEED_DETAILS = "Your national dues depend on the details still needed."
UNDECIDED = f"Your national dues depend on your category, which the membership page does not settle; {page.TEAM_ROUTE}."
NO_CATEGORY = "No national dues apply because none of the membership categories fits you."
DERIVED = "The ACR does not publish that figure as such; it is derived from the ACR sources listed."
# The page makes these categories free without naming a year, so they stay free in a year
# whose schedule is not published yet.
FREE_BY_RULE = {"member_in_training": page.MIT_FREE, "retired": page.RETIRED_FREE}
# What the dues of the years around training rest on, by the trainee category.
TRAINING_YEAR_SOURCES = {
    Category.MEMBER_IN_TRAINING: page.FIRST_DUES_AFTER_TRAINING,
    Category.INTERNATIONAL_MEMBER_IN_TRAINING: page.INTERNATIONAL_MIT_DUES,
}
FULL_RATE_AFTER_TRAINING_SOURCES = {
    Category.MEMBER_IN_TRAINING: page.DUES_RISE,
    Category.INTERNATIONAL_MEMBER_IN_TRAINING: page.INTERNATIONAL_DUES_AFTER_TRAINING,
}


@dataclass(frozen=True)
class DuesBasis:
    """The schedule figure that applies, or None with a note saying why there is none."""

    figure: Optional[str]
    label: str
    reasons: Tuple[Reason, ...] = ()
    note: Optional[str] = None


@dataclass(frozen=True)
class LatestPublished:
    """For a dues year without a schedule: the same figure in the latest schedule there is."""

    year: int
    figure: str
    amount: Amount

    @property
    def source(self) -> str:
        return figure_source(self.year, self.figure)

    def as_json(self) -> Dict[str, Any]:
        return {"year": self.year, "amount_usd": self.amount, "source": self.source}


@dataclass(frozen=True)
class Price:
    amount: Optional[Amount]
    discount: Optional[str]
    note: Optional[str]
    reasons: Tuple[Reason, ...]
    sources: Tuple[str, ...]
    latest_published: Optional[LatestPublished] = None


def no_figure(note: str, *reasons: Reason) -> DuesBasis:
    return DuesBasis(None, "", reasons, note)


def dues_basis(career: Career, profile: Profile, dues_year: int) -> DuesBasis:
    if career.now.category is None:
        return no_figure(_without_category(career))
    transition = career.transition
    if transition is None:
        return _without_training_date(career.now.category, profile)
    if dues_year < transition.first_dues_year:
        return _training_year(transition, profile, dues_year)
    return _practice_year(transition, profile, dues_year)


def _without_category(career: Career) -> str:
    if career.missing:
        return NEED_DETAILS
    return UNDECIDED if career.now.undecided else NO_CATEGORY


def full_rate(category: Category, profession: Optional[Profession] = None) -> DuesBasis:
    if category is Category.GENERAL and profession is Profession.MEDICAL_PHYSICIST:
        return DuesBasis("general_medical_physicist", "general members who are medical physicists")
    return DuesBasis(FULL_RATE_FIGURES[category], category.plural)


def _without_training_date(category: Category, profile: Profile) -> DuesBasis:
    basis = full_rate(category, profile.profession)
    if category not in RAMPED_CATEGORIES or profile.training_completed_on is not None:
        return basis
    caveat = (
        "This is the full rate. National dues are lower during the first four years of practice after training, "
        "so tell me when you completed training if that was recent."
    )
    return replace(basis, reasons=(Reason(caveat, page.DUES_RISE),))


def _training_year(transition: Transition, profile: Profile, dues_year: int) -> DuesBasis:
    trainee = transition.trainee.category
    basis = full_rate(trainee, profile.profession)
    reason = (
        f"Dues for {dues_year} fall in or before the year your training ends ({transition.completed_on.year}), "
        f"so the rate for {basis.label} applies."
    )
    return replace(basis, reasons=(Reason(reason, TRAINING_YEAR_SOURCES[trainee]),))


def _practice_year(transition: Transition, profile: Profile, dues_year: int) -> DuesBasis:
    number = dates.year_of_practice(transition.completed_on, dues_year)
    which = f"{dues_year} is your {dates.ordinal(number)} year of practice after training"
    trainee = transition.trainee.category
    if trainee is Category.MEMBER_IN_TRAINING and number <= len(PRACTICE_YEAR_FIGURES):
        rising = f"{which}; national dues rise step by step over the first four years of practice."
        return DuesBasis(
            PRACTICE_YEAR_FIGURES[number - 1],
            f"members in their {dates.ordinal(number)} year of practice",
            (Reason(rising, page.DUES_RISE),),
        )
    if transition.after.category is None:
        return no_figure(NEED_DETAILS, Reason(f"{which}.", page.FIRST_DUES_AFTER_TRAINING))
    basis = full_rate(transition.after.category, profile.profession)
    full = Reason(f"{which}, so the full rate for {basis.label} applies.", FULL_RATE_AFTER_TRAINING_SOURCES[trainee])
    return replace(basis, reasons=(full,))


def price(basis: DuesBasis, schedule: Optional[Schedule], rules: Schedule, dues_year: int, profile: Profile) -> Price:
    """The amount for ``basis`` in ``schedule`` (None when there is no schedule for the year).

    ``rules`` is the schedule whose discount and sources apply: the year's own, else the latest one.
    """
    if basis.figure is None:
        return Price(None, None, basis.note, basis.reasons, ())
    figure, source = _year_figure(basis.figure, schedule, rules)
    base = figure.amount if figure else None
    latest = None if base is not None else _latest_published(basis.figure, rules, dues_year)
    reasons = basis.reasons
    if base is not None:
        reasons += (Reason(f"The {dues_year} national dues for {basis.label} are {money(base)}.", source),)
    cited = figure or (rules.figure(basis.figure) if latest else None)
    if cited and cited.derived_from:
        reasons += (Reason(DERIVED, latest.source if latest else source),)
    note = None if base is not None else _no_amount(dues_year, basis.label, rules, latest)
    amount, discount, discount_reasons = _apply_service_discount(base, profile, rules)
    sources = ((cited.source.citation(),) if cited else ()) + (
        (rules.rules.service_discount.source.citation(),) if discount else ()
    )
    return Price(amount, discount, note, reasons + discount_reasons, sources, latest)


def _year_figure(name: str, schedule: Optional[Schedule], rules: Schedule) -> Tuple[Optional[Figure], Optional[str]]:
    """The dues year's figure and what it rests on: the year's schedule, or without one the page's rule
    for the categories that are free whatever the year (else no figure)."""
    if schedule is not None:
        return schedule.figure(name), figure_source(schedule.year, name)
    if name in FREE_BY_RULE:
        return rules.figure(name), FREE_BY_RULE[name]
    return None, None


def _latest_published(name: str, rules: Schedule, dues_year: int) -> Optional[LatestPublished]:
    """For a year after the latest schedule (``rules``), that schedule's figure if it has one."""
    amount = rules.figure(name).amount if dues_year > rules.year else None
    return LatestPublished(rules.year, name, amount) if amount is not None else None


def _no_amount(dues_year: int, label: str, rules: Schedule, latest: Optional[LatestPublished]) -> str:
    url = rules.sources["membership_page"].url
    if dues_year < rules.year:  # before the oldest schedule: ``rules`` is then the latest one
        return (
            f"This assistant does not hold the {dues_year} dues schedule for {label}; see the dues schedule at {url} "
            "or contact the membership team."
        )
    not_known = (
        f"I don't have the current figure for {label}; it is in the ACR dues schedule linked from the membership "
        f"page: {url}."
    )
    if dues_year == rules.year:
        return not_known
    unpublished = f"The {dues_year} national dues for {label} are not published yet"
    if latest is None:
        return f"{unpublished}, and {not_known}"
    return f"{unpublished}; for {latest.year} they were {money(latest.amount)}."


def _apply_service_discount(amount: Optional[Amount], profile: Profile, rules: Schedule):
    if profile.service not in DISCOUNTED_SERVICES:
        return amount, None, ()
    percent = rules.rules.service_discount.percent
    code = f"service_{percent}"
    who = DISCOUNTED_SERVICES[profile.service]
    if amount == 0:
        nothing = f"The {percent}% service discount has nothing to reduce, because these dues are $0."
        return amount, None, (Reason(nothing, page.DISCOUNT),)
    route = Reason(
        f'To get the discount, the membership page says to email the ACR ("{page.DISCOUNT_ROUTE.rstrip(".")}").',
        page.DISCOUNT_ROUTE,
    )
    if amount is None:
        later = f"As {who} you get {percent}% off national dues once the amount is known."
        return None, code, (Reason(later, page.DISCOUNT), route)
    discounted = _whole_if_possible(Decimal(str(amount)) * (100 - percent) / 100)
    halved = f"As {who} you get {percent}% off national dues: {money(amount)} becomes {money(discounted)}."
    return discounted, code, (Reason(halved, page.DISCOUNT), route)


def _whole_if_possible(value: Decimal) -> Amount:
    return int(value) if value == value.to_integral_value() else float(value)


def money(amount: Amount) -> str:
    return f"${amount:,.0f}" if float(amount).is_integer() else f"${amount:,.2f}"
