"""REST traffic against a running assistant: one client after another, or several at once.

Every message comes from a sender of its own, for both assistants: each is a one-turn
conversation, and no per-sender rate limit ever applies."""
import queue
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from itertools import cycle, islice
from typing import List, Optional, Sequence, Tuple

from bench.metrics import percentile
from ops.servers import RunningAssistant


Handled = Optional[Tuple[float, bool]]  # seconds and whether the bot said anything; None: no answer


@dataclass(frozen=True)
class Traffic:
    sent: int
    errors: int  # no answer from the server
    silent: int  # answered, but the bot said nothing (the stock assistant, off its stories)
    seconds: float
    p50_ms: float
    p95_ms: float
    throughput: float  # handled messages per second, silent ones included


def summarize(handled: Sequence[Handled], seconds: float) -> Traffic:
    latencies = [message[0] * 1000 for message in handled if message is not None] or [float("nan")]
    errors = sum(message is None for message in handled)
    silent = sum(message is not None and not message[1] for message in handled)
    return Traffic(len(handled), errors, silent, seconds, percentile(latencies, 50), percentile(latencies, 95),
                   (len(handled) - errors) / seconds)


def timed_message(assistant: RunningAssistant, sender: str, message: str) -> Handled:
    start = time.monotonic()
    try:
        replies = assistant.say(sender, message)
    except OSError:
        return None
    return time.monotonic() - start, bool(replies)


def sequential(assistant: RunningAssistant, messages: Sequence[str], count: int) -> Traffic:
    start = time.monotonic()
    handled = [timed_message(assistant, f"sequential-{number}", message)
               for number, message in enumerate(islice(cycle(messages), count))]
    return summarize(handled, time.monotonic() - start)


def concurrent(assistant: RunningAssistant, messages: Sequence[str], clients: int,
               count: int, max_seconds: float) -> Traffic:
    """`clients` threads share `count` messages, and stop early after `max_seconds`."""
    work = queue.SimpleQueue()
    for message in islice(cycle(messages), count):
        work.put(message)
    deadline = time.monotonic() + max_seconds

    def client(number: int) -> List[Handled]:
        handled = []
        while time.monotonic() < deadline:
            try:
                message = work.get_nowait()
            except queue.Empty:
                break
            handled.append(timed_message(assistant, f"client-{number}-{len(handled)}", message))
        return handled

    start = time.monotonic()
    with ThreadPoolExecutor(clients) as pool:
        per_client = list(pool.map(client, range(clients)))
    return summarize([message for handled in per_client for message in handled], time.monotonic() - start)
