"""Start the action server and the Rasa server on free loopback ports, with their own
conversation store, and stop them again. Used by the end-to-end tests and `make bench`.

    with running_assistant() as assistant:
        assistant.say("alice", "who can join?")

Also a copy of the project to change freely, and the review page (`make review`) on it.
"""
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Sequence

import yaml

from ops.model_server import endpoint, publish

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
MODEL = ROOT / "models" / "acr-assistant.tar.gz"
# The project's Rasa: Rasa's command line with the speed-ups (speedups/), run from ROOT.
RASA_WITH_SPEEDUPS = [sys.executable, "-m", "speedups"]
QUIET = {"TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONWARNINGS": "ignore", "RASA_TELEMETRY_ENABLED": "false",
         "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def post_json(url: str, body, timeout: float = 30.0):
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status, json.loads(response.read() or b"null")


def wait_until(check, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError, urllib.error.URLError, ValueError):
            if check():
                return
        time.sleep(0.2)
    raise TimeoutError(f"{what} did not come up within {timeout:.0f} s")


@dataclass
class Server:
    """One server process that can be stopped and started again with the same command.
    stop_signal: the one that makes it shut down promptly, within stop_seconds (else it is
    killed); user: whom it runs as."""
    command: List[str]
    log: Path
    env: Dict[str, str]
    process: Optional[subprocess.Popen] = None
    cwd: Path = ROOT
    stop_signal: int = signal.SIGTERM
    user: Optional[str] = None
    stop_seconds: float = 15.0

    @property
    def running(self) -> bool:
        return bool(self.process) and self.process.poll() is None

    def start(self) -> None:
        self.process = subprocess.Popen(self.command, cwd=self.cwd, env=self.env, user=self.user,
                                        stdout=self.log.open("ab"), stderr=subprocess.STDOUT)

    def stop(self) -> None:
        if self.running:
            self.process.send_signal(self.stop_signal)
            try:
                self.process.wait(timeout=self.stop_seconds)
            except subprocess.TimeoutExpired:
                self.kill()

    def kill(self) -> None:
        """Ends it at once, as a crash would."""
        if self.running:
            self.process.kill()
            self.process.wait()


@dataclass
class RasaChat:
    """Talks to Rasa's REST channel at rasa_url: one Rasa server, or a proxy in front of several."""
    rasa_url: str

    @property
    def rest_url(self) -> str:
        return f"{self.rasa_url}/webhooks/rest/webhook"

    def say(self, sender: str, message: str, timeout: float = 30.0) -> List[Dict]:
        """The bot's replies to one message over the REST channel."""
        status, replies = post_json(self.rest_url, {"sender": sender, "message": message}, timeout)
        assert status == 200, status
        return replies

    def text(self, sender: str, message: str, timeout: float = 30.0) -> str:
        return "\n".join(reply.get("text", "") for reply in self.say(sender, message, timeout))


@dataclass
class RunningAssistant(RasaChat):
    actions_url: Optional[str]  # None, like actions, for a Rasa server alone
    workdir: Path
    actions: Optional[Server]
    rasa: Server
    models: Optional[Server] = None  # the model server the Rasa server pulls its model from, if any

    @property
    def servers(self) -> List[Server]:
        return [server for server in (self.actions, self.models, self.rasa) if server]

    def start(self, timeout: float = 120.0) -> None:
        """Start whichever server is not running and wait until they answer."""
        for server in self.servers:
            if not server.running:
                server.start()
        if self.actions:
            wait_for_actions(self.actions_url, timeout)
        wait_until(lambda: post_json(self.rest_url, {"sender": "warm-up", "message": "hello"})[0] == 200,
                   timeout, "the Rasa server")

    def stop(self) -> None:
        for server in reversed(self.servers):
            server.stop()


def write_config(workdir: Path, actions_port: int, extra_channels: Optional[Dict],
                 sections: Optional[Dict] = None) -> Dict[str, Path]:
    """endpoints.yml and credentials.yml for servers on loopback. sections: more of
    endpoints.yml (the tracker and lock stores instead of a SQLite file in workdir, a model server)."""
    endpoints = yaml.safe_load((ROOT / "endpoints.yml").read_text())
    endpoints["action_endpoint"]["url"] = f"http://127.0.0.1:{actions_port}/webhook"
    endpoints["tracker_store"]["db"] = str(workdir / "conversations.db")
    endpoints.update(sections or {})
    credentials = yaml.safe_load((ROOT / "credentials.yml").read_text())
    credentials.update(extra_channels or {})
    paths = {"endpoints": workdir / "endpoints.yml", "credentials": workdir / "credentials.yml"}
    paths["endpoints"].write_text(yaml.safe_dump(endpoints))
    paths["credentials"].write_text(yaml.safe_dump(credentials))
    return paths


# On loopback only, as under supervisord: only the Rasa server calls the action server.
ACTIONS_ON_LOOPBACK = {"SANIC_HOST": "127.0.0.1"}


def actions_command(port: int) -> List[str]:
    """Run with ACTIONS_ON_LOOPBACK in its environment."""
    return [str(VENV_BIN / "rasa"), "run", "actions", "--actions", "actions", "--port", str(port)]


def wait_for_actions(url: str, timeout: float) -> None:
    """Until the action server at url answers its /health."""
    wait_until(lambda: urllib.request.urlopen(f"{url}/health").status == 200, timeout, "the action server")


def actions_server(port: int, log: Path, env: Dict[str, str]) -> Server:
    return Server(actions_command(port), log, {**env, **ACTIONS_ON_LOOPBACK})


def rasa_command(model: Path, port: int, config: Dict[str, Path], cors_origins: Sequence[str] = ()) -> List[str]:
    """config: the paths write_config returned."""
    return [*RASA_WITH_SPEEDUPS, "run", "--model", str(model), "--port", str(port),
            "--interface", "127.0.0.1", "--endpoints", str(config["endpoints"]),
            "--credentials", str(config["credentials"]), "--cors", *cors_origins]


@contextlib.contextmanager
def running_assistant(model: Path = MODEL, extra_channels: Optional[Dict] = None,
                      env: Optional[Dict[str, str]] = None, cors_origins: Sequence[str] = (),
                      startup_timeout: float = 120.0, stores: Optional[Dict] = None,
                      model_server: bool = False) -> Iterator[RunningAssistant]:
    """Both servers, ready to answer; stopped on exit. cors_origins: the web pages that
    may talk to it from another origin; stores: the tracker and lock store sections of
    endpoints.yml; model_server: the Rasa server pulls the model, as in `make run`, from a
    model server serving workdir/models/<the model's name> (ops/model_server.py)."""
    workdir = Path(tempfile.mkdtemp(prefix="acr-assistant-"))
    rasa_port, actions_port = free_port(), free_port()
    sections = dict(stores or {})
    process_env = {**os.environ, **QUIET, **(env or {})}
    models = None
    if model_server:
        served, models_port = workdir / "models" / model.name, free_port()
        publish(model, served)
        model = served  # what the Rasa server pulls (it does not read --model)
        sections["models"] = endpoint(models_port, served.name)
        models = Server([sys.executable, "-m", "ops.model_server", "serve", "--port", str(models_port),
                         "--directory", str(served.parent)], workdir / "models.log", process_env)
    paths = write_config(workdir, actions_port, extra_channels, sections)
    assistant = RunningAssistant(
        f"http://127.0.0.1:{rasa_port}", f"http://127.0.0.1:{actions_port}", workdir,
        actions=actions_server(actions_port, workdir / "actions.log", process_env),
        rasa=Server(rasa_command(model, rasa_port, paths, cors_origins), workdir / "rasa.log", process_env),
        models=models)
    try:
        assistant.start(startup_timeout)
        yield assistant
    finally:
        assistant.stop()


@contextlib.contextmanager
def running_rasa(model: Path, project_dir: Path, startup_timeout: float = 120.0) -> Iterator[RunningAssistant]:
    """A Rasa server alone, run from another project's directory with that project's own
    endpoints and credentials (a stock `rasa init` assistant, say); stopped on exit."""
    port = free_port()
    command = [str(VENV_BIN / "rasa"), "run", "--model", str(model), "--port", str(port),
               "--interface", "127.0.0.1"]
    server = Server(command, project_dir / "rasa.log", {**os.environ, **QUIET}, cwd=project_dir)
    assistant = RunningAssistant(f"http://127.0.0.1:{port}", None, project_dir, actions=None, rasa=server)
    try:
        assistant.start(startup_timeout)
        yield assistant
    finally:
        assistant.stop()


def project_copy(folder: Path) -> Path:
    """The project's tracked files copied into folder and committed in a git repository of
    their own, the virtual environment and the spaCy pipeline linked: a checkout whose
    data a test may change."""
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, tracked.decode().split("\0")):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, folder / name)
    (folder / ".venv").symlink_to((ROOT / ".venv").resolve())
    (folder / "build").mkdir()
    (folder / "build" / "spacy-acr").symlink_to((ROOT / "build" / "spacy-acr").resolve())
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "copy"]):
        subprocess.run(["git", "-c", "user.name=copy", "-c", "user.email=copy@localhost", *command],
                       cwd=folder, check=True)
    return folder


@contextlib.contextmanager
def running_review(endpoints: Path, root: Path, out: Path, startup_timeout: float = 120.0) -> Iterator[str]:
    """`make review` of the tracker store in endpoints, for the project at root with its
    decisions in out: the page's address; stopped on exit."""
    port = free_port()
    command = [sys.executable, "-m", "review", "--endpoints", str(endpoints), "--root", str(root),
               "--out", str(out), "--port", str(port)]
    out.mkdir(parents=True, exist_ok=True)
    server = Server(command, out / "review.log", {**os.environ, **QUIET})
    url = f"http://127.0.0.1:{port}"
    server.start()
    try:
        wait_until(lambda: urllib.request.urlopen(url).status == 200, startup_timeout, "the review page")
        yield url
    finally:
        server.stop()
