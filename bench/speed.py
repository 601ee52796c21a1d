"""Speed of the project's assistant against a stock `rasa init` assistant, both measured
in the same run on the same machine, one after the other."""
import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, ContextManager, Dict, List, Optional, Sequence, Tuple

import yaml

from bench.traffic import Traffic, concurrent, sequential
from ops.scaled import lock_store, running_redis
from ops.servers import (QUIET, RASA_WITH_SPEEDUPS, ROOT, VENV_BIN, RunningAssistant, Server, running_assistant,
                         running_rasa)

MIB = 1024 * 1024
FINETUNE_EPOCH_FRACTION = "0.2"  # as scripts/train.sh with FINETUNE=1


@dataclass(frozen=True)
class Plan:
    """How much traffic each assistant gets."""
    warm_up: int = 10  # unmeasured: the first answers are cold start's business
    sequential: int = 120
    clients: int = 8
    concurrent: int = 400
    max_seconds: float = 30.0
    # concurrent rounds per server, the one of median throughput reported: a round of the
    # project's takes about 4 s, short enough for a burst of the shared machine's other work
    rounds: int = 3
    train_project: bool = True
    workers: int = 2  # Sanic workers for the project's second run, with a Redis lock store


QUICK = Plan(sequential=30, concurrent=80, max_seconds=10.0, rounds=1, train_project=False)


@dataclass(frozen=True)
class ServerRun:
    cold_start_s: float
    sequential: Traffic
    concurrent: Traffic
    rasa_peak_rss_mib: float
    actions_peak_rss_mib: Optional[float]


@dataclass(frozen=True)
class AssistantSpeed:
    messages: int  # distinct messages it was sent
    training_s: Optional[float]
    model_mib: float
    server: ServerRun
    retraining_s: Optional[float] = None  # fine-tuning the trained model after one answer's text changed


@dataclass(frozen=True)
class Speed:
    plan: Plan
    project: AssistantSpeed
    stock: AssistantSpeed
    project_workers: AssistantSpeed  # the same model, served by plan.workers Sanic workers


def rasa_environment(cache: Path) -> Dict[str, str]:
    # A cache of its own: every training starts cold, and the repository's cache is left alone.
    return {**os.environ, **QUIET, "RASA_CACHE_DIRECTORY": str(cache)}


def timed_run(command: Sequence[str], cwd: Path, log: Path, env: Dict[str, str]) -> float:
    start = time.monotonic()
    with log.open("wb") as output:
        finished = subprocess.run(command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT)
    if finished.returncode:
        # The log lives in a temporary directory that is gone once the run stops.
        raise RuntimeError(f"`{' '.join(command)}` failed; its log ends with:\n{log.read_text()[-3000:]}")
    return time.monotonic() - start


def build_stock(project_dir: Path) -> Tuple[float, Path]:
    """Seconds `rasa init` took (it trains the stock model), and that model."""
    project_dir.mkdir(parents=True)
    seconds = timed_run([str(VENV_BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(project_dir)],
                        project_dir, project_dir.parent / "stock-init.log",
                        rasa_environment(project_dir.parent / "stock-cache"))
    (model,) = (project_dir / "models").glob("*.tar.gz")
    return seconds, model


def train_project(out_dir: Path, data: Path = ROOT / "data", finetune: Optional[Path] = None) -> float:
    """Seconds the project's training took, with the options scripts/train.sh uses;
    finetune: the model to start from, as `make train FINETUNE=1` does."""
    command = [*RASA_WITH_SPEEDUPS, "train", "--force", "--skip-validation", "--augmentation", "0",
               "--config", "config.yml", "--domain", "domain.yml", "--data", str(data), "--out", str(out_dir),
               *(["--finetune", str(finetune), "--epoch-fraction", FINETUNE_EPOCH_FRACTION] if finetune else [])]
    return timed_run(command, ROOT, out_dir.parent / "project-train.log",
                     rasa_environment(out_dir.parent / "project-cache"))


def edit_one_answer(answers: Path) -> None:
    """Changes the text of the first FAQ answer, as content staff would."""
    for path in sorted(answers.glob("*.yml")):
        content = yaml.safe_load(path.read_text())
        for name, variants in (content.get("responses") or {}).items():
            if name.startswith("utter_faq/"):
                variants[0]["text"] += " (Edited.)"
                path.write_text(yaml.safe_dump(content, sort_keys=False, allow_unicode=True))
                return
    raise ValueError(f"no FAQ answer in {answers}")


def retrain_after_answer_edit(out_dir: Path) -> float:
    """Seconds to retrain, from the model a full training left in out_dir, once one
    answer's text changed."""
    (model,) = out_dir.glob("*.tar.gz")
    edited = out_dir.parent / "data-edited"
    shutil.copytree(ROOT / "data", edited)
    edit_one_answer(edited / "answers")
    return train_project(out_dir.parent / "project-retrained", edited, finetune=model)


def stock_messages(project_dir: Path) -> List[str]:
    """The stock assistant's own phrases ("hello", "I am sad", "yes", ...) from its NLU data."""
    nlu = yaml.safe_load((project_dir / "data" / "nlu.yml").read_text())["nlu"]
    return [line[2:] for item in nlu for line in item["examples"].splitlines() if line.startswith("- ")]


def process_tree(pid: int) -> List[int]:
    """pid and all its descendants."""
    children: Dict[int, List[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):  # the process ended meanwhile
            continue
        children.setdefault(parent, []).append(int(stat.parent.name))
    tree, pending = [], [pid]
    while pending:
        tree.append(pending.pop())
        pending += children.get(tree[-1], [])
    return tree


def peak_rss_kib(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0)


def peak_rss_mib(server: Server) -> float:
    """Summed over the server's processes (each Sanic worker is one, and counts the pages
    it shares with the others again)."""
    return sum(peak_rss_kib(pid) for pid in process_tree(server.process.pid)) / 1024


def median_round(rounds: Sequence[Traffic]) -> Traffic:
    """The round of median throughput (of an even number, the slower middle one)."""
    return sorted(rounds, key=lambda traffic: traffic.throughput)[(len(rounds) - 1) // 2]


def measure_server(start: Callable[[], ContextManager[RunningAssistant]], messages: Sequence[str],
                   plan: Plan) -> ServerRun:
    started = time.monotonic()
    with start() as assistant:
        cold_start = time.monotonic() - started
        sequential(assistant, messages, plan.warm_up)
        one_by_one = sequential(assistant, messages, plan.sequential)
        at_once = median_round([concurrent(assistant, messages, plan.clients, plan.concurrent, plan.max_seconds)
                                for _ in range(plan.rounds)])
        return ServerRun(cold_start, one_by_one, at_once, peak_rss_mib(assistant.rasa),
                         peak_rss_mib(assistant.actions) if assistant.actions else None)


def measure_speed(plan: Plan, workdir: Path, project_model: Path, project_messages: Sequence[str]) -> Speed:
    stock_dir = workdir / "stock"
    stock_training, stock_model = build_stock(stock_dir)
    project_training = train_project(workdir / "project-models") if plan.train_project else None
    project_retraining = retrain_after_answer_edit(workdir / "project-models") if plan.train_project else None
    stock_said = stock_messages(stock_dir)
    stock = AssistantSpeed(len(stock_said), stock_training, stock_model.stat().st_size / MIB,
                           measure_server(lambda: running_rasa(stock_model, stock_dir), stock_said, plan))
    model_mib = project_model.stat().st_size / MIB
    project = AssistantSpeed(len(project_messages), project_training, model_mib,
                             measure_server(lambda: running_assistant(project_model), project_messages, plan),
                             project_retraining)
    with running_redis(workdir) as redis:
        workers = measure_server(lambda: running_assistant(project_model, stores=lock_store(redis.port),
                                                           env={"SANIC_WORKERS": str(plan.workers)}),
                                 project_messages, plan)
    return Speed(plan, project, stock, AssistantSpeed(len(project_messages), None, model_mib, workers))
