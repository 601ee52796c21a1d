"""A slot's direct shallow copy is the one `copy.copy` made through pickle's reduce protocol."""
import copy

import pytest
from rasa.shared.core.slots import (AnySlot, BooleanSlot, CategoricalSlot, FloatSlot, ListSlot, Slot,
                                    TextSlot)
from rasa.shared.utils.common import all_subclasses

from speedups.slot_copies import shallow_copy

pytestmark = pytest.mark.usefixtures("speedups_installed")  # as `python -m speedups` runs Rasa

MAPPINGS = [{"type": "custom"}]
SLOTS = [
    AnySlot("profession", MAPPINGS, influence_conversation=False),
    BooleanSlot("good_standing", MAPPINGS, initial_value=True),
    CategoricalSlot("stage", MAPPINGS, values=["resident", "retired"]),
    FloatSlot("years", MAPPINGS, max_value=10.0),
    ListSlot("countries", MAPPINGS),
    TextSlot("country", MAPPINGS),
]


def copy_through_reduce(slot: Slot) -> Slot:
    return copy._reconstruct(slot, None, *slot.__reduce_ex__(4))


def test_every_slot_type_of_rasa_is_covered():
    assert {type(slot) for slot in SLOTS} >= {cls for cls in all_subclasses(Slot) if cls.__module__ == Slot.__module__}


def test_copy_copy_uses_the_direct_copy():
    assert Slot.__copy__ is shallow_copy


@pytest.mark.parametrize("slot", SLOTS, ids=lambda slot: type(slot).__name__)
def test_the_copy_has_the_class_and_attributes_of_the_reduce_copy(slot):
    slot.value = slot.initial_value if isinstance(slot, BooleanSlot) else "set"
    duplicate, expected = copy.copy(slot), copy_through_reduce(slot)
    assert type(duplicate) is type(expected) and vars(duplicate) == vars(expected)
    assert duplicate is not slot and duplicate.mappings is slot.mappings  # shallow, as copy.copy


def test_setting_the_copy_leaves_the_original_alone():
    original = TextSlot("country", MAPPINGS)
    duplicate = copy.copy(original)
    duplicate.value = "Canada"
    assert original.value is None and duplicate.has_been_set and not original.has_been_set
