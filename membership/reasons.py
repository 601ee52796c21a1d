"""A reason the engine gives, with what it rests on.

A source is one of:
- a sentence or fragment quoted exactly from the membership page (``membership/page.py``);
- ``schedule:<year>:<figure>``, a figure of that year's dues schedule;
- ``source:<name>``, a document listed under ``sources:`` in the dues schedules.
"""

from dataclasses import dataclass
from typing import Dict, Optional

from .schedule import ScheduleNotFound, available_years, load_schedule

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


def figure_citation(source: str) -> Optional[str]:
    """The document a schedule figure (``schedule:<year>:<figure>``) is taken from, as a
    citation; None for any other source, or a figure its year's schedule no longer has."""
    if not source.startswith(FIGURE):
        return None
    year, name = source[len(FIGURE):].split(":")
    try:
        figure = load_schedule(int(year)).figures.get(name)
    except ScheduleNotFound:
        return None
    return figure.source.citation() if figure else None


def source_in_words(source: str) -> str:
    """A reason's source as people read it: the page's sentence, a schedule figure (with the
    document the schedule takes it from) or a document."""
    if source.startswith(FIGURE):
        year, figure = source[len(FIGURE):].split(":")
        cited = figure_citation(source)
        return f"the ACR {year} dues schedule ({figure.replace('_', ' ')})" + (f", from {cited}" if cited else "")
    document = document_named(source)
    if document:
        return load_schedule(max(available_years())).sources[document].citation()
    return f'the membership page: "{source}"'
