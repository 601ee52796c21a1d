"""The membership engine's answer in words for a chat bubble. Pure functions: every
figure shown is one the engine returned."""
from datetime import date
from typing import Any, Dict, List, Optional

CATEGORY_NAMES = {
    "general": "General member",
    "associate": "Associate member",
    "member_in_training": "Member-in-training (MIT)",
    "international": "International member",
    "international_member_in_training": "International member-in-training",
    "allied_health": "Allied health member",
    "retired": "Retired member",
}
DUES_SCHEDULE = "https://www.acr.org/Membership/Join"


def money(amount: float) -> str:
    return f"${amount:,.0f}" if float(amount).is_integer() else f"${amount:,.2f}"


def _dues_line(quote: Dict[str, Any]) -> str:
    amount, year = quote.get("national_dues_usd"), quote.get("dues_year")
    if amount is None:
        return quote.get("dues_note") or f"The {year} national dues are not published; see the dues schedule at {DUES_SCHEDULE}."
    discount = " after the 50% service discount" if quote.get("discount") else ""
    return f"National dues for {year}: {money(amount)}{discount}." if amount else f"National dues for {year}: none, it is free."


def _status_line(quote: Dict[str, Any]) -> Optional[str]:
    change = quote.get("status_change")
    if not change:
        return None
    category = CATEGORY_NAMES.get(change.get("to"), "a paying member").lower()
    on = date.fromisoformat(change["on"])
    return (f"Your status changes on {on:%B} {on.day}, {on.year} to {category}; "
            f"your first dues year is {change['first_dues_year']}.")


def _refund_line(quote: Dict[str, Any]) -> Optional[str]:
    refund = quote.get("refund_due")
    if refund is None:
        return None
    return "You are due a full refund of this year's dues." if refund else "No refund is due for that year."


def _office_line(quote: Dict[str, Any]) -> str:
    office = "can" if quote.get("can_hold_elective_office") else "cannot"
    board = "can" if quote.get("can_serve_on_board_of_chancellors") else "cannot"
    return f"Elective office: you {office} hold it. Board of Chancellors: you {board} serve on it."


def render_quote(quote: Dict[str, Any], hypothetical: bool = False) -> str:
    """Category, dues, status change, refund and office rights, each with its reasons."""
    category = CATEGORY_NAMES.get(quote.get("category"))
    opening = "If that were so: " if hypothetical else ""
    if not quote.get("eligible") or not category:
        return "\n".join([f"{opening}From what you've told me, you're not eligible for ACR membership.",
                          *_because(quote)])
    lines = [f"{opening}You'd be: {category}.", _dues_line(quote), _status_line(quote), _refund_line(quote),
             _office_line(quote), *_because(quote)]
    return "\n".join(line for line in lines if line)


def _because(quote: Dict[str, Any]) -> List[str]:
    return [f"• {reason['text']}" for reason in quote.get("reasons", [])]
