"""Start the action server and the Rasa server on free loopback ports, with their own
conversation store, and stop them again. Used by the end-to-end tests and `make bench`.

    with running_assistant() as assistant:
        assistant.say("alice", "who can join?")
"""
import contextlib
import json
import os
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

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
MODEL = ROOT / "models" / "acr-assistant.tar.gz"
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
    """One server process that can be stopped and started again with the same command."""
    command: List[str]
    log: Path
    env: Dict[str, str]
    process: Optional[subprocess.Popen] = None
    cwd: Path = ROOT

    def start(self) -> None:
        self.process = subprocess.Popen(self.command, cwd=self.cwd, env=self.env,
                                        stdout=self.log.open("ab"), stderr=subprocess.STDOUT)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()


@dataclass
class RunningAssistant:
    rasa_url: str
    actions_url: Optional[str]  # None, like actions, for a Rasa server alone
    workdir: Path
    actions: Optional[Server]
    rasa: Server

    @property
    def servers(self) -> List[Server]:
        return [server for server in (self.actions, self.rasa) if server]

    @property
    def rest_url(self) -> str:
        return f"{self.rasa_url}/webhooks/rest/webhook"

    def say(self, sender: str, message: str, timeout: float = 30.0) -> List[Dict]:
        """The bot's replies to one message over the REST channel."""
        status, replies = post_json(self.rest_url, {"sender": sender, "message": message}, timeout)
        assert status == 200, status
        return replies

    def text(self, sender: str, message: str) -> str:
        return "\n".join(reply.get("text", "") for reply in self.say(sender, message))

    def start(self, timeout: float = 120.0) -> None:
        """Start whichever server is not running and wait until they answer."""
        for server in self.servers:
            if not server.process or server.process.poll() is not None:
                server.start()
        if self.actions:
            wait_until(lambda: urllib.request.urlopen(f"{self.actions_url}/health").status == 200,
                       timeout, "the action server")
        wait_until(lambda: post_json(self.rest_url, {"sender": "warm-up", "message": "hello"})[0] == 200,
                   timeout, "the Rasa server")

    def stop(self) -> None:
        for server in reversed(self.servers):
            server.stop()


def write_config(workdir: Path, actions_port: int, extra_channels: Optional[Dict]) -> Dict[str, Path]:
    endpoints = yaml.safe_load((ROOT / "endpoints.yml").read_text())
    endpoints["action_endpoint"]["url"] = f"http://127.0.0.1:{actions_port}/webhook"
    endpoints["tracker_store"]["db"] = str(workdir / "conversations.db")
    credentials = yaml.safe_load((ROOT / "credentials.yml").read_text())
    credentials.update(extra_channels or {})
    paths = {"endpoints": workdir / "endpoints.yml", "credentials": workdir / "credentials.yml"}
    paths["endpoints"].write_text(yaml.safe_dump(endpoints))
    paths["credentials"].write_text(yaml.safe_dump(credentials))
    return paths


def actions_command(port: int) -> List[str]:
    return [str(VENV_BIN / "rasa"), "run", "actions", "--actions", "actions", "--port", str(port)]


@contextlib.contextmanager
def running_assistant(model: Path = MODEL, extra_channels: Optional[Dict] = None,
                      env: Optional[Dict[str, str]] = None, cors_origins: Sequence[str] = (),
                      startup_timeout: float = 120.0) -> Iterator[RunningAssistant]:
    """Both servers, ready to answer; stopped on exit. cors_origins: the web pages that
    may talk to it from another origin."""
    workdir = Path(tempfile.mkdtemp(prefix="acr-assistant-"))
    rasa_port, actions_port = free_port(), free_port()
    paths = write_config(workdir, actions_port, extra_channels)
    process_env = {**os.environ, **QUIET, **(env or {})}
    rasa_command = [str(VENV_BIN / "rasa"), "run", "--model", str(model), "--port", str(rasa_port),
                    "--interface", "127.0.0.1", "--endpoints", str(paths["endpoints"]),
                    "--credentials", str(paths["credentials"]), "--cors", *cors_origins]
    assistant = RunningAssistant(
        f"http://127.0.0.1:{rasa_port}", f"http://127.0.0.1:{actions_port}", workdir,
        actions=Server(actions_command(actions_port), workdir / "actions.log", process_env),
        rasa=Server(rasa_command, workdir / "rasa.log", process_env))
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
