"""`make review` for real: conversations played over REST fill the test session's store,
the review page runs on a copy of the project and staff decide in Chromium; then the
copy's data passes the content check and `rasa data validate`, and a second review shows
none of the rows decided."""
import re
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from content.check import heldout_messages
from ops.servers import project_copy, running_review
from review.examples import read_intents
from tests.channels.test_webchat import chromium  # noqa: F401  (the browser fixture)

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "build" / "artifacts" / "review.png"
PROMPT, NOT_HELPED = "Did that answer your question?", '/feedback{"helpful": "no"}'
INVOICE = ["can i pay my acr dues by invoice", "hi, can i pay my acr dues by invoice",
           "Can I pay my ACR dues by invoice??", "can i pay my acr dues by invioce please"]
REASSIGNED = "is there a dues discount for a whole radiology group practice"
IGNORED = "what is the weather like in reston today"
NEW_ANSWER = "do you have a mobile app for acr members"
PERSONAL = "my name is Jane Roe, email jane.roe@example.org, phone 555-201-7788, can my membership card show my maiden name"
WITHOUT_DETAILS = "can my membership card show my maiden name"
HELDOUT = heldout_messages()[3]["text"]
SUGGESTION = re.compile(r"^Add to .* \(\d+%\)$")  # one of the model's best intents
ADDED = re.compile(r"^Added \u201c(.*)\u201d to (\S+) in (\S+)\.$")


@pytest.fixture(scope="module")
def played(assistant):
    """Each message from a visitor of its own, who says "Not really" to any answer."""
    for number, text in enumerate(INVOICE + [REASSIGNED, IGNORED, NEW_ANSWER, PERSONAL, HELDOUT]):
        if PROMPT in assistant.text(f"review-{number}", text):
            assistant.say(f"review-{number}", NOT_HELPED)
    return assistant.workdir / "endpoints.yml"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return project_copy(tmp_path_factory.mktemp("review") / "project")


@pytest.fixture(scope="module")
def reviewed(played, project, chromium):  # noqa: F811
    """One review: a decision of each kind, and a held-out message refused. The page's
    notices, the After review page and the page's text before any decision."""
    with running_review(played, project, project / "build" / "review") as url:
        page = chromium.new_page(viewport={"width": 1100, "height": 900})
        page.goto(url)
        start = page.content()
        notices = {"accepted": decide(page, INVOICE[0], SUGGESTION),
                   "reassigned": reassign(page, REASSIGNED, "faq/service_discount"),
                   "no intent chosen": decide(page, IGNORED, "Add to the chosen intent"),
                   "ignored": decide(page, IGNORED, "Ignore"),
                   "new answer": decide(page, NEW_ANSWER, "Needs a new answer"),
                   "personal": reassign(page, PERSONAL, "not_on_page"),
                   "held-out": decide(page, HELDOUT, SUGGESTION)}
        page.screenshot(path=str(SCREENSHOT), full_page=True)
        page.get_by_role("link", name="After review").click()
        after = page.locator("body").inner_text()
        page.close()
    return start, notices, after


def row(page, text):
    """The row a message is in, whichever of its wordings shows first."""
    return page.locator("section.row").filter(has=page.get_by_text(text, exact=True))


def decide(page, text, button) -> str:
    row(page, text).get_by_role("button", name=button).first.click()
    return page.get_by_role("status").inner_text()


def reassign(page, text, intent) -> str:
    row(page, text).get_by_label("another intent").select_option(intent)
    return decide(page, text, "Add to the chosen intent")


def examples(project: Path, intent: str):
    return read_intents(project / "data" / "nlu")[intent].examples


def test_near_duplicates_are_one_row_with_the_models_suggestions(reviewed):
    start, _, _ = reviewed
    invoice = [section for section in start.split("<section")[1:] if INVOICE[0] in section]
    assert len(invoice) == 1 and all(wording in invoice[0] for wording in INVOICE)
    assert "Asked 4 time(s)" in invoice[0]
    messages, rows, fewer = map(int, re.search(r"(\d+) message\(s\) in the inbox, folded into (\d+) row\(s\): "
                                               r"(\d+) fewer", start).groups())
    assert messages - rows == fewer >= len(INVOICE) - 1 and rows == start.count('<section class="row"')
    assert len(re.findall(r'<button name="intent" value="[^"]+">Add to .*?\(\d+%\)</button>', invoice[0])) == 3


def test_accepting_and_reassigning_write_examples(project, reviewed):
    _, notices, _ = reviewed
    text, intent, path = ADDED.match(notices["accepted"]).groups()
    assert text == INVOICE[0] and text in examples(project, intent)
    assert read_intents(project / "data" / "nlu")[intent].path == project / path
    assert ADDED.match(notices["reassigned"]).groups() == (REASSIGNED, "faq/service_discount", "data/nlu/faq_money.yml")
    assert examples(project, "faq/service_discount")[-1] == REASSIGNED


def test_a_message_is_written_without_its_email_phone_or_name(project, reviewed):
    _, notices, _ = reviewed
    assert ADDED.match(notices["personal"]).groups()[:2] == (WITHOUT_DETAILS, "not_on_page")
    assert examples(project, "not_on_page")[-1] == WITHOUT_DETAILS
    written = "".join(path.read_text() for path in (project / "data" / "nlu").glob("*.yml")).lower()
    assert WITHOUT_DETAILS in written
    assert not any(detail in written for detail in ("jane", "roe", "example.org", "555", "7788"))


def test_ignore_writes_nothing_and_new_answers_are_exported(project, reviewed):
    _, notices, _ = reviewed
    assert notices["no intent chosen"] == "Not added: choose an intent first."
    assert notices["ignored"] == "Ignored."
    data = "".join(path.read_text() for path in (project / "data").rglob("*.yml"))
    assert IGNORED not in data and NEW_ANSWER not in data
    assert f"- {NEW_ANSWER} (asked 1 time)" in (project / "build" / "review" / "new_answers.md").read_text()


def test_a_held_out_message_is_refused(project, reviewed):
    _, notices, _ = reviewed
    assert notices["held-out"].startswith("Not added: this question is in the held-out set")
    assert HELDOUT.lower() not in [example.lower() for intent in read_intents(project / "data" / "nlu").values()
                                   for example in intent.examples]


def test_after_review_the_diff_the_content_check_and_the_command(reviewed):
    _, _, after = reviewed
    diff = after.split("git diff -- data/")[1].split("Content check")[0]
    added = [line[1:].strip() for line in diff.splitlines() if line.startswith("+ ")]
    assert sorted(added) == sorted(f"- {text}" for text in (INVOICE[0], WITHOUT_DETAILS, REASSIGNED))
    assert re.search(r"Content check\s+Passed\.", after) and "0 problem(s)" in after
    assert NEW_ANSWER in after.split("Needs a new answer")[1]
    assert "make train FINETUNE=1" in after


def test_the_reviewed_data_passes_rasa_data_validate(project, reviewed):
    done = subprocess.run([sys.executable, "scripts/validate_data.py"], cwd=project, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Data validation: 0 warning(s)." in done.stdout


def test_a_second_review_shows_no_row_already_decided(played, project, reviewed, chromium):  # noqa: F811
    with running_review(played, project, project / "build" / "review") as url:
        page = chromium.new_page()
        page.goto(url)
        for text in INVOICE + [REASSIGNED, IGNORED, NEW_ANSWER, PERSONAL]:
            expect(page.get_by_text(text, exact=True)).to_have_count(0)
        expect(row(page, HELDOUT)).to_have_count(1)  # refused, so still to decide
        page.close()
