"""National dues: which schedule figure applies in a dues year, and its price after any discount."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Dict, Optional, Tuple

from . import dates
from .career import Career, Transition
from .categories import Category
from .profile import Profession, Profile, Service
from .schedule import Amount, Schedule

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


@dataclass(frozen=True)
class DuesBasis:
    """The schedule figure that applies, or None with a note saying why there is none."""

    figure: Optional[str]
    label: str
    reasons: Tuple[str, ...] = ()
    note: Optional[str] = None


@dataclass(frozen=True)
class LatestPublished:
    """For a dues year without a schedule: the same figure in the latest schedule there is."""

    year: int
    amount: Amount

    def as_json(self) -> Dict[str, Any]:
        return {"year": self.year, "amount_usd": self.amount}


@dataclass(frozen=True)
class Price:
    amount: Optional[Amount]
    discount: Optional[str]
    note: Optional[str]
    reasons: Tuple[str, ...]
    sources: Tuple[str, ...]
    latest_published: Optional[LatestPublished] = None


def no_figure(note: str, *reasons: str) -> DuesBasis:
    return DuesBasis(None, "", reasons, note)


def dues_basis(career: Career, profile: Profile, dues_year: int) -> DuesBasis:
    if career.now.category is None:
        if career.missing:
            return no_figure(NEED_DETAILS)
        return no_figure("No national dues apply because none of the membership categories fits you.")
    transition = career.transition
    if transition is None:
        return _without_training_date(career.now.category, profile)
    if dues_year < transition.first_dues_year:
        return _training_year(transition, profile, dues_year)
    return _practice_year(transition, profile, dues_year)


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
    return DuesBasis(basis.figure, basis.label, (caveat,))


def _training_year(transition: Transition, profile: Profile, dues_year: int) -> DuesBasis:
    basis = full_rate(transition.trainee.category, profile.profession)
    reason = (
        f"Dues for {dues_year} fall in or before the year your training ends ({transition.completed_on.year}), "
        f"so the rate for {basis.label} applies."
    )
    return DuesBasis(basis.figure, basis.label, (reason,))


def _practice_year(transition: Transition, profile: Profile, dues_year: int) -> DuesBasis:
    number = dates.year_of_practice(transition.completed_on, dues_year)
    which = f"{dues_year} is your {dates.ordinal(number)} year of practice after training"
    if transition.trainee.category is Category.MEMBER_IN_TRAINING and number <= len(PRACTICE_YEAR_FIGURES):
        return DuesBasis(
            PRACTICE_YEAR_FIGURES[number - 1],
            f"members in their {dates.ordinal(number)} year of practice",
            (f"{which}; national dues rise step by step over the first four years of practice.",),
        )
    if transition.after.category is None:
        return no_figure(NEED_DETAILS, f"{which}.")
    basis = full_rate(transition.after.category, profile.profession)
    return DuesBasis(basis.figure, basis.label, (f"{which}, so the full rate for {basis.label} applies.",))


def price(basis: DuesBasis, schedule: Optional[Schedule], rules: Schedule, dues_year: int, profile: Profile) -> Price:
    """The amount for ``basis`` in ``schedule`` (None when there is no schedule for the year).

    ``rules`` is the schedule whose discount and sources apply: the year's own, else the latest one.
    """
    if basis.figure is None:
        return Price(None, None, basis.note, basis.reasons, ())
    figure = schedule.figure(basis.figure) if schedule else _free_by_rule(basis.figure, rules)
    base = figure.amount if figure else None
    latest = None if base is not None else _latest_published(basis.figure, rules, dues_year)
    cited = figure or (rules.figure(basis.figure) if latest else None)
    reasons = basis.reasons
    if base is not None:
        reasons += (f"The {dues_year} national dues for {basis.label} are {money(base)}.",)
    if cited and cited.derived_from:
        reasons += ("The ACR does not publish that figure as such; it is derived from the ACR sources listed.",)
    note = None if base is not None else _no_amount(dues_year, basis.label, rules, latest)
    amount, discount, discount_reasons = _apply_service_discount(base, profile, rules)
    sources = ((cited.source.citation(),) if cited else ()) + (
        (rules.rules.service_discount.source.citation(),) if discount else ()
    )
    return Price(amount, discount, note, reasons + discount_reasons, sources, latest)


# The page makes these categories free without naming a year, so they stay free in a year
# whose schedule is not published yet.
FREE_BY_RULE = frozenset({"member_in_training", "retired"})


def _free_by_rule(name: str, rules: Schedule):
    return rules.figure(name) if name in FREE_BY_RULE else None


def _latest_published(name: str, rules: Schedule, dues_year: int) -> Optional[LatestPublished]:
    """For a year after the latest schedule (``rules``), that schedule's figure if it has one."""
    amount = rules.figure(name).amount if dues_year > rules.year else None
    return LatestPublished(rules.year, amount) if amount is not None else None


def _no_amount(dues_year: int, label: str, rules: Schedule, latest: Optional[LatestPublished]) -> str:
    where = f"see the dues schedule at {rules.sources['membership_page'].url} or contact the membership team."
    if dues_year < rules.year:  # before the oldest schedule: ``rules`` is then the latest one
        return f"This assistant does not hold the {dues_year} dues schedule for {label}; {where}"
    if latest is not None:
        return (
            f"The {dues_year} national dues for {label} are not published yet; for {latest.year} they were "
            f"{money(latest.amount)}."
        )
    return f"The ACR has not published the {dues_year} national dues for {label}; {where}"


def _apply_service_discount(amount: Optional[Amount], profile: Profile, rules: Schedule):
    if profile.service not in DISCOUNTED_SERVICES:
        return amount, None, ()
    percent = rules.rules.service_discount.percent
    code = f"service_{percent}"
    who = DISCOUNTED_SERVICES[profile.service]
    if amount == 0:
        return amount, None, (f"The {percent}% service discount has nothing to reduce, because these dues are $0.",)
    if amount is None:
        return None, code, (f"As {who} you get {percent}% off national dues once the amount is known.",)
    discounted = _whole_if_possible(Decimal(str(amount)) * (100 - percent) / 100)
    reason = f"As {who} you get {percent}% off national dues: {money(amount)} becomes {money(discounted)}."
    return discounted, code, (reason,)


def _whole_if_possible(value: Decimal) -> Amount:
    return int(value) if value == value.to_integral_value() else float(value)


def money(amount: Amount) -> str:
    return f"${amount:,.0f}" if float(amount).is_integer() else f"${amount:,.2f}"
