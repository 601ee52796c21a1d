"""nginx instances of their own (ops/scaled.py, ops/tls.py): Debian's nginx, with its
configuration, pid, temporary files and access log in one directory, in the foreground.

    write_config(home, site)          # home/nginx.conf, serving site (server blocks and what they use)
    Server(nginx_command(home), ...)  # or: nginx -p home/ -c nginx.conf
"""
import os
from pathlib import Path
from typing import List

NGINX = "/usr/sbin/nginx"

MAIN_CONF = """\
{user}
daemon off;
worker_processes 1;
pid nginx.pid;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log access.log;
    client_body_temp_path tmp/body;
    proxy_temp_path tmp/proxy;
    fastcgi_temp_path tmp/fastcgi;
    uwsgi_temp_path tmp/uwsgi;
    scgi_temp_path tmp/scgi;
    include site.conf;
}}
"""


def write_config(home: Path, site: str) -> None:
    (home / "tmp").mkdir(parents=True, exist_ok=True)
    # As root, nginx hands requests to workers that run as an unprivileged user.
    user = "user nobody nogroup;" if os.geteuid() == 0 else ""
    (home / "nginx.conf").write_text(MAIN_CONF.format(user=user))
    (home / "site.conf").write_text(site)


def nginx_command(home: Path, error_log: str = "error.log") -> List[str]:
    return [NGINX, "-p", f"{home}/", "-c", "nginx.conf", "-e", error_log]
