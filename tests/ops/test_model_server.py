"""The model server of `make run` and publishing to it, with small stand-in model archives."""
import io
import json
import tarfile
import threading
import urllib.error
import urllib.request
from functools import partial
from http.server import ThreadingHTTPServer

import pytest

from ops.model_server import ModelFiles, publish


def archive(path, model_id):
    """A stand-in for a Rasa model: a gzipped tar with metadata.json at its top."""
    metadata = json.dumps({"model_id": model_id}).encode()
    with tarfile.open(path, "w:gz") as tar:
        member = tarfile.TarInfo("metadata.json")
        member.size = len(metadata)
        tar.addfile(member, io.BytesIO(metadata))
    return path


@pytest.fixture
def served(tmp_path):
    """(the served file, its URL) of a model server on loopback serving tmp_path/served."""
    directory = tmp_path / "served"
    directory.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(ModelFiles, directory=directory))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield directory / "model.tar.gz", f"http://127.0.0.1:{server.server_address[1]}/model.tar.gz"
    server.shutdown()


def get(url, etag=None):
    request = urllib.request.Request(url, headers={"If-None-Match": etag} if etag else {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, b""


def test_the_published_model_is_served_with_its_model_id_as_etag(tmp_path, served):
    path, url = served
    assert publish(archive(tmp_path / "first.tar.gz", "first"), path) == "first"
    status, headers, body = get(url)
    assert (status, headers["ETag"], headers["filename"]) == (200, '"first"', "model.tar.gz")
    assert body == (tmp_path / "first.tar.gz").read_bytes()
    assert get(url, '"first"')[0] == 304

    publish(archive(tmp_path / "second.tar.gz", "second"), path)
    status, headers, body = get(url, '"first"')
    assert (status, headers["ETag"], body) == (200, '"second"', (tmp_path / "second.tar.gz").read_bytes())


def test_a_model_cut_short_is_not_published(tmp_path, served):
    path, url = served
    publish(archive(tmp_path / "whole.tar.gz", "whole"), path)
    whole = archive(tmp_path / "padded.tar.gz", "padded").read_bytes()
    (tmp_path / "cut.tar.gz").write_bytes(whole[: len(whole) // 2])
    with pytest.raises((tarfile.TarError, EOFError)):
        publish(tmp_path / "cut.tar.gz", path)
    assert get(url)[1]["ETag"] == '"whole"'
    assert [file.name for file in path.parent.iterdir()] == [path.name]


def test_only_model_archives_in_the_directory_are_served(served):
    _, url = served
    assert get(url.replace("model.tar.gz", "missing.tar.gz"))[0] == 404
    assert get(url.replace("model.tar.gz", "..%2Fserved%2Fmodel.tar.gz"))[0] == 404
    assert get(url.replace("model.tar.gz", "notes.txt"))[0] == 404
