"""One server behind nginx with TLS, for real: ops/nginx-tls.conf as `make run-tls` writes
it, with a certificate made here, in front of a Rasa server (on loopback, allowing the
site's origin only) and an action server; the chat page in Chromium. Started once for
this module."""
import http.client
import json
import shutil
import ssl
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Optional, Tuple

import pytest
from playwright.sync_api import sync_playwright

from ops.nginx import nginx_command
from ops.servers import MODEL, Server, free_port, running_assistant, wait_until
from ops.tls import WEBCHAT, Site, write_nginx
from tests.channels.test_webchat import CHROMIUM, CHROMIUM_ARGS, ChatPage

SECURITY_HEADERS = ("Strict-Transport-Security", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy",
                    "Content-Security-Policy")
OTHER_ORIGIN = "https://www.example.org"
REST = "/webhooks/rest/webhook"


@dataclass
class Front:
    site: Site
    home: Path
    actions_port: int
    tls: ssl.SSLContext  # trusts the certificate made here

    def https(self, path: str, method: str = "GET", body: Optional[Dict] = None,
              headers: Optional[Dict[str, str]] = None) -> Tuple[int, http.client.HTTPMessage, bytes]:
        connection = http.client.HTTPSConnection(self.site.server_name, self.site.https_port, context=self.tls,
                                                 timeout=30)
        return ask(connection, path, method, body, headers)

    def http(self, path: str) -> Tuple[int, http.client.HTTPMessage, bytes]:
        return ask(http.client.HTTPConnection(self.site.server_name, self.site.http_port, timeout=30), path)


def ask(connection: http.client.HTTPConnection, path: str, method: str = "GET", body: Optional[Dict] = None,
        headers: Optional[Dict[str, str]] = None) -> Tuple[int, http.client.HTTPMessage, bytes]:
    """One request, redirects not followed: status, headers and body."""
    data = json.dumps(body).encode() if body is not None else None
    connection.request(method, path, data, {"Content-Type": "application/json", **(headers or {})})
    response = connection.getresponse()
    answer = response.status, response.headers, response.read()
    connection.close()
    return answer


def self_signed_certificate(directory: Path) -> Tuple[Path, Path]:
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


WIDGET_LIB, PACKAGE_LOCK = "node_modules/rasa-webchat/lib", "node_modules/.package-lock.json"


def published_page(webchat: Path) -> Path:
    """The page and the widget, where nginx's workers can read them whatever the checkout's
    folder allows: a clone in a private temporary folder is out of their reach."""
    shutil.copytree(WEBCHAT, webchat, ignore=shutil.ignore_patterns("node_modules"))
    shutil.copytree(WEBCHAT / WIDGET_LIB, webchat / WIDGET_LIB)
    shutil.copy(WEBCHAT / PACKAGE_LOCK, webchat / PACKAGE_LOCK)  # there, and still not served
    for path in [webchat, *webchat.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return webchat


@pytest.fixture(scope="module")
def front():
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train` first")
    # Not pytest's tmp_path: nginx's workers (nobody, as root) read the challenge files here.
    home = Path(tempfile.mkdtemp(prefix="acr-tls-"))
    home.chmod(0o755)
    cert, key = self_signed_certificate(home)
    site = Site("127.0.0.1", cert, key, https_port=free_port(), http_port=free_port(), listen="127.0.0.1",
                acme_root=home / "acme", webchat=published_page(home / "webchat"))
    try:
        with running_assistant(cors_origins=[site.origin]) as assistant:
            site.rasa_port = int(assistant.rasa_url.rsplit(":", 1)[1])
            write_nginx(home / "nginx", site)
            proxy = Server(nginx_command(home / "nginx"), home / "nginx.out", {}, cwd=home)
            proxy.start()
            running = Front(site, home, int(assistant.actions_url.rsplit(":", 1)[1]),
                            ssl.create_default_context(cafile=str(cert)))
            try:
                wait_until(lambda: running.https("/")[0] == 200, 30, "nginx")
                yield running
            finally:
                proxy.stop()
    finally:
        shutil.rmtree(home, ignore_errors=True)


def test_a_question_over_https_gets_its_answer(front):
    status, _, body = front.https(REST, "POST", {"sender": "over-tls", "message": "is membership free for residents?"})
    assert status == 200
    assert "free" in " ".join(reply.get("text", "") for reply in json.loads(body))


def test_plain_http_is_redirected_to_https_but_for_certificate_challenges(front):
    status, headers, _ = front.http(f"{REST}?from=http")
    assert status == 301 and headers["Location"] == f"{front.site.origin}{REST}?from=http"
    challenge = front.site.acme_root / ".well-known" / "acme-challenge" / "token"
    challenge.parent.mkdir(parents=True)
    challenge.write_text("token.thumbprint")
    challenge.chmod(0o644)
    assert front.http("/.well-known/acme-challenge/token")[::2] == (200, b"token.thumbprint")


@pytest.mark.parametrize("path", ["/", "/node_modules/rasa-webchat/lib/index.js", "/webhooks/status/", "/nothing"])
def test_every_answer_has_the_security_headers(front, path):
    _, headers, _ = front.https(path)
    assert [name for name in SECURITY_HEADERS if not headers[name]] == []
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


@pytest.mark.parametrize("path", [REST, "/socket.io/?EIO=4&transport=polling"])
def test_pages_of_the_site_may_call_the_rasa_server_and_pages_elsewhere_may_not(front, path):
    def allowed_origin(origin: str) -> Optional[str]:
        preflight = {"Origin": origin, "Access-Control-Request-Method": "POST",
                     "Access-Control-Request-Headers": "content-type"}
        return front.https(path, "OPTIONS", headers=preflight)[1]["Access-Control-Allow-Origin"]

    assert allowed_origin(front.site.origin) == front.site.origin
    assert allowed_origin(OTHER_ORIGIN) is None


@pytest.mark.parametrize("path", ["/health", "/webhook", "/package.json", "/node_modules/.package-lock.json",
                                  "/conversations/someone/tracker", "/model"])
def test_nothing_else_is_reachable_through_nginx(front, path):
    assert front.https(path)[0] == 404
    assert f":{front.actions_port}" not in (front.home / "nginx" / "site.conf").read_text()


def test_the_page_works_under_its_content_security_policy(front):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            visitor = ChatPage(browser.new_context(ignore_https_errors=True).new_page(), f"{front.site.origin}/")
            console = []
            visitor.page.on("console", lambda message: console.append(message.text))
            visitor.open()
            visitor.ask("is membership free for residents?")
            visitor.expect_answer("free")
        finally:
            browser.close()
    # The widget's stylesheet imports a font from Google: refused, as meant.
    refused = [line for line in console if "Content Security Policy" in line]
    assert [line for line in refused if "fonts.googleapis.com" not in line] == []
    assert visitor.third_party_requests == []
    # nginx logs the widget's WebSocket once the browser has closed it.
    access_log = front.home / "nginx" / "access.log"
    wait_until(lambda: any("transport=websocket" in line and '" 101 ' in line
                           for line in access_log.read_text().splitlines()), 10, "the WebSocket in nginx's log")
