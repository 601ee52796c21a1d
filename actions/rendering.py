"""The membership engine's answer in words for a chat bubble, and what an answer rests on
for a "source?". Pure functions: every figure, category name and reason shown is one the
engine returned, every quote one of the page's sentences listed with the answer."""
from datetime import date
from typing import Any, Dict, List, Optional, Sequence, Tuple

from membership import Category, source_in_words
from membership.dues import money
from membership.page import URL
from membership.reasons import DOCUMENT, FIGURE

# Category code -> the engine's name for it ("Member-in-training (MIT)").
CATEGORY_NAMES = {category.value: category.display_name for category in Category}
NOT_SAID = "the membership page does not say"
# The page's words for the category a member-in-training moves to.
APPROPRIATE_CATEGORY = "a full member in the appropriate category"


def _dues_line(quote: Dict[str, Any]) -> str:
    amount, year = quote["national_dues_usd"], quote["dues_year"]
    if amount is None:
        return quote["dues_note"]  # says why, with the latest published figure for a year not yet published
    if not amount:
        return f"National dues for {year}: none, it is free."
    discount = " after the 50% service discount" if quote["discount"] else ""
    return f"National dues for {year}: {money(amount)}{discount}."


def _status_line(quote: Dict[str, Any]) -> Optional[str]:
    change = quote["status_change"]
    if not change or not change["automatic"]:
        return None  # a change that is not automatic is told in the reasons, in the page's words
    becoming = Category(change["to"]).label if change["to"] else APPROPRIATE_CATEGORY
    on = date.fromisoformat(change["on"])
    return (f"Your status changes on {on:%B} {on.day}, {on.year} to {becoming}; "
            f"your first dues year is {change['first_dues_year']}.")


def _refund_line(quote: Dict[str, Any]) -> Optional[str]:
    if quote["refund_due"]:
        return "You are due a full refund of this year's dues."
    return f"Refund: {NOT_SAID} for your case." if quote["refund_reason"] else None


def _right(flag: Optional[bool], what: str) -> str:
    return NOT_SAID if flag is None else f"you {'can' if flag else 'cannot'} {what}"


def _office_line(quote: Dict[str, Any]) -> str:
    return (f"Elective office: {_right(quote['can_hold_elective_office'], 'hold it')}. "
            f"Board of Chancellors: {_right(quote['can_serve_on_board_of_chancellors'], 'serve on it')}.")


def render_quote(quote: Dict[str, Any], hypothetical: bool = False) -> str:
    """Category, dues, status change, refund and office rights, each with its reasons."""
    opening = "If that were so: " if hypothetical else ""
    if quote["eligible"] is None:
        return "\n".join([f"{opening}From what you've told me, {NOT_SAID} whether you can join.", *_because(quote)])
    if not quote["eligible"]:
        return "\n".join([f"{opening}From what you've told me, you're not eligible for ACR membership.",
                          *_because(quote)])
    lines = [f"{opening}You'd be: {CATEGORY_NAMES[quote['category']]}.", _dues_line(quote), _status_line(quote),
             _refund_line(quote), _office_line(quote), *_because(quote)]
    return "\n".join(line for line in lines if line)


PAGE_LINK = f"The membership page: {URL}"


def is_page_sentence(source: str) -> bool:
    """Whether a source is the page's own words (not a dues schedule figure or another document)."""
    return not source.startswith((FIGURE, DOCUMENT))


def quoted(source: str) -> str:
    """A source as a visitor reads it: the page's words in quotation marks, or the dues
    schedule figure (with the document it is taken from) or other document in words."""
    return f"\u201c{' '.join(source.split())}\u201d" if is_page_sentence(source) else source_in_words(source)


def render_sources(reasons: Sequence[Dict[str, str]]) -> str:
    """Each reason of an engine answer with what it rests on, for a "source?" follow-up."""
    return "\n".join(f"• {reason['text']}\n  Source: {source_in_words(reason['source'])}" for reason in reasons)


def render_topic_sources(topics: Sequence[Tuple[str, Sequence[str]]]) -> str:
    """The page's words each FAQ answer rests on: (title, sources) for each answer given."""
    if len(topics) == 1:
        lines = ["That answer rests on these words of the ACR membership page:"]
        lines += [f"• {quoted(source)}" for source in topics[0][1]]
    else:
        lines = ["Those answers rest on these words of the ACR membership page:"]
        for title, sources in topics:
            lines += [title] + [f"• {quoted(source)}" for source in sources]
    return "\n".join(lines)


NOT_ON_PAGE_SOURCE = ("The membership page does not cover what you asked last, so there is no sentence of it to "
                      "show you. The membership team can answer it through the Contact us link on the page.")
QUOTE_SOURCES = "Your answer rests on these rules, each with its source:"


def render_answer_sources(topics: Sequence[Tuple[str, Sequence[str]]], reasons: Sequence[Dict[str, str]],
                          not_on_page: bool) -> str:
    """What the previous answer rests on: the FAQ answers' page sentences, the engine
    answer's reasons and sources, or that the page does not cover it; then the page's link."""
    parts = [part for part in (
        render_topic_sources(topics) if topics else "",
        f"{QUOTE_SOURCES}\n{render_sources(reasons)}" if reasons else "",
        NOT_ON_PAGE_SOURCE if not_on_page and not (topics or reasons) else "",
    ) if part]
    return "\n".join(parts + [PAGE_LINK])


def _because(quote: Dict[str, Any]) -> List[str]:
    return [f"• {reason['text']}" for reason in quote["reasons"]]


QUOTED_QUESTION_WORDS = 20


def shortened(question: str) -> str:
    """A visitor's question to repeat back: its first words when it is long."""
    words = question.split()
    return question if len(words) <= QUOTED_QUESTION_WORDS else " ".join(words[:QUOTED_QUESTION_WORDS]) + " ..."
