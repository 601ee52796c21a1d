"""The chat page (webchat/) and GET /health (ops/health.py), on loopback.

    python -m ops.chat_page --port 8080
"""
import argparse
import json
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ops.health import health, rasa_url

WEBCHAT = Path(__file__).resolve().parent.parent / "webchat"


class ChatPage(SimpleHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path != "/health":
            super().do_GET()
            return
        healthy, report = health(rasa_url())
        body = json.dumps(report).encode()
        self.send_response(200 if healthy else 503)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_request(self, code="-", size="-") -> None:
        if self.path != "/health":  # a load balancer asks every few seconds
            super().log_request(code, size)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080)
    port = parser.parse_args().port
    print(f"Chat page on http://127.0.0.1:{port}/, health on /health", flush=True)
    ThreadingHTTPServer(("127.0.0.1", port), partial(ChatPage, directory=str(WEBCHAT))).serve_forever()


if __name__ == "__main__":
    main()
