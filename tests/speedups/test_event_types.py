"""The remembered class of an event type name is the one Rasa finds, for every kind of
event, for a conversation the trained model held, and after a new kind is defined."""
import asyncio

import pytest
from rasa.core.agent import Agent
from rasa.shared.core.events import Event, UserUttered, deserialise_events
from rasa.shared.core.trackers import EventVerbosity
from rasa.shared.utils.common import all_subclasses

from bench.heldout import load_examples
from speedups import event_types
from ops.servers import MODEL

pytestmark = pytest.mark.usefixtures("speedups_installed")  # as `python -m speedups` runs Rasa


def rasas(type_name, default=None):
    try:
        return event_types._rasa_resolve_by_type(type_name, default)
    except ValueError as error:
        return str(error)


def remembered(type_name, default=None):
    try:
        return Event.resolve_by_type(type_name, default)
    except ValueError as error:
        return str(error)


def test_the_server_finds_classes_through_the_remembered_ones():
    assert Event.resolve_by_type is event_types.resolve_by_type


@pytest.mark.parametrize("default", [None, UserUttered])
def test_every_type_name_resolves_as_in_rasa(default):
    names = [cls.type_name for cls in all_subclasses(Event)] + ["topic", "no_such_event", "", None]
    assert len(names) > 25
    for _ in range(2):  # found, then remembered
        assert [remembered(name, default) for name in names] == [rasas(name, default) for name in names]


def test_a_conversations_events_read_back_as_in_rasa(monkeypatch):
    agent = Agent.load(str(MODEL))
    for example in load_examples()[:10]:
        asyncio.run(agent.handle_text(example.text, sender_id="visitor"))
    stored = asyncio.run(agent.tracker_store.retrieve("visitor")).current_state(EventVerbosity.ALL)["events"]
    mine = deserialise_events(stored)
    monkeypatch.setattr(Event, "resolve_by_type", staticmethod(event_types._rasa_resolve_by_type))
    assert len(stored) > 40 and mine == deserialise_events(stored)
    assert [type(event) for event in mine] == [type(event) for event in deserialise_events(stored)]


def test_a_kind_of_event_defined_later_makes_every_class_be_found_again():
    assert remembered("user") is UserUttered and event_types._FOUND

    class LaterKind(Event):
        type_name = "later_kind"

        def __eq__(self, other):
            return self is other

        def __hash__(self):
            return id(self)

        def as_story_string(self):
            return None

    assert not event_types._FOUND  # a later kind could come first in Rasa's search
    assert remembered("later_kind") is LaterKind is rasas("later_kind")
    assert remembered("user") is UserUttered
