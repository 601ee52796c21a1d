"""Rasa 3.6 copies a conversation's state several times for every message: before each
action, and for each policy's look back over the turns. Each copy copies every slot of the
domain with `copy.copy`, which for a plain object goes through pickle's reduce protocol
and was about a twentieth of the server's time. A slot's shallow copy is a new object of
its class holding the same attributes, and that is what this makes, directly."""
from rasa.shared.core.slots import Slot


def shallow_copy(slot: Slot) -> Slot:
    duplicate = type(slot).__new__(type(slot))
    duplicate.__dict__.update(slot.__dict__)
    return duplicate


def install() -> None:
    Slot.__copy__ = shallow_copy
