"""The visitor's profile as the membership engine reads it, kept in Rasa slots."""
from datetime import date
from typing import Any, Dict, List, Mapping, Optional

import membership

PROFILE_FIELDS = (
    "profession", "stage", "specialty", "certifications", "country", "service",
    "completed_residency", "medical_school_years", "previously_member_in_practice",
    "good_standing", "dues_paid_for_year", "training_completed_on", "retired_on",
    "retirement_notified_on", "dues_year",
)
NOT_ELIGIBLE = "not_eligible"
CATEGORY_SLOT = "quoted_category"  # the category of the latest quote, for the report


def profile_from_slots(slots: Mapping[str, Any], today: Optional[date] = None) -> Dict[str, Any]:
    profile = {field: slots.get(field) for field in PROFILE_FIELDS if slots.get(field) is not None}
    profile["as_of"] = (today or membership.today()).isoformat()
    return profile


def placed_category(answer: Mapping[str, Any]) -> str:
    """The category an engine answer places the visitor in, or NOT_ELIGIBLE."""
    return answer.get("category") if answer.get("eligible") and answer.get("category") else NOT_ELIGIBLE


def missing_fields(answer: Mapping[str, Any]) -> List[str]:
    """Profile fields an engine answer still needs, most important first."""
    return [field for field in answer["missing"] if field in PROFILE_FIELDS]


def still_missing(profile: Dict[str, Any]) -> List[str]:
    """Profile fields the engine needs before it can answer, most important first."""
    try:
        return missing_fields(membership.quote(profile))
    except membership.InvalidProfile:
        return []
