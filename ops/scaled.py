"""The scaled layout: PostgreSQL as the tracker store, Redis as the lock store, one
action server, several Rasa servers, all on loopback, and nginx in front, which hands REST
turns to the Rasa servers in turn (round-robin) and keeps each socket.io visitor on one
server; nginx listens on loopback unless told otherwise. The Rasa servers take the
channels `make run` takes. supervisord runs the action server, the Rasa servers and nginx,
and starts each again when it dies. PostgreSQL, Redis and nginx are Debian's
(scripts/ensure_services.sh installs them); each layout runs private instances of them,
with their data and logs in one directory.

    with running_scaled(instances=2) as layout:
        layout.front.say("alice", "who can join?")      # through nginx
        layout.instances[1].say("alice", "Physician")   # one Rasa server directly

    # make run-scaled: until Ctrl-C
    python -m ops.scaled --port 8000 --dir var/scaled --listen 127.0.0.1 --cors http://localhost:8080
"""
import argparse
import configparser
import contextlib
import os
import secrets
import shlex
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Sequence

import redis
import sqlalchemy as sa

from channels.credentials import credentials
from channels.tracker_store import ENDPOINT_TYPE
from ops import nginx
from ops.health import supervisor
from ops.servers import (ACTIONS_ON_LOOPBACK, MODEL, QUIET, ROOT, VENV_BIN, RasaChat, RunningAssistant, Server,
                         actions_command, free_port, post_json, rasa_command, wait_for_actions, wait_until,
                         write_config)
from conversations.store import stored_slots

POSTGRES_VERSIONS = Path("/usr/lib/postgresql")  # Debian's: one directory per version installed
REDIS_SERVER = "/usr/bin/redis-server"
DATABASE = "rasa"  # the database, and the role Rasa logs in as
PASSWORD_VARIABLE = "TRACKER_DB_PASSWORD"
STARTUP_SECONDS = 240.0

# nginx's server (ops/nginx.py runs it).
NGINX_SITE = """\
# A server that refuses a connection is skipped (the request had not reached it yet).
upstream rasa {{
{servers}
}}
# socket.io's long-polling needs every request of a visitor at the same server.
upstream rasa_sticky {{
    ip_hash;
{servers}
}}
map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
server {{
    listen {listen}:{port};
    proxy_http_version 1.1;
    proxy_set_header Host $host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_read_timeout 120s;
    location / {{ proxy_pass http://rasa; }}
    location /socket.io/ {{
        proxy_pass http://rasa_sticky;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $connection_upgrade;
    }}
}}
"""

# supervisord's settings, followed by a [program:...] section for each process (Program).
SUPERVISORD_CONF = """\
; The scaled layout's action server, Rasa servers and nginx (ops/scaled.py writes this file
; and runs supervisord with it): each is started again when it dies. supervisord stops
; nginx first, then the Rasa servers together, then the action server.
[supervisord]
nodaemon=true
; In the foreground supervisord logs to stdout, which ops/scaled.py writes to supervisord.log.
logfile=/dev/null
logfile_maxbytes=0
pidfile={directory}/supervisord.pid

[unix_http_server]
file={directory}/supervisor.sock
chmod=0700

[supervisorctl]
serverurl=unix://{directory}/supervisor.sock

[rpcinterface:supervisor]
supervisor.rpcinterface_factory=supervisor.rpcinterface:make_main_rpcinterface

[group:{rasa_group}]
programs={rasa_programs}
priority={rasa_priority}
"""
RASA_GROUP = "rasa"
MAKE_RUN_CONFIG = ROOT / "ops" / "supervisord.conf"
# Each process of the layout starts, restarts and stops as the `make run` program it
# mirrors: its section in MAKE_RUN_CONFIG. nginx mirrors the chat page.
MIRRORED_PROGRAMS = {"actions": "program:actions", "rasa": "fcgi-program:rasa", "nginx": "program:web"}
# startsecs: how long a process must run to count as started; one that dies sooner is
# started again up to startretries times, one second later each time (then supervisord
# gives up: FATAL), one that dies later at once. stopwaitsecs: how long it may take to stop
# before it is killed. priority: the lowest starts first and stops last.
RESTART_SETTINGS = ("priority", "startsecs", "stopwaitsecs", "startretries", "autorestart")
SUPERVISORD_STOP_SECONDS = 90.0  # past the stopwaitsecs of all its processes, one group after another
RUNNING_STATES = ("STARTING", "RUNNING", "BACKOFF")  # supervisord's: running, or being started (again)


def restart_settings(program: str) -> Dict[str, str]:
    """supervisord's RESTART_SETTINGS for program: those of the `make run` program it mirrors."""
    make_run = configparser.ConfigParser(interpolation=None)
    make_run.read_string(MAKE_RUN_CONFIG.read_text())
    mirrored = make_run[MIRRORED_PROGRAMS[program]]
    return {name: mirrored[name] for name in RESTART_SETTINGS}


def rasa_server_settings() -> Dict[str, str]:
    """A Rasa server's restart settings, but for the priority, which their group holds."""
    return {name: value for name, value in restart_settings("rasa").items() if name != "priority"}


def literal(value) -> str:
    """value in supervisord's configuration, where % starts an expansion."""
    return str(value).replace("%", "%%")


def control(config: Path):
    """The XML-RPC interface of the supervisord that runs with config."""
    return supervisor(config).supervisor


@dataclass
class Program:
    """A process of the layout that supervisord runs and starts again when it dies; started,
    stopped and killed as a Server is."""
    name: str
    command: List[str]
    log: Path
    config: Path  # supervisord's
    settings: Dict[str, object]  # supervisord's for it: when it counts as started, how it stops
    env: Dict[str, str] = field(default_factory=dict)  # besides supervisord's environment
    cwd: Path = ROOT
    group: Optional[str] = None

    @property
    def namespec(self) -> str:
        """supervisord's name for it."""
        return f"{self.group}:{self.name}" if self.group else self.name

    @property
    def pid(self) -> int:
        """The process's own (0 while it is not running)."""
        return control(self.config).getProcessInfo(self.namespec)["pid"]

    @property
    def running(self) -> bool:
        return control(self.config).getProcessInfo(self.namespec)["statename"] in RUNNING_STATES

    def start(self) -> None:
        if not self.running:
            control(self.config).startProcess(self.namespec, False)

    def stop(self) -> None:
        if self.running:
            control(self.config).stopProcess(self.namespec)

    def kill(self) -> None:
        """Ends it at once, as a crash would, and returns once supervisord has seen it end
        (and starts it again)."""
        pid = self.pid
        if pid:  # os.kill(0, ...) would kill this process's own group
            os.kill(pid, signal.SIGKILL)
            wait_until(lambda: self.pid != pid, 10, f"the end of {self.namespec}")

    def section(self) -> str:
        settings = {"command": shlex.join(self.command), "directory": self.cwd,
                    "environment": ",".join(f'{name}="{value}"' for name, value in self.env.items()),
                    **self.settings,
                    "stdout_logfile": self.log, "stdout_logfile_maxbytes": 0, "redirect_stderr": "true"}
        lines = "".join(f"{key}={literal(value)}\n" for key, value in settings.items())
        return f"[program:{self.name}]\n{lines}"


def write_supervisord_config(config: Path, actions: Program, rasa_servers: List[Program], nginx_program: Program):
    settings = SUPERVISORD_CONF.format(directory=literal(config.parent), rasa_group=RASA_GROUP,
                                       rasa_programs=",".join(program.name for program in rasa_servers),
                                       rasa_priority=restart_settings("rasa")["priority"])
    sections = [program.section() for program in (actions, *rasa_servers, nginx_program)]
    config.write_text("\n".join([settings, *sections]))


def supervisord_server(config: Path, env: Dict[str, str]) -> Server:
    """In the foreground, so that stopping it (it then stops its processes in turn) ends when they have stopped."""
    return Server([str(VENV_BIN / "supervisord"), "--nodaemon", "--configuration", str(config)],
                  config.parent / "supervisord.log", env, stop_seconds=SUPERVISORD_STOP_SECONDS)


def postgres_bin() -> Path:
    """The programs of the newest PostgreSQL installed."""
    installed = sorted(POSTGRES_VERSIONS.glob("*/bin/postgres"),
                       key=lambda program: [int(part) for part in program.parent.parent.name.split(".")])
    if not installed:
        raise FileNotFoundError(f"No PostgreSQL in {POSTGRES_VERSIONS}: run `make services`")
    return installed[-1].parent


def service_user() -> Optional[str]:
    """PostgreSQL refuses to run as root, so as root the services run as the postgres user."""
    return "postgres" if os.geteuid() == 0 else None


def owned_by_service_user(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    path.parent.chmod(0o755)  # the service user reaches its own directory inside
    if service_user():
        shutil.chown(path, service_user(), service_user())
    return path


def answers(check) -> bool:
    """check() raised nothing and returned something true."""
    try:
        return bool(check())
    except (sa.exc.OperationalError, redis.exceptions.ConnectionError):
        return False


@dataclass
class Service:
    server: Server
    port: int


@dataclass
class Postgres(Service):
    password: str

    def engine(self, database: str = DATABASE, **options) -> sa.engine.Engine:
        url = sa.engine.URL.create("postgresql", DATABASE, self.password, "127.0.0.1", self.port, database)
        return sa.create_engine(url, **options)

    @cached_property
    def rasa_database(self) -> sa.engine.Engine:
        return self.engine(pool_pre_ping=True)

    def start(self) -> None:
        """Starts it, and makes the database and Rasa's events table when missing (so no two
        Rasa servers race to make them)."""
        from rasa.core.tracker_store import SQLTrackerStore

        self.server.start()
        maintenance = self.engine("postgres", isolation_level="AUTOCOMMIT")
        wait_until(lambda: answers(lambda: maintenance.connect().close() or True), 60, "PostgreSQL")
        with maintenance.connect() as connection:
            if not connection.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                      {"name": DATABASE}).first():
                connection.execute(sa.text(f"CREATE DATABASE {DATABASE}"))
        maintenance.dispose()
        SQLTrackerStore.Base.metadata.create_all(self.rasa_database)

    def restart(self) -> None:
        self.server.stop()
        self.server.start()
        wait_until(lambda: answers(lambda: self.query("SELECT 1")), 60, "PostgreSQL")

    def query(self, sql: str, **parameters) -> List[sa.engine.Row]:
        with self.rasa_database.connect() as connection:
            return list(connection.execute(sa.text(sql), parameters))

    def event_count(self, sender: str) -> int:
        return self.query("SELECT count(*) FROM events WHERE sender_id = :sender", sender=sender)[0][0]

    def slots(self, sender: str) -> Dict:
        return stored_slots(self.rasa_database, sender)


def postgres_in(directory: Path) -> Postgres:
    """A private cluster in directory/postgres, made on first use."""
    home = owned_by_service_user(directory / "postgres")
    password = database_password(home)
    if not (home / "data").exists():
        initdb(home, password)
    port = free_port()
    command = [str(postgres_bin() / "postgres"), "-D", str(home / "data"), "-p", str(port),
               "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="]
    # SIGINT is PostgreSQL's fast shutdown; SIGTERM would wait for Rasa's pooled connections.
    server = Server(command, home / "postgres.log", dict(os.environ), cwd=home, stop_signal=signal.SIGINT,
                    user=service_user())
    return Postgres(server, port, password)


def database_password(home: Path) -> str:
    """From the environment, or made once and kept next to the cluster (mode 600)."""
    if os.environ.get(PASSWORD_VARIABLE):
        return os.environ[PASSWORD_VARIABLE]
    kept = home / "password"
    if not kept.exists():
        kept.touch(mode=0o600)
        kept.write_text(secrets.token_urlsafe(24))
    return kept.read_text()


def initdb(home: Path, password: str) -> None:
    initial_password = home / "initial-password"
    initial_password.touch(mode=0o600)
    initial_password.write_text(password)
    if service_user():
        shutil.chown(initial_password, service_user())
    try:
        subprocess.run([str(postgres_bin() / "initdb"), "-D", str(home / "data"), "-U", DATABASE,
                        "--pwfile", str(initial_password), "--auth-host=scram-sha-256", "--auth-local=peer",
                        "-E", "UTF8", "--locale=C.UTF-8"],
                       cwd=home, user=service_user(), check=True, stdout=subprocess.DEVNULL)
    finally:
        initial_password.unlink()


def redis_in(directory: Path) -> Service:
    """Only locks live in Redis, so it keeps nothing on disk."""
    home = owned_by_service_user(directory / "redis")
    port = free_port()
    command = [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
               "--dir", str(home)]
    return Service(Server(command, home / "redis.log", dict(os.environ), cwd=home, user=service_user()), port)


def nginx_in(directory: Path, listen: str, port: int, upstream_ports: List[int], supervisord_config: Path) -> Service:
    home = directory / "nginx"
    servers = "\n".join(f"    server 127.0.0.1:{upstream};" for upstream in upstream_ports)
    nginx.write_config(home, NGINX_SITE.format(servers=servers, listen=listen, port=port))
    return Service(Program("nginx", nginx.nginx_command(home), home / "nginx.out", supervisord_config,
                           restart_settings("nginx"), cwd=home), port)


def start_redis(service: Service) -> None:
    service.server.start()
    wait_until(lambda: answers(redis.Redis(port=service.port).ping), 30, "Redis")


@contextlib.contextmanager
def running_redis(directory: Path) -> Iterator[Service]:
    """A Redis server of its own on loopback, for a lock store; stopped on exit."""
    service = redis_in(directory)
    try:
        start_redis(service)
        yield service
    finally:
        service.server.stop()


def lock_store(redis_port: int) -> Dict:
    """endpoints.yml's section for a Redis lock store, which lets several Rasa servers, or
    several Sanic workers of one (SANIC_WORKERS), take turns on a conversation."""
    return {"lock_store": {"type": "redis", "url": "127.0.0.1", "port": redis_port, "db": 1}}


def stores(postgres: Postgres, redis_port: int) -> Dict:
    """endpoints.yml's sections for them; Rasa reads the password from the environment."""
    return {
        "tracker_store": {"type": ENDPOINT_TYPE, "dialect": "postgresql", "url": "127.0.0.1", "port": postgres.port,
                          "db": DATABASE, "username": DATABASE, "password": "${%s}" % PASSWORD_VARIABLE},
        **lock_store(redis_port),
    }


@dataclass
class ScaledLayout:
    directory: Path
    supervisord: Server  # runs the action server, the Rasa servers and nginx (their Programs)
    postgres: Postgres
    redis: Service
    actions: Program
    actions_url: str
    instances: List[RunningAssistant]  # each a Rasa server alone, reached directly
    nginx: Service
    front: RasaChat  # through nginx

    @property
    def supervisord_config(self) -> Path:
        return self.actions.config  # every Program's

    def start(self, timeout: float = STARTUP_SECONDS) -> None:
        self.postgres.start()
        start_redis(self.redis)
        self.supervisord.start()  # which starts the action server, the Rasa servers and nginx at once
        wait_until(lambda: control(self.supervisord_config).getState()["statename"] == "RUNNING", 30, "supervisord")
        self.start_actions(timeout)
        for instance in self.instances:
            instance.start(timeout)
        wait_until(lambda: post_json(self.front.rest_url, {"sender": "warm-up", "message": "hello"})[0] == 200,
                   30, "nginx")

    def start_actions(self, timeout: float = 60.0) -> None:
        """Starts it unless supervisord is starting it already, and waits until it answers."""
        self.actions.start()
        wait_for_actions(self.actions_url, timeout)

    def stop(self) -> None:
        self.supervisord.stop()
        for server in (self.redis.server, self.postgres.server):
            server.stop()
        self.postgres.rasa_database.dispose()


def scaled_layout(workdir: Path, instances: int, port: int, model: Path, cors_origins: Sequence[str] = (),
                  listen: str = "127.0.0.1") -> ScaledLayout:
    """Every part configured, none started. The Rasa servers take the channels `make run`
    takes (Slack when its secrets are in the environment) and allow the pages at
    cors_origins; nginx listens on listen:port."""
    postgres, redis_service = postgres_in(workdir), redis_in(workdir)
    actions_port, rasa_ports = free_port(), [free_port() for _ in range(instances)]
    config = write_config(workdir, actions_port, credentials(), stores(postgres, redis_service.port))
    supervisord_config = workdir / "supervisord.conf"
    actions = Program("actions", actions_command(actions_port), workdir / "actions.log", supervisord_config,
                      restart_settings("actions"), ACTIONS_ON_LOOPBACK)
    rasa_servers = [
        RunningAssistant(f"http://127.0.0.1:{rasa_port}", None, workdir, actions=None,
                         rasa=Program(f"rasa-{number}", rasa_command(model, rasa_port, config, cors_origins),
                                      workdir / f"rasa-{number}.log", supervisord_config, rasa_server_settings(),
                                      group=RASA_GROUP))
        for number, rasa_port in enumerate(rasa_ports, start=1)]
    proxy = nginx_in(workdir, listen, port, rasa_ports, supervisord_config)
    write_supervisord_config(supervisord_config, actions, [instance.rasa for instance in rasa_servers], proxy.server)
    env = {**os.environ, **QUIET, PASSWORD_VARIABLE: postgres.password}
    front_host = "127.0.0.1" if listen == "0.0.0.0" else listen
    return ScaledLayout(workdir, supervisord_server(supervisord_config, env), postgres, redis_service, actions,
                        f"http://127.0.0.1:{actions_port}", rasa_servers, proxy,
                        RasaChat(f"http://{front_host}:{port}"))


@contextlib.contextmanager
def running_scaled(instances: int = 2, directory: Optional[Path] = None, port: Optional[int] = None,
                   model: Path = MODEL, cors_origins: Sequence[str] = (),
                   listen: str = "127.0.0.1") -> Iterator[ScaledLayout]:
    """The layout, answering through nginx; stopped on exit. directory: where data and logs
    go, kept; a temporary one, removed afterwards, when None. cors_origins, listen: as for
    scaled_layout."""
    workdir = directory or Path(tempfile.mkdtemp(prefix="acr-scaled-"))
    workdir.mkdir(parents=True, exist_ok=True)
    layout = scaled_layout(workdir, instances, port or free_port(), model, cors_origins, listen)
    try:
        layout.start()
        yield layout
    finally:
        layout.stop()
        if directory is None:
            shutil.rmtree(workdir, ignore_errors=True)


def main(argv: Optional[List[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instances", type=int, default=2, help="how many Rasa servers")
    parser.add_argument("--port", type=int, default=8000, help="nginx's port")
    parser.add_argument("--listen", default="127.0.0.1", help="nginx's address (0.0.0.0: every interface)")
    parser.add_argument("--cors", nargs="*", default=[], metavar="ORIGIN", help="the web pages that may talk to it")
    parser.add_argument("--dir", type=Path, default=ROOT / "var" / "scaled", help="data and logs")
    args = parser.parse_args(argv)
    print(f"Starting PostgreSQL, Redis, the action server and {args.instances} Rasa servers ...", flush=True)
    for stop_request in (signal.SIGINT, signal.SIGTERM):  # also when started where SIGINT is ignored
        signal.signal(stop_request, stop_waiting)
    with running_scaled(args.instances, args.dir.resolve(), args.port, cors_origins=args.cors,
                        listen=args.listen) as layout:
        print(describe(layout), flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            signal.pause()
        print("Stopping ...", flush=True)


def stop_waiting(signum, frame) -> None:
    raise KeyboardInterrupt


def describe(layout: ScaledLayout) -> str:
    rows = [("nginx (talk to this)", layout.front.rasa_url),
            *((f"Rasa server {number}", instance.rasa_url) for number, instance in enumerate(layout.instances, 1)),
            ("action server", layout.actions_url),
            ("PostgreSQL (tracker store)", f"127.0.0.1:{layout.postgres.port}, database {DATABASE}"),
            ("Redis (lock store)", f"127.0.0.1:{layout.redis.port}"),
            ("processes", f"{VENV_BIN / 'supervisorctl'} -c {layout.supervisord_config} status"),
            ("data and logs", str(layout.directory))]
    example = (f"curl -s {layout.front.rest_url} -d '{{\"sender\": \"me\", \"message\": \"who can join?\"}}'")
    return "\n".join(f"  {what:<28} {where}" for what, where in rows) + f"\n\n  {example}\n  Ctrl-C stops all."


if __name__ == "__main__":
    main()
