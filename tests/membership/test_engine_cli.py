"""python -m membership quote / explain, run as a separate process."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tests.membership.engine_profiles import AS_OF, RESIDENT, US_RADIOLOGIST

from membership import quote

PROJECT = Path(__file__).resolve().parents[2]


def run(*args, stdin):
    data = stdin if isinstance(stdin, bytes) else stdin.encode("utf-8")
    return subprocess.run(
        [sys.executable, "-m", "membership", *args], input=data, capture_output=True, cwd=PROJECT, timeout=60
    )


def test_quote_prints_the_same_json_as_the_library():
    profile = {**US_RADIOLOGIST, "as_of": AS_OF, "service": "active_duty_military"}
    done = run("quote", stdin=json.dumps(profile))
    assert (done.returncode, done.stderr) == (0, b"")
    printed = json.loads(done.stdout)
    assert printed == quote(profile)
    assert (printed["national_dues_usd"], printed["chapter_dues"]) == (482.5, "waivable_active_duty")


@pytest.mark.parametrize("args", [("explain",), ("quote", "--explain")])
def test_explain_prints_sentences(args):
    done = run(*args, stdin=json.dumps({**US_RADIOLOGIST, "as_of": AS_OF}))
    assert done.returncode == 0
    text = done.stdout.decode("utf-8")
    assert text.startswith("As of 2025-06-15 you qualify as a general member.\nNational dues for 2025: $965.\n")
    assert (
        "Can hold elective office: the membership page does not say. Can serve on the Board of Chancellors: the "
        "membership page does not say." in text
    )
    assert "\nSources:\n- Become an ACR Member (2025), https://www.acr.org/Membership/Join" in text


def test_explain_states_only_what_the_page_says_for_a_retiree():
    retiree = {"stage": "retired", "retired_on": "2024-05-01", "as_of": AS_OF}
    text = run("explain", stdin=json.dumps(retiree)).stdout.decode("utf-8")
    assert "Can hold elective office: yes. Can serve on the Board of Chancellors: no." in text


def test_explain_says_when_the_page_does_not_settle_it():
    late = {"stage": "retired", "retired_on": "2025-05-01", "retirement_notified_on": "2025-05-02",
            "dues_paid_for_year": True, "profession": "physician", "country": "US", "certifications": ["ABR"],
            "as_of": AS_OF}
    text = run("explain", stdin=json.dumps(late)).stdout.decode("utf-8")
    assert "\nRefund: the membership page does not say for your case.\n" in text
    abroad = {**RESIDENT, "specialty": "other", "country": "DE", "as_of": AS_OF}
    text = run("explain", stdin=json.dumps(abroad)).stdout.decode("utf-8")
    assert text.startswith("The membership page does not settle whether you can join.\n")


def test_explain_asks_for_missing_facts():
    text = run("explain", stdin=json.dumps({"as_of": AS_OF})).stdout.decode("utf-8")
    assert text.startswith(
        "I cannot place you in a membership category yet. To complete the answer, tell me your profession, career "
        "stage and country.\n"
    )


BAD_INPUT = [
    ("not JSON", "this is not json", "not valid JSON"),
    ("empty input", "", "not valid JSON"),
    ("not UTF-8", b"\xff\xfe{", "not valid JSON"),
    ("JSON array", "[1, 2]", "must be a JSON object"),
    ("JSON string", '"physician"', "must be a JSON object"),
    ("unknown key", '{"salary": 1}', "salary: unknown field"),
    ("unknown enum value", '{"profession": "dentist"}', "profession: value is not a valid enumeration member"),
    ("impossible date", '{"retired_on": "2025-04-31"}', "retired_on: is not a real date"),
    ("wrong type", '{"medical_school_years": "four"}', "medical_school_years: must be a whole number"),
    ("wrong type for a flag", '{"dues_paid_for_year": "no"}', "dues_paid_for_year: value is not a valid boolean"),
    ("bad country", '{"country": "Germany"}', "country: must be an ISO 3166-1 alpha-2"),
]


@pytest.mark.parametrize("case, stdin, message", BAD_INPUT, ids=[c[0] for c in BAD_INPUT])
def test_bad_input_exits_2_with_one_line(case, stdin, message):
    done = run("quote", stdin=stdin)
    errors = done.stderr.decode("utf-8")
    assert done.returncode == 2
    assert done.stdout == b""
    assert errors.count("\n") == 1 and errors.endswith("\n")
    assert errors.startswith("membership: ") and message in errors
    assert "Traceback" not in errors


@pytest.mark.parametrize("args", [(), ("price",), ("quote", "--verbose")])
def test_bad_command_line_exits_2_with_one_line(args):
    done = run(*args, stdin="{}")
    errors = done.stderr.decode("utf-8")
    assert done.returncode == 2
    assert errors.count("\n") == 1 and "usage: python -m membership quote" in errors
