"""The model server of `make run`: the Rasa server pulls its model from here every few
seconds (`models:` in build/endpoints.yml, Rasa's model server protocol) and loads a model
whose ETag differs from the one it has, while the turns in progress finish with the model
they started with (docs/operations.md). The ETag is the model's model_id, new with each
training. `make run` publishes the trained model into var/models/ when it starts, `make
reload` while it runs.

    python -m ops.model_server publish models/acr-assistant.tar.gz   # as var/models/acr-assistant.tar.gz
    python -m ops.model_server serve --port 5056                     # var/models/, loopback only
"""
import argparse
import json
import os
import shutil
import tarfile
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO, Dict, Tuple
from urllib.parse import urlsplit

SERVED = Path("var/models")
PULL_SECONDS = 2  # how often the Rasa server asks; a 304 costs it well under a millisecond


def endpoint(port: int, model_file: str) -> Dict:
    """The `models:` section of a Rasa server's endpoints.yml for this server."""
    return {"url": f"http://127.0.0.1:{port}/{model_file}", "wait_time_between_pulls": PULL_SECONDS}


def model_id(archive: BinaryIO) -> str:
    """The model_id in a Rasa model archive's metadata. All of the archive is read, so that
    one cut short fails here (tarfile.ReadError, EOFError) rather than in the Rasa server."""
    with tarfile.open(fileobj=archive, mode="r:gz") as tar:
        tar.getmembers()
        return json.load(tar.extractfile("metadata.json"))["model_id"]


def publish(model: Path, served: Path) -> str:
    """Copies model to served, the file the model server serves, whole or not at all (a
    training may be writing model); returns its model_id."""
    served.parent.mkdir(parents=True, exist_ok=True)
    partial_copy = served.with_name(f".{served.name}.partial")
    try:
        shutil.copyfile(model, partial_copy)
        with partial_copy.open("rb") as copy:
            published = model_id(copy)
        os.replace(partial_copy, served)
    finally:
        partial_copy.unlink(missing_ok=True)
    return published


class ModelFiles(BaseHTTPRequestHandler):
    """GET /<model>.tar.gz from the directory, with its model_id as ETag; 304 for If-None-Match."""

    # model_id by (inode, modification time, size): publishing replaces the file
    ids: Dict[Tuple[int, int, int], str] = {}

    def __init__(self, *args, directory: Path, **kwargs):
        self.directory = directory
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        name = urlsplit(self.path).path.lstrip("/")
        if "/" in name or not name.endswith(".tar.gz"):
            self.send_error(404)
            return
        try:
            model = (self.directory / name).open("rb")
        except FileNotFoundError:
            self.send_error(404)
            return
        with model:
            etag = self.etag(model)
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("ETag", etag)
            self.send_header("filename", name)  # Rasa names the loaded model after it
            self.send_header("Content-Type", "application/gzip")
            self.send_header("Content-Length", str(os.fstat(model.fileno()).st_size))
            self.end_headers()
            try:
                shutil.copyfileobj(model, self.wfile)
            except ConnectionError:  # a Rasa server stopped while pulling pulls again when it starts
                self.log_message("%s left before the whole model was sent", self.address_string())

    def etag(self, model: BinaryIO) -> str:
        status = os.fstat(model.fileno())
        stamp = (status.st_ino, status.st_mtime_ns, status.st_size)
        if stamp not in self.ids:
            self.ids[stamp] = f'"{model_id(model)}"'
            model.seek(0)
        return self.ids[stamp]

    def log_request(self, code="-", size="-") -> None:
        if code != 304:  # the Rasa server asks every PULL_SECONDS
            super().log_request(code, size)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    publishing = commands.add_parser("publish", help="copy a trained model into the served directory")
    publishing.add_argument("model", type=Path)
    serving = commands.add_parser("serve", help="serve the directory's models on loopback")
    serving.add_argument("--port", type=int, required=True)
    serving.add_argument("--directory", type=Path, default=SERVED)
    args = parser.parse_args()
    if args.command == "publish":
        served = SERVED / args.model.name
        print(f"Published {args.model} as {served}: model {publish(args.model, served)}")
        return
    print(f"Models in {args.directory}/ on http://127.0.0.1:{args.port}/", flush=True)
    ThreadingHTTPServer(("127.0.0.1", args.port), partial(ModelFiles, directory=args.directory)).serve_forever()


if __name__ == "__main__":
    main()
