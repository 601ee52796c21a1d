"""`make report` on the test session's own tracker store: conversations played over REST
(FAQ answers with feedback, unclear questions, a personal quote), then the report's figures,
its HTML, and the page in Chromium."""
import re
import uuid
from collections import Counter
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.channels.test_webchat import chromium  # noqa: F401  (the browser fixture)
from content.check import faq_responses, load_responses
from conversations.stats import conversation_stats
from conversations.report import main as report_main
from conversations.store import stored_events

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "build" / "artifacts" / "report.png"
PROMPT = "Did that answer your question?"
YES, NO = '/feedback{"helpful": "yes"}', '/feedback{"helpful": "no"}'
# Questions the assistant cannot be sure of: two alike, one unlike them.
UNCLEAR = ["the blue thing with the forms from before", "that blue thing with the forms from earlier",
           "purple elephants dancing"]
RUN = uuid.uuid4().hex[:8]


def answer_of(topic: str) -> str:
    return faq_responses()[topic]["text"]


def topics_answered(replies) -> Counter:
    """The FAQ answers among the replies the visitors saw, by topic."""
    topic_of = {response["text"]: topic for topic, response in faq_responses().items()}
    return Counter(topic_of[reply["text"]] for turn in replies for reply in turn if reply.get("text") in topic_of)


class Visitors:
    """Plays conversations, each under a fresh sender id, counting what was sent."""

    def __init__(self, assistant):
        self.assistant, self.senders, self.messages = assistant, [], 0
        self.replies = []

    def say(self, sender: str, message: str) -> str:
        sender = f"report-{RUN}-{sender}"
        if sender not in self.senders:
            self.senders.append(sender)
        self.messages += 1
        replies = self.assistant.say(sender, message)
        self.replies.append(replies)
        return "\n".join(reply.get("text", "") for reply in replies)


@pytest.fixture(scope="module")
def played(assistant, conversation_store):
    before = conversation_stats(stored_events(conversation_store.engine))
    visitors = Visitors(assistant)
    reply = visitors.say("helped", "who can join the ACR?")
    assert answer_of("who_can_join") in reply and PROMPT in reply
    assert "Glad it helped" in visitors.say("helped", YES)

    assert answer_of("retired_dues") in visitors.say("typed-no", "how much do retired members pay?")
    assert "Sorry it didn't help" in visitors.say("typed-no", "that didn't help")

    reply = visitors.say("quote", "I'm a resident in Canada, what do I pay?")
    assert "You'd be: Member-in-training (MIT)." in reply and PROMPT in reply
    assert "Glad it helped" in visitors.say("quote", YES)

    # The feedback question ignored: the next question is answered as usual.
    assert PROMPT in visitors.say("moved-on", "who can join the ACR?")
    reply = visitors.say("moved-on", "how much do retired members pay?")
    assert answer_of("retired_dues") in reply and "Glad" not in reply and "Sorry" not in reply

    for number, question in enumerate(UNCLEAR):
        visitors.say(f"unclear-{number}", question)
    after = conversation_stats(stored_events(conversation_store.engine))
    return before, after, visitors


def difference(after: Counter, before: Counter) -> dict:
    return {key: after[key] - before[key] for key in after if after[key] != before[key]}


def test_the_figures_count_what_the_visitors_did(played):
    before, after, visitors = played
    assert after.messages - before.messages == visitors.messages
    assert after.conversations - before.conversations == len(visitors.senders)
    answered = topics_answered(visitors.replies)
    assert answered["who_can_join"] == answered["retired_dues"] == 2
    assert difference(after.topics, before.topics) == dict(answered)
    assert difference(after.categories, before.categories) == {"member_in_training": 1}
    feedback = {topic: difference(after.feedback[topic], before.feedback.get(topic, Counter()))
                for topic in after.feedback}
    assert {topic: counts for topic, counts in feedback.items() if counts} == {
        "who_can_join": {"helped": 1}, "retired_dues": {"not_helped": 1}, "personal_quote": {"helped": 1}}
    suggested = sum(any(str(button.get("payload", "")).startswith("/choose_topic") for reply in replies
                        for button in reply.get("buttons") or []) for replies in visitors.replies)
    assert after.suggestions - before.suggestions == suggested
    dont_know = {variation["text"] for variation in load_responses()["utter_dont_know"]}
    missed = sum(any(reply.get("text") in dont_know for reply in replies) for replies in visitors.replies)
    assert after.fallbacks - before.fallbacks == suggested + missed > 0


def test_unclear_questions_are_grouped_by_similarity(played):
    _, after, _ = played
    group_of = {question: index for index, group in enumerate(after.unsure) for question in group.questions}
    assert set(UNCLEAR) <= set(group_of), "the assistant was sure of a question meant to be unclear"
    assert group_of[UNCLEAR[0]] == group_of[UNCLEAR[1]] != group_of[UNCLEAR[2]]


@pytest.fixture(scope="module")
def report(played, assistant, tmp_path_factory):
    return write_report_of(assistant, tmp_path_factory.mktemp("report"))


def write_report_of(assistant, folder: Path) -> Path:
    """`make report` on the running assistant's store; the page written in ``folder``."""
    endpoints = folder / "endpoints.yml"
    endpoints.write_text(f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {assistant.workdir / 'conversations.db'}\n")
    assert report_main(["--endpoints", str(endpoints), "--out", str(folder / "index.html")]) == 0
    return folder / "index.html"


class Markup(HTMLParser):
    """The tags and attributes of a page, and its inline CSS."""

    def __init__(self):
        super().__init__()
        self.tags, self.attributes, self.style, self.in_style = [], set(), "", False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes |= {name for name, _ in attrs}
        self.in_style = tag == "style"

    def handle_data(self, data):
        self.style += data if self.in_style else ""

    def handle_endtag(self, tag):
        self.in_style = False


def feedback_row(html: str, title: str) -> tuple:
    row = re.search(rf"<tr><td>{re.escape(title)}</td><td>(\d+)</td><td>(\d+)</td></tr>", unescape(html))
    assert row, f"no feedback row for {title!r}"
    return int(row.group(1)), int(row.group(2))


def test_the_report_shows_feedback_per_topic_and_the_questions_to_add(played, report):
    _, after, _ = played
    html = report.read_text(encoding="utf-8")
    for topic in ("who_can_join", "retired_dues"):
        title = faq_responses()[topic]["metadata"]["title"]
        counts = after.feedback[topic]
        assert feedback_row(html, title) == (counts["helped"], counts["not_helped"])
    assert "Member-in-training (MIT)" in html
    questions_to_add = html.split("<h2>Questions to add")[-1]
    group = next(block for block in questions_to_add.split('<div class="group">') if UNCLEAR[0] in block)
    assert UNCLEAR[1] in group and UNCLEAR[2] not in group


def test_the_report_names_no_conversation_and_fetches_nothing(played, report, events_stored):
    html = report.read_text(encoding="utf-8")
    senders = {sender for sender, _ in events_stored()}
    assert set(played[2].senders) <= senders
    assert [sender for sender in senders if sender in html] == []
    page = Markup()
    page.feed(html)
    # Visitors' own tags (the widget test types some) are shown as text, never as markup.
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(page.tags)
    assert not {"src", "href"} & page.attributes
    assert "url(" not in page.style and "@import" not in page.style


def test_the_report_page_renders_its_charts(report, chromium):  # noqa: F811
    page = chromium.new_page(viewport={"width": 1100, "height": 900})
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(report.as_uri())
    charts = page.locator("svg.chart")
    assert charts.count() >= 3
    for index in range(charts.count()):
        box = charts.nth(index).bounding_box()
        assert box and box["width"] > 0 and box["height"] > 0
    assert page.locator("svg.chart rect").count() > 0
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    page.close()
    assert [url for url in requests if not url.startswith("file:")] == []


def test_staff_are_told_when_a_dues_schedule_is_due(played, assistant, tmp_path, monkeypatch):
    monkeypatch.setenv("ASSISTANT_TODAY", "2031-11-02")
    to_do = unescape(write_report_of(assistant, tmp_path).read_text(encoding="utf-8")).split("<h2>To do</h2>")[-1]
    assert "no dues schedule for 2031 yet" in to_do and "no dues schedule for 2032 yet" in to_do
