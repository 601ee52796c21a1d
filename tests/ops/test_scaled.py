"""The scaled layout for real: PostgreSQL, Redis, two Rasa servers and nginx on loopback,
started once for this module; and the settings it is started with."""
import configparser
import os
import signal
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from channels.credentials import SLACK_CHANNEL
from channels.policy import NO_ANSWER_REPLY
from conversations import purge
from conversations.store import stored_events
from ops.health import loaded_model
from ops.scaled import PASSWORD_VARIABLE, running_scaled, scaled_layout
from ops.servers import MODEL, wait_until
from bench.soak import PROFILES, ConversationRecord, Step, TurnRecord, attempt, verdict

COUNTRY_QUESTION = "Which country do you live, train or practise in?"
CAREER_QUESTION = "Where are you in your career?"
RESIDENT_IN_CANADA = "You'd be: Member-in-training (MIT)."
ANSWER_SECONDS = 5
RESTART_SECONDS = 60


@pytest.fixture(scope="module")
def layout():
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train` first")
    with running_scaled(instances=2) as running:
        yield running


def resident_in_canada(chat, sender):
    """The turns of a visitor asking for their category, one by one; the replies."""
    return [chat.text(sender, message) for message in ("which category am I", "Physician", "Resident", "Canada")]


def test_a_conversation_keeps_its_facts_whichever_server_takes_each_turn(layout):
    first, second = layout.instances
    assert "What is your profession?" in first.text("alternating", "which category am I")
    assert CAREER_QUESTION in second.text("alternating", "Physician")
    assert COUNTRY_QUESTION in first.text("alternating", "Resident")
    quote = layout.front.text("alternating", "Canada")
    assert RESIDENT_IN_CANADA in quote and "none, it is free" in quote
    assert RESIDENT_IN_CANADA in second.text("alternating", "what would I pay?")
    slots = layout.postgres.slots("alternating")
    assert (slots["profession"], slots["stage"], slots["country"]) == ("physician", "resident", "CA")


def test_parallel_conversations_never_see_each_others_facts(layout):
    senders = [(f"parallel-{number}", PROFILES[number % len(PROFILES)]) for number in range(20)]

    def converse(sender, profile):
        turns = [TurnRecord(step, [attempt(layout.front, sender, step.message)])
                 for step in (Step(profile.message, True), Step("which category am I", True))]
        return ConversationRecord(sender, profile, turns)

    with ThreadPoolExecutor(len(senders)) as pool:
        records = list(pool.map(lambda pair: converse(*pair), senders))
    assert [verdict(record, layout.postgres.slots(record.sender)) for record in records] == ["ok"] * len(records)


def test_a_database_restart_mid_conversation_loses_no_events(layout):
    """A turn during the restart waits for the database; the conversation stores exactly
    the events of the same conversation held without a restart."""
    resident_in_canada(layout.front, "without-restart")
    assert "What is your profession?" in layout.front.text("restart", "which category am I")
    assert CAREER_QUESTION in layout.front.text("restart", "Physician")
    layout.postgres.server.stop()
    during = []
    sender = threading.Thread(target=lambda: during.append(layout.front.text("restart", "Resident")))
    sender.start()
    time.sleep(2)  # the turn reaches a Rasa server while the database is down
    layout.postgres.server.start()
    sender.join()
    assert COUNTRY_QUESTION in during[0]
    assert RESIDENT_IN_CANADA in layout.front.text("restart", "Canada")
    assert layout.postgres.event_count("restart") == layout.postgres.event_count("without-restart")
    assert layout.postgres.slots("restart") == layout.postgres.slots("without-restart")


def test_a_database_down_too_long_gets_an_apology_and_the_turn_can_be_sent_again(layout):
    resident_in_canada(layout.front, "without-outage")
    layout.front.text("outage", "which category am I")
    layout.front.text("outage", "Physician")
    layout.postgres.server.stop()
    try:
        assert layout.front.text("outage", "Resident") == NO_ANSWER_REPLY
    finally:
        layout.postgres.restart()
    assert COUNTRY_QUESTION in layout.front.text("outage", "Resident")
    assert RESIDENT_IN_CANADA in layout.front.text("outage", "Canada")
    assert layout.postgres.event_count("outage") == layout.postgres.event_count("without-outage")


def test_with_one_rasa_server_killed_nginx_sends_every_turn_to_the_other(layout):
    killed = layout.instances[0]
    assert "What is your profession?" in layout.front.text("survivor", "which category am I")
    killed.rasa.kill()
    try:
        replies = [layout.front.text("survivor", message) for message in ("Physician", "Resident", "Canada")]
    finally:
        killed.start()
    assert CAREER_QUESTION in replies[0] and COUNTRY_QUESTION in replies[1] and RESIDENT_IN_CANADA in replies[2]


def test_a_rasa_server_killed_is_started_again_and_its_conversations_go_on(layout):
    killed = layout.instances[0]
    layout.front.text("crash", "which category am I")
    assert CAREER_QUESTION in layout.front.text("crash", "Physician")
    pid = killed.rasa.pid  # as supervisord reports it: the Rasa server's own process, not a wrapper
    assert Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")[:-1] == killed.rasa.command

    os.kill(pid, signal.SIGKILL)
    crashed = time.monotonic()
    wait_until(lambda: killed.rasa.pid != pid, ANSWER_SECONDS, "supervisord to see the Rasa server end")
    reply = layout.front.text("crash", "Resident", timeout=ANSWER_SECONDS)
    assert time.monotonic() - crashed < ANSWER_SECONDS and COUNTRY_QUESTION in reply
    wait_until(lambda: (loaded_model(killed.rasa_url) or {}).get("model_file") == MODEL.name, RESTART_SECONDS,
               "the killed Rasa server")
    print(f"\nRasa server serving again {time.monotonic() - crashed:.1f} s after kill -9")

    assert killed.rasa.pid != pid
    assert RESIDENT_IN_CANADA in killed.text("crash", "Canada")
    slots = layout.postgres.slots("crash")
    assert (slots["profession"], slots["stage"], slots["country"]) == ("physician", "resident", "CA")
    events = [event for _, event in stored_events(layout.postgres.rasa_database, "crash")]
    assert sum(event["event"] == "user" for event in events) == 4
    assert max(Counter(repr(event) for event in events).values()) == 1  # nothing written twice


def test_purge_empties_the_postgresql_store_named_in_the_endpoints_file(layout, monkeypatch, capsys):
    monkeypatch.setenv(PASSWORD_VARIABLE, layout.postgres.password)
    assert layout.postgres.event_count("alternating") > 0
    purge.main(["--days", "0", "--endpoints", str(layout.directory / "endpoints.yml")])
    assert "Removed" in capsys.readouterr().out
    assert layout.postgres.event_count("alternating") == 0


def test_the_servers_take_make_runs_channels_and_origins_and_nginx_listens_where_asked(monkeypatch):
    monkeypatch.setenv("SLACK_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "test-secret")
    origins = ["https://chat.example.org", "https://www.example.org"]
    # Not pytest's tmp_path: the postgres user could not reach its cluster there.
    with tempfile.TemporaryDirectory(prefix="acr-scaled-") as directory:
        workdir = Path(directory)
        configured = scaled_layout(workdir, 2, 8000, MODEL, cors_origins=origins, listen="0.0.0.0")
        assert SLACK_CHANNEL in yaml.safe_load((workdir / "credentials.yml").read_text())
        for instance in configured.instances:
            command = instance.rasa.command
            assert command[command.index("--cors") + 1:] == origins
        assert "listen 0.0.0.0:8000;" in (workdir / "nginx" / "site.conf").read_text()
        assert configured.actions.env["SANIC_HOST"] == "127.0.0.1"  # the rest stays on loopback
        supervised = configparser.ConfigParser(interpolation=None)
        supervised.read(workdir / "supervisord.conf")
        assert [section for section in supervised if supervised[section].get("autorestart") == "true"] == [
            "program:actions", "program:rasa-1", "program:rasa-2", "program:nginx"]
        assert configured.front.rasa_url == "http://127.0.0.1:8000"
