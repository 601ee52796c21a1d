"""National dues schedules: one YAML file per dues year in ``membership/schedule/``.

Publishing next year's dues means adding ``<year>.yml``; the engine needs no change. A file
is read again when it changes, so an edit or a new year takes effect on the next quote
without restarting the action server.
"""

import re
from pathlib import Path
from typing import Dict, FrozenSet, List, Optional, Tuple, Union

import yaml
from pydantic import BaseModel, StrictFloat, StrictInt, ValidationError, validator

SCHEDULE_DIR = Path(__file__).parent / "schedule"
SCHEDULE_FILE = re.compile(r"(\d{4})\.yml")
Amount = Union[StrictInt, StrictFloat]

# The figures the rules look up; every schedule file must define each one
# (with ``amount: null`` when the figure is not known here).
REQUIRED_FIGURES = frozenset(
    {
        "member_in_training",
        "first_year_of_practice",
        "second_year_of_practice",
        "third_year_of_practice",
        "fourth_year_of_practice",
        "general_physician",
        "general_medical_physicist",
        "associate",
        "allied_health",
        "international",
        "international_member_in_training",
        "retired",
        "canadian_member",
    }
)


class ScheduleNotFound(LookupError):
    """No dues schedule file exists for the year asked."""


class ScheduleError(ValueError):
    """A schedule file exists but cannot be used; the message says what to fix."""


class Source(BaseModel):
    title: str
    url: str
    date: str

    class Config:
        extra = "forbid"
        allow_mutation = False

    @validator("date", pre=True)
    def _date_as_text(cls, value):
        # An unquoted 2024-04-18 in YAML arrives as a date.
        return value.isoformat() if hasattr(value, "isoformat") else value

    def citation(self) -> str:
        return f"{self.title} ({self.date}), {self.url}"


class Figure(BaseModel):
    amount: Optional[Amount] = ...  # required, but null when not known here
    source: Source
    derived_from: Optional[str] = None
    note: Optional[str] = None

    class Config:
        extra = "forbid"
        allow_mutation = False

    @validator("amount")
    def _not_negative(cls, value):
        if value is not None and value < 0:
            raise ValueError("an amount cannot be negative")
        return value


class Discount(BaseModel):
    percent: int
    source: Source

    class Config:
        extra = "forbid"
        allow_mutation = False


class Rules(BaseModel):
    service_discount: Discount

    class Config:
        extra = "forbid"
        allow_mutation = False


class Schedule(BaseModel):
    year: int
    currency: str
    sources: Dict[str, Source]
    figures: Dict[str, Figure]
    rules: Rules

    class Config:
        extra = "forbid"
        allow_mutation = False

    @validator("currency")
    def _dollars(cls, value):
        if value != "USD":
            raise ValueError("the engine quotes US dollars; currency must be USD")
        return value

    @validator("sources")
    def _has_membership_page(cls, value):
        if "membership_page" not in value:
            raise ValueError("sources must include membership_page (the ACR page the rules come from)")
        return value

    @validator("figures")
    def _complete(cls, value):
        absent = sorted(REQUIRED_FIGURES - value.keys())
        if absent:
            raise ValueError(f"figures missing (use amount: null if not known): {', '.join(absent)}")
        return value

    def figure(self, name: str) -> Figure:
        """The figure called ``name`` (e.g. ``general_physician``)."""
        try:
            return self.figures[name]
        except KeyError:
            raise KeyError(f"the {self.year} dues schedule has no figure named {name!r}") from None

    def published_amounts(self) -> FrozenSet[Amount]:
        return frozenset(f.amount for f in self.figures.values() if f.amount is not None)


def available_years(directory: Optional[Path] = None) -> List[int]:
    """Dues years that have a schedule file, oldest first."""
    paths = Path(directory or SCHEDULE_DIR).glob("*.yml")
    matches = (SCHEDULE_FILE.fullmatch(path.name) for path in paths)
    return sorted(int(match.group(1)) for match in matches if match)


# Each file's schedule, with the (modification time, size) of the file it was parsed from.
_parsed: Dict[Path, Tuple[Tuple[int, int], Schedule]] = {}


def load_schedule(year: int, directory: Optional[Path] = None) -> Schedule:
    """The dues schedule for ``year``; ScheduleNotFound when there is no file for it (not published yet, or
    older than the files kept). The file is parsed again only when its modification time or size changed."""
    path = Path(directory or SCHEDULE_DIR) / f"{year}.yml"
    try:
        status = path.stat()
    except FileNotFoundError:
        raise ScheduleNotFound(f"no dues schedule for {year} (expected {path})") from None
    stamp = (status.st_mtime_ns, status.st_size)
    parsed = _parsed.get(path)
    if parsed is None or parsed[0] != stamp:
        parsed = _parsed[path] = (stamp, _parse(year, path))
    return parsed[1]


def _parse(year: int, path: Path) -> Schedule:
    try:
        schedule = Schedule.parse_obj(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (yaml.YAMLError, ValidationError) as error:
        raise ScheduleError(f"{path}: {_flatten(error)}") from None
    if schedule.year != year:
        raise ScheduleError(f"{path}: says year {schedule.year}, expected {year}")
    return schedule


def all_published_amounts(directory: Optional[Path] = None) -> FrozenSet[Amount]:
    """Every non-null amount in every year's schedule (for content checks)."""
    amounts = (load_schedule(year, directory).published_amounts() for year in available_years(directory))
    return frozenset().union(*amounts)


def _flatten(error: Exception) -> str:
    return " ".join(str(error).split())
