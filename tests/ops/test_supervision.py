"""`make run` for real, started as a user starts it (with Slack, the stand-in), in a copy
of the project on free ports: `make reload` puts a new model into service, each process
killed with kill -9 comes back while the others keep serving (a message sent while the
Rasa server restarts waits for it), the conversations keep their facts, and Ctrl-C lets the
turns in progress finish."""
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Dict, List

import pytest
import sqlalchemy as sa

from channels.policy import NO_ANSWER_REPLY
from conversations.store import stored_events, stored_slots
from ops.health import supervisor
from ops.servers import MODEL, ROOT, RasaChat, free_port, wait_until
from tests.channels.slack_standin import VISITOR, RateLimited, direct_message
from tests.ops.conftest import NEW_ANSWER, OLD_ANSWER, QUESTION

# What `make setup` built, shared with the copy; the model is copied, so that a
# training the copy might start never overwrites it.
BUILT = (".venv", "build/spacy-acr", "webchat/node_modules")
MODEL_FILES = (MODEL, MODEL.with_suffix("").with_suffix(".fingerprint"))
STARTUP_SECONDS = 240
ANSWER_SECONDS = 5
RESTART_SECONDS = 60
HELD_SECONDS = 5  # a turn in progress at Ctrl-C: within Sanic's 15 s of grace, past supervisord's first tick
PROFESSION_QUESTION = "What is your profession?"
CAREER_QUESTION = "Where are you in your career?"
RETIREMENT_QUESTION = "When did you retire?"


def copy_project(target: Path) -> None:
    """The project's files (with their modification times, so that make rebuilds nothing)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in listed:
        source = ROOT / name
        if name and source.is_file() and not source.is_symlink():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    for name in BUILT:
        if (ROOT / name).exists():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).symlink_to((ROOT / name).resolve())
    (target / "models").mkdir()
    for path in MODEL_FILES:
        shutil.copy2(path, target / "models" / path.name)


def answers(url: str) -> bool:
    with urllib.request.urlopen(url, timeout=2) as response:
        return response.status == 200


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@dataclass
class MakeRun:
    directory: Path
    make: subprocess.Popen
    ports: Dict[str, int]

    @property
    def chat(self) -> RasaChat:
        return RasaChat(f"http://127.0.0.1:{self.ports['RASA_PORT']}")

    @property
    def health_url(self) -> str:
        return f"http://127.0.0.1:{self.ports['WEB_PORT']}/health"

    def ready_url(self, process: str) -> str:
        """What answers once the process serves again."""
        return {"actions": f"http://127.0.0.1:{self.ports['ACTIONS_PORT']}/health",
                "models": f"http://127.0.0.1:{self.ports['MODELS_PORT']}/{MODEL.name}",
                "rasa": f"{self.chat.rasa_url}/webhooks/status/",
                "web": f"http://127.0.0.1:{self.ports['WEB_PORT']}/"}[process]

    def make_target(self, target: str) -> subprocess.CompletedProcess:
        """`make <target>` in the copy, beside `make run`."""
        return subprocess.run(["make", "--no-print-directory", target], cwd=self.directory, capture_output=True,
                              text=True, env={**os.environ, **{name: str(port) for name, port in self.ports.items()}})

    def pid(self, process: str) -> int:
        return supervisor(self.directory / "ops" / "supervisord.conf").supervisor.getProcessInfo(process)["pid"]

    def stored(self, sender: str) -> List[Dict]:
        return [event for _, event in stored_events(self.database, sender)]

    @cached_property
    def database(self) -> sa.engine.Engine:
        return sa.create_engine(f"sqlite:///{self.directory / 'var' / 'conversations.db'}")

    def ctrl_c(self) -> None:
        """What a terminal does: SIGINT to make and supervisord."""
        os.killpg(self.make.pid, signal.SIGINT)


@pytest.fixture(scope="module")
def run(slack):
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train` first")
    directory = Path(tempfile.mkdtemp(prefix="acr-make-run-"))
    copy_project(directory)
    ports = {name: free_port() for name in ("RASA_PORT", "ACTIONS_PORT", "MODELS_PORT", "WEB_PORT")}
    env = {name: value for name, value in os.environ.items() if name not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    env.update(slack.environment(), **{name: str(port) for name, port in ports.items()})
    with (directory / "make-run.log").open("wb") as log:
        make = subprocess.Popen(["make", "run"], cwd=directory, env=env, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
    running = MakeRun(directory, make, ports)
    try:
        wait_until(lambda: status_of(running.health_url) == 200, STARTUP_SECONDS, f"make run (see {log.name})")
        yield running
    finally:
        if make.poll() is None:
            running.ctrl_c()
            make.wait(timeout=90)
        shutil.rmtree(directory / "models")  # the model's copy; the log stays


def test_make_run_serves_and_reports_its_health(run):
    assert PROFESSION_QUESTION in run.chat.text("healthy", "which category am I")
    with urllib.request.urlopen(run.health_url) as response:
        report = json.load(response)
    assert report["processes"] == {"actions": "RUNNING", "models": "RUNNING", "rasa": "RUNNING", "web": "RUNNING"}
    assert report["model"]["model_file"] == MODEL.name and report["model"]["model_id"]
    status = run.make_target("status")
    assert status.returncode == 0, status.stdout + status.stderr
    assert [line.split()[:2] for line in status.stdout.splitlines()[:4]] == [
        ["actions", "RUNNING"], ["models", "RUNNING"], ["rasa", "RUNNING"], ["web", "RUNNING"]]
    assert report["model"]["model_id"] in status.stdout


def test_make_reload_puts_a_newly_trained_model_into_service(run, second_model):
    assert OLD_ANSWER in run.chat.text("before-reload", QUESTION)
    shutil.copy(second_model, run.directory / "models" / MODEL.name)  # as `make train` leaves it
    reload = run.make_target("reload")
    print(f"\n{reload.stdout}")
    assert reload.returncode == 0, reload.stdout + reload.stderr
    assert NEW_ANSWER in run.chat.text("after-reload", QUESTION)
    with urllib.request.urlopen(run.health_url) as response:
        assert json.load(response)["model"]["model_id"] in reload.stdout


@pytest.mark.parametrize("process", ["actions", "models", "web", "rasa"])
def test_a_killed_process_comes_back_while_the_others_serve(run, process):
    sender, meanwhile = f"before-{process}-died", f"while-{process}-is-down"
    assert CAREER_QUESTION in run.chat.text(sender, "which category am I") + run.chat.text(sender, "Physician")
    assert PROFESSION_QUESTION in run.chat.text(meanwhile, "which category am I")

    killed_pid = run.pid(process)
    os.kill(killed_pid, signal.SIGKILL)
    killed = time.monotonic()
    if process == "rasa":
        # The Rasa server is what answers over REST. supervisord opens its port again as it
        # starts the new one, within a second, and holds it: a message sent while the new
        # server loads the model waits for it and is answered.
        wait_until(lambda: run.pid(process) not in (0, killed_pid), ANSWER_SECONDS, "a new Rasa server")
        print(f"\nrasa: started again, its port open, {time.monotonic() - killed:.1f} s after kill -9")
        wait_until(lambda: status_of(run.health_url) == 503, ANSWER_SECONDS, "/health answering 503")
        assert CAREER_QUESTION in run.chat.text(meanwhile, "Physician", timeout=RESTART_SECONDS)
        print(f"\nrasa: a message sent after kill -9 answered {time.monotonic() - killed:.1f} s after it")
    else:
        reply = run.chat.text(meanwhile, "Physician", timeout=ANSWER_SECONDS)
        assert time.monotonic() - killed < ANSWER_SECONDS
        assert reply == NO_ANSWER_REPLY if process == "actions" else CAREER_QUESTION in reply
    if process not in ("web", "rasa"):  # the chat page is what answers /health
        wait_until(lambda: status_of(run.health_url) == 503, ANSWER_SECONDS, "/health answering 503")

    wait_until(lambda: answers(run.ready_url(process)), RESTART_SECONDS, f"{process} after kill -9")
    print(f"\n{process}: serving again {time.monotonic() - killed:.1f} s after kill -9")
    wait_until(lambda: status_of(run.health_url) == 200, RESTART_SECONDS, "/health answering 200")

    assert RETIREMENT_QUESTION in run.chat.text(sender, "Retired")
    assert stored_slots(run.database, sender)["profession"] == "physician"
    assert CAREER_QUESTION in run.chat.text(meanwhile, "Physician")
    for conversation, sent in ((sender, 3), (meanwhile, 3)):
        events = run.stored(conversation)
        assert sum(event["event"] == "user" for event in events) == sent
        assert max(Counter(repr(event) for event in events).values()) == 1  # nothing written twice


def test_ctrl_c_lets_the_turns_in_progress_finish(run, slack):
    sender, channel = "in-flight", "DSTOPPING"
    assert PROFESSION_QUESTION in run.chat.text(sender, "which category am I")
    assert slack.deliver(run.chat.rasa_url, direct_message(channel, "which category am I")) == 200
    slack.wait_for_post(channel, PROFESSION_QUESTION)
    pids = {process: run.pid(process) for process in ("actions", "models", "rasa", "web")}
    # The action server, stopped, holds the next turns in the Rasa server until it goes on;
    # Slack's reply then waits out a 429 as well, after the REST turn has ended.
    os.kill(pids["actions"], signal.SIGSTOP)
    slack.trouble(channel, RateLimited(retry_after=2))
    with ThreadPoolExecutor(1) as pool:
        turn = pool.submit(run.chat.text, sender, "Physician", 60)
        assert slack.deliver(run.chat.rasa_url, direct_message(channel, "Physician")) == 200
        time.sleep(2)
        run.ctrl_c()
        stopping = time.monotonic()
        time.sleep(HELD_SECONDS)
        os.kill(pids["actions"], signal.SIGCONT)
        assert CAREER_QUESTION in turn.result()
    run.make.wait(timeout=90)
    print(f"\nmake run stopped {time.monotonic() - stopping:.1f} s after Ctrl-C")
    slack.wait_for_post(channel, CAREER_QUESTION, timeout=0)
    for conversation in (sender, f"{VISITOR}_{channel}"):
        assert [event["text"] for event in run.stored(conversation) if event["event"] == "user"] == [
            "which category am I", "Physician"]
    for process, pid in pids.items():
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
