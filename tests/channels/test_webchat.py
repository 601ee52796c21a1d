"""The chat page, for real: webchat/ served as `make run` serves it, the widget in
Chromium, talking to the running assistant over socket.io."""
import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from tests.stored import feedback_given, last_answered_topic
from ops.servers import wait_until

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOT = ROOT / "build" / "artifacts" / "webchat.png"
PHONE = {"width": 390, "height": 844}
ANSWER_TIMEOUT_MS = 30_000
XSS_ATTEMPTS = ['<img src=x onerror="window.__xss=1">', "<script>window.__xss=1</script>"]


class QuietFiles(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def page_url(assistant):
    """The chat page, pointed at the test's Rasa server."""
    files = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietFiles, directory=str(ROOT / "webchat")))
    threading.Thread(target=files.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{files.server_port}/index.html?server={assistant.rasa_url}"
    files.shutdown()
    files.server_close()


@pytest.fixture(scope="module")
def chromium():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class ChatPage:
    """A visitor on the chat page, in a browser of their own (fresh storage)."""

    def __init__(self, page: Page, url: str):
        self.page, self.url = page, url
        self.third_party_requests = []
        page.route(lambda address: urlsplit(address).hostname not in ("127.0.0.1", "localhost"), self._refuse)

    def _refuse(self, route) -> None:
        self.third_party_requests.append(route.request.url)
        route.abort()

    def open(self) -> None:
        self.page.goto(self.url)
        self.page.get_by_role("button", name="Open the chat").click()
        # the greeting: the widget is connected
        expect(self.page.locator(".rw-from-response").first).to_be_visible(timeout=ANSWER_TIMEOUT_MS)

    def ask(self, question: str) -> None:
        self.page.get_by_role("textbox", name="Your question").fill(question)
        self.page.get_by_role("button", name="Send").click()

    def answers(self, containing: str):
        return self.page.locator(".rw-from-response .rw-message-text").filter(has_text=containing)

    def expect_answer(self, containing: str, count: int = 1) -> None:
        expect(self.answers(containing)).to_have_count(count, timeout=ANSWER_TIMEOUT_MS)

    def questions(self):
        return self.page.locator(".rw-from-client .rw-message-text")


@pytest.fixture
def visitor(chromium, page_url):
    context = chromium.new_context()
    yield ChatPage(context.new_page(), page_url)
    context.close()


@pytest.fixture
def phone_visitor(chromium, page_url):
    context = chromium.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield ChatPage(context.new_page(), page_url)
    context.close()


def test_answers_a_question_with_nothing_from_a_third_party(visitor):
    visitor.open()
    visitor.ask("is membership free for residents?")
    visitor.expect_answer("free")
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    visitor.page.screenshot(path=str(SCREENSHOT))
    assert visitor.third_party_requests == []


def test_answer_buttons_work_by_click_and_keyboard(visitor):
    visitor.open()
    visitor.ask("which category am I")
    visitor.expect_answer("What is your profession?")
    visitor.page.get_by_role("button", name="Physician").click()
    visitor.expect_answer("Where are you in your career?")
    visitor.page.get_by_role("button", name="Resident").press("Enter")
    visitor.expect_answer("Which country do you live, train or practise in?")


def test_a_feedback_click_is_kept_with_the_topic_answered(visitor, events_stored):
    kept_before = len(feedback_given(events_stored()))
    visitor.open()
    visitor.ask("is membership free for residents?")
    visitor.expect_answer("Did that answer your question?")
    visitor.page.get_by_role("button", name="Yes, thanks").click()
    visitor.expect_answer("Glad it helped")
    wait_until(lambda: len(feedback_given(events_stored())) > kept_before, 10, "the feedback in the store")
    stored = events_stored()
    [(conversation, kept)] = feedback_given(stored)[kept_before:]
    assert kept == {"topic": last_answered_topic(stored, conversation), "helpful": True}


def test_a_reload_keeps_the_conversation(visitor):
    visitor.open()
    visitor.ask("I'm a resident in Canada, what do I pay?")
    visitor.expect_answer("Member-in-training")
    visitor.page.reload()
    expect(visitor.questions().filter(has_text="I'm a resident in Canada")).to_have_count(1)
    visitor.expect_answer("Member-in-training")
    # The server kept the conversation too: it still knows who is asking.
    visitor.ask("what do I pay?")
    visitor.expect_answer("Member-in-training", count=2)


def test_visitor_html_is_shown_as_text_not_run(visitor):
    visitor.open()
    for attempt in XSS_ATTEMPTS:
        visitor.ask(attempt)
        expect(visitor.questions().filter(has_text=attempt)).to_have_count(1)
    # Replies come in order: once this one is shown, the attempts have long been rendered.
    visitor.ask("which category am I")
    visitor.expect_answer("What is your profession?")
    assert visitor.page.evaluate("typeof window.__xss") == "undefined"
    assert visitor.page.locator("#rw-messages img[src=x], #rw-messages script").count() == 0


def test_usable_on_a_phone(phone_visitor):
    phone_visitor.page.goto(phone_visitor.url)
    launcher = phone_visitor.page.get_by_role("button", name="Open the chat")
    expect(launcher).to_be_in_viewport()
    launcher.tap()
    expect(phone_visitor.page.get_by_role("textbox", name="Your question")).to_be_in_viewport()
    expect(phone_visitor.page.get_by_role("button", name="Close the chat")).to_be_in_viewport()
