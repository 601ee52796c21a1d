"""Date rules from the membership page, and the one place the assistant learns today's date."""

import os
from datetime import date

from dateutil.relativedelta import relativedelta

MONTHS_FROM_TRAINING_TO_PAID_STATUS = 6
YEARS_OF_ELECTED_OFFICE_AFTER_RETIREMENT = 6
LAST_REFUND_MONTH = 3  # notice from January 1 to March 31 inclusive
# ISO date the assistant takes as today instead of the clock: staff preview what visitors
# will be told on another day (say, next January 1), and tests pin their dates with it.
TODAY_VARIABLE = "ASSISTANT_TODAY"
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def today() -> date:
    pinned = os.environ.get(TODAY_VARIABLE, "").strip()
    if not pinned:
        return date.today()
    try:
        return date.fromisoformat(pinned)
    except ValueError:
        raise ValueError(f"{TODAY_VARIABLE} must be a date as YYYY-MM-DD, not {pinned!r}") from None


def status_change_date(training_completed_on: date) -> date:
    return training_completed_on + relativedelta(months=MONTHS_FROM_TRAINING_TO_PAID_STATUS)


def first_dues_year(training_completed_on: date) -> int:
    # Membership runs January-December; the first dues are owed for the year after training ends.
    return training_completed_on.year + 1


def year_of_practice(training_completed_on: date, dues_year: int) -> int:
    return dues_year - training_completed_on.year


def elected_office_ends(retired_on: date) -> date:
    return retired_on + relativedelta(years=YEARS_OF_ELECTED_OFFICE_AFTER_RETIREMENT)


def in_refund_window(notified_on: date) -> bool:
    return notified_on.month <= LAST_REFUND_MONTH


def ordinal(number: int) -> str:
    if 1 <= number <= len(ORDINALS):
        return ORDINALS[number - 1]
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def spoken(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"
