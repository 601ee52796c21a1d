"""Where someone stands on a given day: in training, or in the category that follows it."""

from dataclasses import dataclass
from datetime import date
from typing import Optional, Tuple

from . import dates
from .categories import (
    TRAINEE_CATEGORIES,
    Finding,
    in_practice,
    in_training,
    is_medical_student,
    practicing,
    screen,
)
from .profile import Profile


@dataclass(frozen=True)
class Transition:
    """Training ends: the trainee category gives way to a paid one six months later."""

    completed_on: date
    trainee: Finding
    after: Finding

    @property
    def change_on(self) -> date:
        return dates.status_change_date(self.completed_on)

    @property
    def first_dues_year(self) -> int:
        return dates.first_dues_year(self.completed_on)


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


def career_reasons(career: Career, as_of: date) -> Tuple[str, ...]:
    transition = career.transition
    if transition is None:
        return career.now.reasons
    trainee_label = transition.trainee.category.label
    completed, change_on = dates.spoken(transition.completed_on), dates.spoken(transition.change_on)
    after = transition.after.category
    becoming = f"you then become {after.a_label}" if after else "your category after that depends on the details below"
    if as_of < transition.change_on:
        timing = (
            f"Your {trainee_label} status lasts until {change_on}, six months after the end of your training on "
            f"{completed}; {becoming}."
        )
        after_reasons = transition.after.reasons
    else:
        timing = (
            f"Your training ended on {completed}, so your {trainee_label} status ended six months later, "
            f"on {change_on}."
        )
        after_reasons = ()
    owed = (
        "Membership runs from January 1 to December 31, and the first dues after training are owed for the "
        f"following year, {transition.first_dues_year}."
    )
    return career.now.reasons + (timing, owed) + after_reasons
