"""Dollar amounts in replies that no source backs: the assistant must invent no figure."""
import re
from decimal import Decimal
from typing import FrozenSet, Iterable, List

DOLLAR_AMOUNT = re.compile(r"\$\s?(\d[\d,]*(?:\.\d+)?)")


def dollar_amounts(text: str) -> List[Decimal]:
    return [Decimal(match.replace(",", "")) for match in DOLLAR_AMOUNT.findall(text)]


def allowed_amounts(published: Iterable[float], page_text: str) -> FrozenSet[Decimal]:
    """The schedules' amounts, half of each (the 50% service discount) and the page's own."""
    published = {Decimal(str(amount)) for amount in published}
    return frozenset(published | {amount / 2 for amount in published} | set(dollar_amounts(page_text)))


def invented_amounts(text: str, allowed: FrozenSet[Decimal]) -> List[Decimal]:
    return [amount for amount in dollar_amounts(text) if amount not in allowed]
