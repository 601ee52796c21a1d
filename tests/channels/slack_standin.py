"""Slack, played on loopback: it signs the events it sends the assistant with the app's
signing secret and records the Web API calls the assistant answers with. It can also be
out of reach (refusing connections) or trouble the next calls: drop them unanswered or
answer 429 with a Retry-After."""
import contextlib
import hashlib
import hmac
import itertools
import json
import secrets
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict, deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Deque, Dict, Iterator, List, Optional, Union

BOT_TOKEN = "xoxb-test"
BOT_USER = "UBOT"
VISITOR = "UVISITOR"
WEBHOOK_PATH = "/webhooks/slack/webhook"
OK = "ok"
DISCONNECT = "disconnect"  # the connection closed without an answer


@dataclass(frozen=True)
class RateLimited:
    """HTTP 429, to try again after retry_after seconds."""
    retry_after: int


Answer = Union[str, RateLimited]
_sequence = itertools.count(1)


def message_ts() -> str:
    """A Slack message timestamp, unique within the test session."""
    return f"{int(time.time())}.{next(_sequence):06d}"


def event_callback(event: dict) -> dict:
    """The Events API callback Slack sends for an event by the visitor."""
    event = {"user": VISITOR, "ts": message_ts(), **event}
    return {"type": "event_callback", "team_id": "TACR", "event_id": f"Ev{event['ts']}", "event": event,
            "authorizations": [{"user_id": BOT_USER, "is_bot": True}]}


def direct_message(channel: str, text: str) -> dict:
    return event_callback({"type": "message", "channel_type": "im", "channel": channel, "text": text})


class SlackStandIn:
    def __init__(self) -> None:
        self.signing_secret = secrets.token_hex(16)
        self._calls: List[Dict] = []
        self._troubles: Dict[str, Deque[Answer]] = defaultdict(deque)
        self._new_call = threading.Condition()
        self._server = self._listening(port=0)

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}/api/"

    def environment(self) -> Dict[str, str]:
        """What the assistant needs to talk to this Slack."""
        return {"SLACK_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": self.signing_secret, "SLACK_API_URL": self.api_url}

    def signature(self, timestamp: int, body: bytes) -> str:
        digest = hmac.new(self.signing_secret.encode(), f"v0:{timestamp}:".encode() + body, hashlib.sha256)
        return f"v0={digest.hexdigest()}"

    def deliver(self, rasa_url: str, body: Union[Dict, bytes], content_type: str = "application/json", age: int = 0,
                signature: Optional[str] = None, headers: Optional[Dict[str, str]] = None) -> int:
        """Delivers a request to the assistant's Slack webhook as Slack does; its HTTP status."""
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        timestamp = int(time.time()) - age
        request = urllib.request.Request(rasa_url + WEBHOOK_PATH, data=data, headers={
            "Content-Type": content_type, "X-Slack-Request-Timestamp": str(timestamp),
            "X-Slack-Signature": signature or self.signature(timestamp, data), **(headers or {})})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as refused:
            return refused.code

    def trouble(self, channel: str, *answers: Answer) -> None:
        """The next calls about the channel get these answers, one each (DISCONNECT or RateLimited)."""
        with self._new_call:
            self._troubles[channel].extend(answers)

    @contextlib.contextmanager
    def refusing(self) -> Iterator[None]:
        """Connections to the Web API refused until the block ends: Slack out of reach."""
        port = self._server.server_port
        self.__exit__()
        try:
            yield
        finally:
            self._server = self._listening(port)
            self.__enter__()

    def calls_to(self, channel: str) -> List[Dict]:
        """Every chat.postMessage call to the channel, with its answer and the time of it."""
        with self._new_call:
            return [call for call in self._calls if call["method"] == "chat.postMessage" and call["channel"] == channel]

    def posted_to(self, channel: str) -> List[Dict]:
        """The messages posted to the channel: the calls answered OK."""
        return [call for call in self.calls_to(channel) if call["answer"] == OK]

    def wait_for_post(self, channel: str, containing: str, after: int = 0, timeout: float = 30.0) -> Dict:
        """The first message posted to the channel, past its first `after`, whose text contains the words."""
        deadline = time.monotonic() + timeout
        with self._new_call:
            while True:
                for post in self.posted_to(channel)[after:]:
                    if containing.lower() in post.get("text", "").lower():
                        return post
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"nothing containing {containing!r} in {channel}: {self.posted_to(channel)}")
                self._new_call.wait(remaining)

    def __enter__(self) -> "SlackStandIn":
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _listening(self, port: int) -> ThreadingHTTPServer:
        return ThreadingHTTPServer(("127.0.0.1", port), self._request_handler())

    def _answer_next(self, call: Dict) -> Answer:
        """Records the call with the answer it gets."""
        with self._new_call:
            troubles = self._troubles[call.get("channel")]
            call.update(answer=troubles.popleft() if troubles else OK, time=time.monotonic())
            self._calls.append(call)
            self._new_call.notify_all()
            return call["answer"]

    def _request_handler(self):
        standin = self

        class WebApi(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                method = self.path.rsplit("/", 1)[-1]
                answer = standin._answer_next({"method": method, "authorization": self.headers.get("Authorization"),
                                               **body})
                if answer == DISCONNECT:
                    self.close_connection = True
                elif isinstance(answer, RateLimited):
                    self._reply({"ok": False, "error": "ratelimited"}, 429, {"Retry-After": str(answer.retry_after)})
                else:
                    self._reply({"ok": True, "channel": body.get("channel"), "ts": f"{time.time():.6f}"})

            def _reply(self, answer: Dict, status: int = 200, headers: Optional[Dict[str, str]] = None) -> None:
                data = json.dumps(answer).encode()
                self.send_response(status)
                for name, value in {"Content-Type": "application/json", "Content-Length": str(len(data)),
                                    **(headers or {})}.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

        return WebApi
