"""Times a full review, as docs/review.md reports it: about 100 visitor messages for the
inbox, played over REST (a dozen questions the membership page does not answer, retyped,
misspelt or padded by several visitors each, and questions asked once; each visitor says
"Not really" to an answer), then on a copy of the project the review page started (inbox
read and folded), a decision on every row, the After review page (diff and content check)
and `make train FINETUNE=1`.

    .venv/bin/python scripts/time_review.py
"""
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ops.servers import MODEL, running_assistant, running_review, project_copy  # noqa: E402

# Questions visitors ask in several ways and the page does not answer, or not clearly.
ASKED_OFTEN = [
    "can i pay my dues with a credit card", "how do i get a receipt for my dues", "can i pay my dues monthly",
    "is acr membership tax deductible", "how do i change my mailing address", "can my employer pay my dues",
    "do physician assistants qualify for membership", "how long does the application take",
    "what is the deadline to renew my membership", "can i get a certificate of membership",
    "do you have a mobile app", "is there a group rate for a whole practice",
]
ASKED_ONCE = [
    "what is the weather in reston", "who won the game last night", "can you recommend a ct protocol",
    "my login does not work", "where is the acr headquarters", "can i bring a guest to the annual meeting",
    "do nurses get a discount", "how many members does the acr have", "what does acr stand for",
    "can i pause my membership for a year", "is there a newsletter", "how do i update my specialty",
    "the blue form from before", "purple elephants dancing", "do you accept checks",
    "can i transfer my dues to next year", "what is your privacy policy", "is the journal included",
    "how do i reset my password", "does membership include malpractice insurance",
    "my name is Jane Roe, email jane.roe@example.org, can I pay by invoice",
    "call me at 555-201-7788 about a group membership", "can residents vote", "is there a student chapter",
]
PROMPT, NOT_HELPED = "Did that answer your question?", '/feedback{"helpful": "no"}'
PADDING = ["{}", "{}?", "hi, {}", "quick question: {}", "{} please", "{}??", "hello {}", "{} thanks"]


def misspelt(text: str, rng: random.Random) -> str:
    at = rng.randrange(len(text) - 1)
    return text[:at] + text[at + 1] + text[at] + text[at + 2:]


def variants(question: str, count: int, rng: random.Random) -> list:
    """The ways several visitors type one question."""
    typed = []
    for _ in range(count):
        text = rng.choice(PADDING).format(misspelt(question, rng) if rng.random() < 0.4 else question)
        typed.append(text.capitalize() if rng.random() < 0.3 else text)
    return typed


def post(url: str, form: dict) -> str:
    """The form sent as the page sends it; the address it was sent on to."""
    with urllib.request.urlopen(url, urllib.parse.urlencode(form).encode()) as response:
        return response.url


def decide_every_row(url: str) -> int:
    """A decision on each row, as staff would click it: the model's first suggestion (or
    ignore, for a question outside membership or one the page refuses to add), and every
    fifth row "needs a new answer"."""
    decided = 0
    while True:
        rows = urllib.request.urlopen(url).read().decode().split('<section class="row" data-key="')[1:]
        if not rows:
            return decided
        key, row = rows[0].split('"', 1)
        first = row.split('name="intent" value="', 1)[1].split('"', 1)[0]
        decision = ({"decision": "new answer"} if decided % 5 == 4 else
                    {"decision": "ignore"} if first == "out_of_scope" else {"intent": first})
        if "refused=1" in post(f"{url}/decide", {"key": key, **decision}):
            post(f"{url}/decide", {"key": key, "decision": "ignore"})
        decided += 1


def main() -> None:
    rng, seconds = random.Random(7), {}
    messages = [text for question in ASKED_OFTEN for text in variants(question, 6, rng)] + ASKED_ONCE
    with tempfile.TemporaryDirectory() as folder, running_assistant() as assistant:
        for number, text in enumerate(messages):
            if PROMPT in assistant.text(f"visitor-{number}", text):
                assistant.say(f"visitor-{number}", NOT_HELPED)
        root = project_copy(Path(folder) / "project")
        shutil.copytree(MODEL.parent, root / "models")
        started = time.perf_counter()
        with running_review(assistant.workdir / "endpoints.yml", root, root / "build" / "review") as url:
            seconds["page up: inbox read and folded"] = time.perf_counter() - started
            html = urllib.request.urlopen(url).read().decode()
            print(html.split('<p class="note summary">', 1)[1].split("</p>", 1)[0])
            started = time.perf_counter()
            rows = decide_every_row(url)
            seconds[f"a decision on each of {rows} rows"] = time.perf_counter() - started
            started = time.perf_counter()
            urllib.request.urlopen(f"{url}/changes").read()
            seconds["After review page: git diff and content check"] = time.perf_counter() - started
        started = time.perf_counter()
        subprocess.run(["scripts/train.sh", "models/acr-assistant.tar.gz"], cwd=root, check=True,
                       env={**os.environ, "FINETUNE": "1"})
        seconds["make train FINETUNE=1"] = time.perf_counter() - started
    for what, taken in seconds.items():
        print(f"{what}: {taken:.1f} s")
    print(f"{len(messages)} messages played; in all {sum(seconds.values()):.0f} s")


if __name__ == "__main__":
    main()
