"""`make run-tls`: `make run` behind nginx with TLS, on one server. Writes nginx's
configuration from ops/nginx-tls.conf to var/nginx-tls/, then runs supervisord with
ops/supervisord-tls.conf: `make run`'s processes with the Rasa server on loopback and
allowing the site's own origin only, and nginx.

    python -m ops.tls --server-name chat.example.org --cert fullchain.pem --key privkey.pem
"""
import argparse
import base64
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ops import nginx
from ops.servers import ROOT, VENV_BIN

TEMPLATE = Path(__file__).with_name("nginx-tls.conf")
SUPERVISORD_CONF = Path(__file__).with_name("supervisord-tls.conf")
NGINX_HOME = ROOT / "var" / "nginx-tls"  # where supervisord-tls.conf runs nginx from
WEBCHAT = ROOT / "webchat"
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


@dataclass
class Site:
    server_name: str
    cert: Path
    key: Path
    rasa_port: int = 5005
    https_port: int = 443
    http_port: int = 80
    listen: str = "0.0.0.0"
    acme_root: Path = ROOT / "var" / "acme"
    webchat: Path = WEBCHAT  # nginx's workers (nobody, as root) must be able to read it

    @property
    def origin(self) -> str:
        """What visitors' browsers call the site: the Rasa server allows this origin only."""
        port = "" if self.https_port == 443 else f":{self.https_port}"
        return f"https://{self.server_name}{port}"


def script_hashes(page: Path) -> str:
    """The Content-Security-Policy sources that allow the page's inline scripts, and no others."""
    return " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()}'"
                    for script in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")))


def site_config(site: Site) -> str:
    values = {"SERVER_NAME": site.server_name, "CERT": site.cert.resolve(), "KEY": site.key.resolve(),
              "RASA_PORT": site.rasa_port, "HTTPS_PORT": site.https_port, "HTTP_PORT": site.http_port,
              "LISTEN": site.listen, "ORIGIN": site.origin, "ACME_ROOT": site.acme_root.resolve(),
              "WEBCHAT": site.webchat, "SCRIPT_HASHES": script_hashes(site.webchat / "index.html")}
    return re.sub(r"@([A-Z_]+)@", lambda name: str(values[name.group(1)]), TEMPLATE.read_text(encoding="utf-8"))


def write_nginx(home: Path, site: Site) -> None:
    site.acme_root.mkdir(parents=True, exist_ok=True)
    nginx.write_config(home, site_config(site))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server-name", required=True, help="the site's host name, as in its certificate")
    parser.add_argument("--cert", type=Path, required=True, help="certificate chain (PEM)")
    parser.add_argument("--key", type=Path, required=True, help="its private key (PEM)")
    parser.add_argument("--https-port", type=int, default=443)
    parser.add_argument("--http-port", type=int, default=80, help="redirects to HTTPS")
    parser.add_argument("--listen", default="0.0.0.0", help="nginx's address")
    args = parser.parse_args()
    if not (args.server_name and args.cert.is_file() and args.key.is_file()):
        parser.error("needs a server name, and the certificate and key files")
    site = Site(args.server_name, args.cert, args.key, int(os.environ.get("RASA_PORT", "5005")),
                args.https_port, args.http_port, args.listen)
    write_nginx(NGINX_HOME, site)
    os.environ.update(RASA_INTERFACE="127.0.0.1", CORS_ORIGINS=site.origin)
    print(f"Site: {site.origin}/ (nginx configuration in {NGINX_HOME})", flush=True)
    supervisord = VENV_BIN / "supervisord"
    os.execv(supervisord, [str(supervisord), "--configuration", str(SUPERVISORD_CONF)])


if __name__ == "__main__":
    main()
