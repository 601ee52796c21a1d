"""ACR membership eligibility and dues engine (plain Python, no Rasa).

``quote(profile)`` answers one visitor's question; the dues amounts come only from the
schedule files in ``membership/schedule/<year>.yml``.
"""

from .categories import Category
from .dates import today
from .profile import InvalidProfile, Profile
from .quote import quote
from .reasons import source_in_words
from .schedule import (
    Schedule,
    ScheduleError,
    ScheduleNotFound,
    all_published_amounts,
    available_years,
    load_schedule,
)

__all__ = [
    "Category",
    "InvalidProfile",
    "Profile",
    "Schedule",
    "ScheduleError",
    "ScheduleNotFound",
    "all_published_amounts",
    "available_years",
    "load_schedule",
    "quote",
    "source_in_words",
    "today",
]
