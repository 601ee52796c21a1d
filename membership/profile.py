"""The facts a visitor gives about themselves, validated.

A field that is absent or null means "not told": the engine then either uses the
documented default or asks for it (see ``missing`` in the quote).
"""

import re
from datetime import date
from enum import Enum
from typing import Any, List, Mapping, Optional

import pycountry
from pydantic import BaseModel, StrictBool, StrictStr, ValidationError, validator

EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2100, 12, 31)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DOMESTIC_COUNTRIES = {"US", "CA"}
# For a place abroad with no one country: "a medical school in the Caribbean".
OUTSIDE_US_AND_CANADA = "outside_us_canada"
# How a missing field is named when asking a person for it.
FIELD_WORDS = {
    "stage": "career stage",
    "certifications": "board certifications",
    "completed_residency": "whether you completed an approved radiology residency",
    "medical_school_years": "medical school program length in years",
    "dues_paid_for_year": "whether you already paid this year's dues",
    "training_completed_on": "training completion date",
    "retired_on": "retirement date",
    "retirement_notified_on": "date you told the ACR you retired",
}


class InvalidProfile(ValueError):
    """The input cannot be read as a profile; the message is one line for people."""


class Profession(str, Enum):
    PHYSICIAN = "physician"
    MEDICAL_PHYSICIST = "medical_physicist"
    MEDICAL_STUDENT = "medical_student"
    MRI_SCIENTIST = "mri_scientist"
    RADIOLOGIST_ASSISTANT = "radiologist_assistant"
    OTHER = "other"


class Stage(str, Enum):
    STUDENT = "student"
    RESIDENT = "resident"
    FELLOW = "fellow"
    AWAITING_RESIDENCY = "awaiting_residency"
    IN_PRACTICE = "in_practice"
    RETIRED = "retired"


class Specialty(str, Enum):
    RADIOLOGY = "radiology"
    RADIATION_ONCOLOGY = "radiation_oncology"
    NUCLEAR_MEDICINE = "nuclear_medicine"
    MEDICAL_PHYSICS = "medical_physics"
    OTHER = "other"


class Certification(str, Enum):
    ABR = "ABR"
    AOBR = "AOBR"
    RCPSC = "RCPSC"
    CMQ = "CMQ"
    ABNM = "ABNM"
    ABMS_OTHER = "ABMS_other"
    ARRT = "ARRT"
    ECFMG = "ECFMG"
    NATIONAL_BOARD = "national_board"


class Service(str, Enum):
    ACTIVE_DUTY_MILITARY = "active_duty_military"
    VETERANS_AFFAIRS = "veterans_affairs"
    PUBLIC_HEALTH_SERVICE = "public_health_service"
    NONE = "none"


# The page's discount names the U.S. military, the Department of Veterans Affairs and the
# U.S. Public Health Service: all in the United States.
US_SERVICES = {Service.ACTIVE_DUTY_MILITARY, Service.VETERANS_AFFAIRS, Service.PUBLIC_HEALTH_SERVICE}


def _whole_number(value: Any, low: int, high: int) -> Optional[int]:
    # Accepts 4 and 4.0 (chat slots hold floats) but not "4", true or 4.5.
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError("must be a whole number")
    if isinstance(value, float) and not value.is_integer():
        raise ValueError("must be a whole number")
    if not low <= value <= high:
        raise ValueError(f"must be between {low} and {high}")
    return int(value)


def _iso_date(value: Any) -> Optional[date]:
    if value is None or isinstance(value, date):
        parsed = value
    elif isinstance(value, str) and ISO_DATE.fullmatch(value):
        try:
            parsed = date.fromisoformat(value)
        except ValueError as error:
            raise ValueError(f"is not a real date ({error})") from None
    else:
        raise ValueError("must be a date written YYYY-MM-DD")
    if parsed is not None and not EARLIEST_DATE <= parsed <= LATEST_DATE:
        raise ValueError(f"must be between {EARLIEST_DATE} and {LATEST_DATE}")
    return parsed


class Profile(BaseModel):
    profession: Optional[Profession] = None
    stage: Optional[Stage] = None
    specialty: Optional[Specialty] = None
    certifications: Optional[List[Certification]] = None
    country: Optional[StrictStr] = None
    completed_residency: Optional[StrictBool] = None
    medical_school_years: Optional[int] = None
    good_standing: StrictBool = True
    previously_member_in_practice: StrictBool = False
    dues_paid_for_year: Optional[StrictBool] = None
    service: Optional[Service] = None
    training_completed_on: Optional[date] = None
    retired_on: Optional[date] = None
    retirement_notified_on: Optional[date] = None
    as_of: Optional[date] = None
    dues_year: Optional[int] = None

    class Config:
        extra = "forbid"
        allow_mutation = False

    @validator("good_standing", pre=True)
    def _good_standing_default(cls, value):
        return True if value is None else value

    @validator("previously_member_in_practice", pre=True)
    def _previous_membership_default(cls, value):
        return False if value is None else value

    @validator("country")
    def _known_country(cls, value):
        if value is None or value.lower() == OUTSIDE_US_AND_CANADA:
            return value and OUTSIDE_US_AND_CANADA
        country = pycountry.countries.get(alpha_2=value.upper()) if len(value) == 2 else None
        if country is None:
            raise ValueError(f"must be an ISO 3166-1 alpha-2 country code such as US, CA or DE, or {OUTSIDE_US_AND_CANADA}")
        return country.alpha_2

    @validator("medical_school_years", pre=True)
    def _school_years(cls, value):
        return _whole_number(value, 0, 20)

    @validator("dues_year", pre=True)
    def _dues_year(cls, value):
        return _whole_number(value, EARLIEST_DATE.year, LATEST_DATE.year)

    @validator("training_completed_on", "retired_on", "retirement_notified_on", "as_of", pre=True)
    def _dates(cls, value):
        return _iso_date(value)

    @property
    def certified_by(self) -> frozenset:
        return frozenset(self.certifications or ())

    @property
    def is_domestic(self) -> Optional[bool]:
        """In the US or Canada; someone in a US service with no country named serves in the US."""
        if self.country is None:
            return True if self.service in US_SERVICES else None
        return self.country in DOMESTIC_COUNTRIES


def parse_profile(data: Any) -> Profile:
    """A validated Profile from a mapping (e.g. parsed JSON), or InvalidProfile."""
    if isinstance(data, Profile):
        return data
    if not isinstance(data, Mapping):
        raise InvalidProfile("the profile must be a JSON object of field names and values")
    try:
        return Profile.parse_obj(dict(data))
    except ValidationError as error:
        raise InvalidProfile(_one_line(error)) from None


def _one_line(error: ValidationError) -> str:
    problems = []
    for problem in error.errors():
        field = ".".join(str(part) for part in problem["loc"])
        message = "unknown field" if problem["type"] == "value_error.extra" else problem["msg"]
        problems.append(f"{field}: {message}")
    return "invalid profile: " + "; ".join(problems)
