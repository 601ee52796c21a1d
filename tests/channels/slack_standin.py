"""Slack, played on loopback: it signs the events it sends the assistant with the app's
signing secret and records the Web API calls the assistant answers with."""
import hashlib
import hmac
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Dict, List

BOT_TOKEN = "xoxb-test"


class SlackStandIn:
    def __init__(self) -> None:
        self.signing_secret = secrets.token_hex(16)
        self._calls: List[Dict] = []
        self._new_call = threading.Condition()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._request_handler())

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}/api/"

    def environment(self) -> Dict[str, str]:
        """What the assistant needs to talk to this Slack."""
        return {"SLACK_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": self.signing_secret, "SLACK_API_URL": self.api_url}

    def signature(self, timestamp: int, body: bytes) -> str:
        digest = hmac.new(self.signing_secret.encode(), f"v0:{timestamp}:".encode() + body, hashlib.sha256)
        return f"v0={digest.hexdigest()}"

    def posted_to(self, channel: str) -> List[Dict]:
        with self._new_call:
            return [call for call in self._calls if call["method"] == "chat.postMessage" and call["channel"] == channel]

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

    def _record(self, call: Dict) -> None:
        with self._new_call:
            self._calls.append(call)
            self._new_call.notify_all()

    def _request_handler(self):
        standin = self

        class WebApi(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                method = self.path.rsplit("/", 1)[-1]
                standin._record({"method": method, "authorization": self.headers.get("Authorization"), **body})
                self._reply({"ok": True, "channel": body.get("channel"), "ts": f"{time.time():.6f}"})

            def _reply(self, answer: Dict) -> None:
                data = json.dumps(answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

        return WebApi
