"""A reason the engine gives, with what it rests on.

A source is one of:
- a sentence or fragment quoted exactly from the membership page (``membership/page.py``);
- ``schedule:<year>:<figure>``, a figure of that year's dues schedule;
- ``source:<name>``, a document listed under ``sources:`` in the dues schedules.
"""

import re
from dataclasses import dataclass
from typing import Dict, Optional, Tuple

from .schedule import Figure, ScheduleNotFound, available_years, load_schedule

DOCUMENT = "source:"
FIGURE = "schedule:"


@dataclass(frozen=True)
class Reason:
    text: str
    source: str

    def as_json(self) -> Dict[str, str]:
        return {"text": self.text, "source": self.source}


def figure_source(year: int, figure: str) -> str:
    return f"{FIGURE}{year}:{figure}"


def document_source(name: str) -> str:
    return DOCUMENT + name


def document_named(source: str) -> Optional[str]:
    """The schedule's name for the document a source names, or None for any other source."""
    return source[len(DOCUMENT):] if source.startswith(DOCUMENT) else None


def figure_named(source: str) -> Optional[Tuple[int, str]]:
    """The year and the figure's name a ``schedule:<year>:<figure>`` source names, or None for
    any other source."""
    match = re.fullmatch(rf"{FIGURE}(\d{{4}}):(\w+)", source)
    return (int(match.group(1)), match.group(2)) if match else None


def schedule_figure(source: str) -> Optional[Figure]:
    """The dues schedule figure a ``schedule:<year>:<figure>`` source names; None for any
    other source, a year without a schedule, or a figure its year's schedule does not have.
    ScheduleError when the year's schedule file cannot be used."""
    named = figure_named(source)
    if not named:
        return None
    try:
        return load_schedule(named[0]).figures.get(named[1])
    except ScheduleNotFound:
        return None


def figure_citation(source: str) -> Optional[str]:
    """The document a schedule figure is taken from, as a citation; None for any other
    source, or a figure its year's schedule no longer has."""
    figure = schedule_figure(source)
    return figure.source.citation() if figure else None


def source_in_words(source: str) -> str:
    """A reason's source as people read it: the page's sentence, a schedule figure (with the
    document the schedule takes it from) or a document."""
    named = figure_named(source)
    if named:
        cited = figure_citation(source)
        return f"the ACR {named[0]} dues schedule ({named[1].replace('_', ' ')})" + (f", from {cited}" if cited else "")
    document = document_named(source)
    if document:
        return load_schedule(max(available_years())).sources[document].citation()
    return f'the membership page: "{source}"'
