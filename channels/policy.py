"""What every public channel does with a visitor's message before the assistant sees it.

- Rasa reads a message starting with "/" as an intent with entities
  (`/inform{"country":"US"}`), which would let anyone set facts or trigger actions.
  Only the payloads of the project's own buttons pass (topic suggestions, feedback
  on an answer); any other such text is read as plain words.
- Empty, overlong and too frequent messages get a friendly reply and go no further.
- Control characters and unpaired surrogates are cleaned out.
- A turn that produced no reply (the action server is down, say) gets an apology with
  the way to reach the membership team, instead of silence. So does a turn that failed
  (the conversation store is unreachable): its replies are held back until the turn is
  complete, so a visitor never sees answers that the conversation will not remember.
"""
import logging
import re
import time
import unicodedata
from collections import defaultdict, deque
from typing import Any, Awaitable, Callable, Deque, Dict, List, Optional, Tuple

from rasa.core.channels.channel import UserMessage

from channels.tracker_store import ConversationStoreUnavailable

MAX_MESSAGE_CHARS = 2000
RATE_LIMIT_MESSAGES = 30
RATE_LIMIT_SECONDS = 60.0
BUTTON_PAYLOADS = (
    re.compile(r'^/choose_topic\{"topic": ?"[a-z_]{1,60}"\}$'),
    re.compile(r'^/feedback\{"helpful": ?"(yes|no)"\}$'),
)

EMPTY_REPLY = "I didn't get any text. Ask me anything about ACR membership, for example \"who can join?\""
TOO_LONG_REPLY = (f"That message is too long for me (the limit is {MAX_MESSAGE_CHARS} characters). "
                  "Could you ask your question in a sentence or two?")
TOO_FAST_REPLY = "You're sending messages faster than I can read them. Please wait a moment and try again."
NO_ANSWER_REPLY = ("Sorry, I can't answer that right now. Please try again in a minute, or reach the ACR "
                   "membership team through \"Contact us\" on https://www.acr.org/Membership/Join")

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]
log = logging.getLogger(__name__)


def clean_text(text: Any) -> str:
    """Printable text: unpaired surrogates replaced, control characters dropped."""
    text = str(text or "").encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")


def as_plain_words(text: str) -> str:
    """A leading "/" is an intent command only for the project's own button payloads."""
    if text.startswith("/") and not any(payload.match(text) for payload in BUTTON_PAYLOADS):
        return text.lstrip("/ ")
    return text


class SenderRateLimit:
    """At most `limit` messages per sender in any `window` seconds (per server process)."""

    def __init__(self, limit: int = RATE_LIMIT_MESSAGES, window: float = RATE_LIMIT_SECONDS,
                 clock: Callable[[], float] = time.monotonic):
        self.limit, self.window, self.clock = limit, window, clock
        self.recent: Dict[str, Deque[float]] = defaultdict(deque)

    def allows(self, sender: str) -> bool:
        now, times = self.clock(), self.recent[sender]
        while times and now - times[0] >= self.window:
            times.popleft()
        if len(times) >= self.limit:
            return False
        times.append(now)
        return True


def refusal(text: str, sender: str, rate_limit: SenderRateLimit) -> Optional[str]:
    """The friendly reply for a message that goes no further, or None."""
    if not text.strip():
        return EMPTY_REPLY
    if len(text) > MAX_MESSAGE_CHARS:
        return TOO_LONG_REPLY
    if not rate_limit.allows(sender):
        return TOO_FAST_REPLY
    return None


class HeldReplies:
    """Stands in for the channel's output and keeps the turn's replies until release()."""

    def __init__(self, output: Any):
        self.output: Any = output
        self.held: List[Tuple[str, Dict[str, Any]]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.output, name)

    async def send_response(self, recipient_id: str, message: Dict[str, Any]) -> None:
        self.held.append((recipient_id, message))

    async def release(self) -> None:
        for recipient_id, message in self.held:
            await self.output.send_response(recipient_id, message)


def guarded(on_new_message: OnNewMessage, rate_limit: Optional[SenderRateLimit] = None) -> OnNewMessage:
    """Wraps a channel's message handler with the rules above."""
    rate_limit = rate_limit or SenderRateLimit()

    async def handle(message: UserMessage) -> Any:
        text = clean_text(message.text)
        reply = refusal(text, message.sender_id, rate_limit)
        if reply:
            await message.output_channel.send_text_message(message.sender_id, reply)
            return None
        message.text = as_plain_words(text)
        replies = message.output_channel = HeldReplies(message.output_channel)
        try:
            result = await on_new_message(message)
        except (Exception, ConversationStoreUnavailable) as error:
            # The class name only: an error's text can quote the visitor's message.
            log.error("A turn failed and was answered with an apology: %s", type(error).__name__)
            result, replies.held = None, []
        if not replies.held:
            await replies.output.send_text_message(message.sender_id, NO_ANSWER_REPLY)
        await replies.release()
        return result

    return handle
