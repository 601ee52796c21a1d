"""ops/Containerfile holds what the Rasa server and the action server load. Not built (the
test machine has no container tool): read, and its files laid out as it lays them out in
/app, where both servers are started as Rasa's chart starts them (ops/helm/values.yml)."""
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import List, Set

import pytest
import yaml

from ops.servers import MODEL, QUIET, ROOT, VENV_BIN, RunningAssistant, Server, free_port, write_config
from tests.test_architecture import PACKAGES, project_imports

CONTAINERFILE = (ROOT / "ops" / "Containerfile").read_text()
COPIED = {source.rstrip("/") for line in re.findall(r"^COPY (.+)$", CONTAINERFILE, re.MULTILINE)
          for source in line.split()[:-1]}
PIPELINE = yaml.safe_load((ROOT / "config.yml").read_text())["pipeline"]
SPACY_PIPELINE = next(component["model"] for component in PIPELINE if component["name"] == "SpacyNLP")


def loaded_by_name() -> Set[str]:
    """What Rasa loads by the names in the configuration: the pipeline's components, the
    channels, the tracker store; and the actions and the launcher."""
    names = [component["name"] for component in PIPELINE]
    names += list(yaml.safe_load((ROOT / "credentials.yml").read_text()))
    names.append(yaml.safe_load((ROOT / "endpoints.yml").read_text())["tracker_store"]["type"])
    return {name.split(".")[0] for name in names} & set(PACKAGES) | {"actions", "speedups"}


def test_every_package_the_servers_import_is_copied():
    imports, needed, unread = project_imports(), set(), loaded_by_name()
    while unread:
        package = unread.pop()
        needed.add(package)
        unread |= imports[package] - needed
    assert needed - COPIED == set()


def test_the_spacy_pipeline_is_built_where_the_model_loads_it_and_the_model_is_served_from_app():
    assert f"RUN python -m nlp.build {SPACY_PIPELINE}\n" in CONTAINERFILE
    assert "COPY models/acr-assistant.tar.gz models/\n" in CONTAINERFILE
    assert "WORKDIR /app\n" in CONTAINERFILE  # where Rasa's chart mounts endpoints.yml and credentials.yml


def test_the_build_context_holds_everything_copied():
    included = {line[1:] for line in (ROOT / ".dockerignore").read_text().splitlines() if line.startswith("!")}
    assert COPIED - included == set()
    assert all((ROOT / source).exists() for source in COPIED - {"models/acr-assistant.tar.gz"})


def in_venv(command: List[str]) -> List[str]:
    return [sys.executable if word == "python" else str(VENV_BIN / word) if word == "rasa" else word
            for word in command]


def image_files(app: Path) -> None:
    """What the Containerfile's COPY and RUN lines put in app (the requirements it
    installs are the venv's)."""
    for line in re.findall(r"^COPY (.+)$", CONTAINERFILE, re.MULTILINE):
        *sources, target = line.split()
        for source in sources:
            if (ROOT / source).is_dir():
                shutil.copytree(ROOT / source, app / target, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                (app / target).mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / source, app / target)
    for command in re.findall(r"^RUN (python .+)$", CONTAINERFILE, re.MULTILINE):
        subprocess.run(in_venv(shlex.split(command)), cwd=app, check=True, capture_output=True)


def test_both_servers_answer_from_the_images_files_started_as_the_chart_starts_them(tmp_path):
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train` first")
    values = yaml.safe_load((ROOT / "ops" / "helm" / "values.yml").read_text())
    app, rasa_port, actions_port = tmp_path / "app", free_port(), free_port()
    image_files(app)
    write_config(app, actions_port, None)  # the chart mounts endpoints.yml and credentials.yml in /app
    actions = in_venv(values["rasa-action-server"]["command"])
    actions[actions.index("--port") + 1] = str(actions_port)
    # Not the project's own copy of the packages; the action server on loopback (a pod's is not).
    env = {**{name: value for name, value in os.environ.items() if name != "PYTHONPATH"}, **QUIET,
           "SANIC_HOST": "127.0.0.1"}
    assistant = RunningAssistant(
        f"http://127.0.0.1:{rasa_port}", f"http://127.0.0.1:{actions_port}", app,
        actions=Server(actions, tmp_path / "actions.log", env, cwd=app),
        rasa=Server(in_venv(values["command"]) + ["run", "--port", str(rasa_port), "--interface", "127.0.0.1"],
                    tmp_path / "rasa.log", env, cwd=app))
    try:
        assistant.start()
        assert "Member-in-training" in assistant.text("image", "I'm a resident in Canada, what do I pay?")
    finally:
        assistant.stop()
