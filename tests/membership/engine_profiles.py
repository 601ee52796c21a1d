"""Profiles, the fixed day, the membership page and readers of answers shared by the engine tests."""

from datetime import date

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from content import check as content_check
from membership.profile import Certification, Profession, Service, Specialty, Stage

AS_OF = "2025-06-15"

US_RADIOLOGIST = {
    "profession": "physician",
    "stage": "in_practice",
    "specialty": "radiology",
    "certifications": ["ABR"],
    "country": "US",
}
RESIDENT = {"profession": "physician", "stage": "resident", "specialty": "radiology"}

DATES = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)).map(date.isoformat)


def values(enum):
    return st.sampled_from([member.value for member in enum])


# Any valid profile, on a day it names.
PROFILES = st.fixed_dictionaries(
    {"as_of": DATES},
    optional={
        "profession": values(Profession),
        "stage": values(Stage),
        "specialty": values(Specialty),
        "certifications": st.lists(values(Certification), max_size=4),
        "country": st.sampled_from(["US", "CA", "DE", "IN", "JP", "BR", "us", "ca"]),
        "completed_residency": st.booleans(),
        "medical_school_years": st.integers(min_value=0, max_value=8),
        "good_standing": st.booleans(),
        "previously_member_in_practice": st.booleans(),
        "dues_paid_for_year": st.booleans(),
        "service": values(Service),
        "training_completed_on": DATES,
        "retired_on": DATES,
        "retirement_notified_on": DATES,
        "dues_year": st.integers(min_value=2020, max_value=2030),
    },
)
CHECKS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def reason_texts(answer):
    """The sentences of an answer's reasons, without their sources."""
    return [reason["text"] for reason in answer["reasons"]]


PAGE_TEXT = content_check.MEMBERSHIP_PAGE.read_text(encoding="utf-8")


def on_the_page(quoted):
    """Whether the membership page says this, word for word (line breaks and spacing aside)."""
    return content_check.on_the_page(quoted, PAGE_TEXT)
