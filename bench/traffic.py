"""REST traffic against a running assistant: one client after another, or several at once.

Every message comes from a sender of its own, for both assistants: each is a one-turn
conversation, and no per-sender rate limit ever applies."""
import queue
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from itertools import cycle, islice
from typing import List, Optional, Sequence

from bench.metrics import percentile
from tools.servers import RunningAssistant


@dataclass(frozen=True)
class Traffic:
    sent: int
    errors: int
    seconds: float
    p50_ms: float
    p95_ms: float
    throughput: float  # answered messages per second


def summarize(latencies: Sequence[Optional[float]], seconds: float) -> Traffic:
    """latencies: seconds per message, None for a message that got no answer."""
    answered = [latency * 1000 for latency in latencies if latency is not None] or [float("nan")]
    errors = sum(latency is None for latency in latencies)
    return Traffic(len(latencies), errors, seconds, percentile(answered, 50), percentile(answered, 95),
                   (len(latencies) - errors) / seconds)


def timed_message(assistant: RunningAssistant, sender: str, message: str) -> Optional[float]:
    start = time.monotonic()
    try:
        replies = assistant.say(sender, message)
    except OSError:
        return None
    return time.monotonic() - start if replies else None


def sequential(assistant: RunningAssistant, messages: Sequence[str], count: int) -> Traffic:
    start = time.monotonic()
    latencies = [timed_message(assistant, f"sequential-{number}", message)
                 for number, message in enumerate(islice(cycle(messages), count))]
    return summarize(latencies, time.monotonic() - start)


def concurrent(assistant: RunningAssistant, messages: Sequence[str], clients: int,
               count: int, max_seconds: float) -> Traffic:
    """`clients` threads share `count` messages, and stop early after `max_seconds`."""
    work = queue.SimpleQueue()
    for message in islice(cycle(messages), count):
        work.put(message)
    deadline = time.monotonic() + max_seconds

    def client(number: int) -> List[Optional[float]]:
        latencies = []
        while time.monotonic() < deadline:
            try:
                message = work.get_nowait()
            except queue.Empty:
                break
            latencies.append(timed_message(assistant, f"client-{number}-{len(latencies)}", message))
        return latencies

    start = time.monotonic()
    with ThreadPoolExecutor(clients) as pool:
        per_client = list(pool.map(client, range(clients)))
    return summarize([latency for latencies in per_client for latency in latencies], time.monotonic() - start)
