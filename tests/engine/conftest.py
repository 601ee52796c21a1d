import pytest
from engine_profiles import AS_OF

from membership import quote


@pytest.fixture
def answer():
    """quote() for a base profile plus keyword fields, on a fixed day unless as_of is given."""

    def _answer(base=None, **fields):
        return quote({"as_of": AS_OF, **(base or {}), **fields})

    return _answer
