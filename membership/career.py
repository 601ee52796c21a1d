"""Where someone stands on a given day: in training, or in the category that follows it."""

from dataclasses import dataclass
from datetime import date
from typing import Optional, Tuple

from . import dates, page
from .categories import (
    TRAINEE_CATEGORIES,
    Category,
    Finding,
    in_practice,
    in_training,
    is_medical_student,
    practicing,
    screen,
)
from .profile import Profile
from .reasons import Reason


@dataclass(frozen=True)
class Transition:
    """Training ends: the trainee category gives way to another within six months."""

    completed_on: date
    trainee: Finding
    after: Finding

    @property
    def automatic(self) -> bool:
        """The page makes only the member-in-training change automatic; international member-in-training
        status "may be considered for transition"."""
        return self.trainee.category is Category.MEMBER_IN_TRAINING

    @property
    def change_on(self) -> date:
        return dates.status_change_date(self.completed_on)

    @property
    def first_dues_year(self) -> int:
        return dates.first_dues_year(self.completed_on)

    def reason(self, as_of: date) -> Reason:
        completed = dates.spoken(self.completed_on)
        trainee = self.trainee.category.label
        if not self.automatic:
            return Reason(
                f"Your {trainee} status normally ends within six months of the end of your training on {completed}; "
                'the membership page says it "may be considered for transition to membership in the appropriate '
                'class", so the change is not automatic.',
                page.INTERNATIONAL_MIT_TRANSITION,
            )
        change_on = dates.spoken(self.change_on)
        if as_of >= self.change_on:
            ended = (
                f"Your training ended on {completed}, so your {trainee} status ended six months later, on {change_on}."
            )
            return Reason(ended, page.MIT_BECOMES_PAID)
        after = self.after.category
        becoming = (
            f"you then become {after.a_label}" if after else "your category after that depends on the details below"
        )
        lasts = (
            f"Your {trainee} status lasts until {change_on}, six months after the end of your training on {completed}; "
            f"{becoming}."
        )
        return Reason(lasts, page.MIT_BECOMES_PAID)


@dataclass(frozen=True)
class Career:
    now: Finding
    transition: Optional[Transition] = None

    @property
    def missing(self) -> Tuple[str, ...]:
        return self.now.missing + (self.transition.after.missing if self.transition else ())


def place(profile: Profile, as_of: date) -> Career:
    screened = screen(profile)
    if screened is not None:
        return Career(screened)
    transition = _transition(profile)
    if transition is not None:
        now = transition.trainee if as_of < transition.change_on else transition.after
        return Career(now, transition)
    return Career(in_practice(profile) if practicing(profile) else in_training(profile))


def _transition(profile: Profile) -> Optional[Transition]:
    # A medical student's training continues into residency, so a date does not end it.
    if profile.training_completed_on is None or is_medical_student(profile):
        return None
    trainee = in_training(profile)
    if trainee.category not in TRAINEE_CATEGORIES:
        return None
    return Transition(profile.training_completed_on, trainee, in_practice(profile))


def career_reasons(career: Career, as_of: date) -> Tuple[Reason, ...]:
    transition = career.transition
    if transition is None:
        return career.now.reasons
    timing = (transition.reason(as_of),)
    if not transition.automatic:
        return career.now.reasons + timing
    owed = Reason(
        "Membership runs from January 1 to December 31, and the first dues after training are owed for the "
        f"following year, {transition.first_dues_year}.",
        page.FIRST_DUES_AFTER_TRAINING,
    )
    after_reasons = transition.after.reasons if as_of < transition.change_on else ()
    return career.now.reasons + timing + (owed,) + after_reasons
