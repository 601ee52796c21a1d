"""The report: Markdown for people, JSON for tools, with the machine it was measured on."""
import dataclasses
import json
import os
from datetime import datetime, timezone
from decimal import Decimal
from importlib.metadata import version
from pathlib import Path
from typing import Callable, Dict, List, NamedTuple, Optional

import speedups
from bench.accuracy import Accuracy, Failure
from bench.real_visitors import BOUNDARY, DID_YOU_MEAN, INCOMPLETE, RIGHT, WRONG, RealVisitorScore
from bench.metrics import Score
from bench.speed import AssistantSpeed, Speed

MISSING = "n/a"


class Row(NamedTuple):
    label: str
    value: Callable[[AssistantSpeed], Optional[float]]
    form: str


SPEED_ROWS = [
    Row("Full training time (s)", lambda a: a.training_s, "{:.0f}"),
    Row("Retraining after an answer's text changed, FINETUNE=1 (s)", lambda a: a.retraining_s, "{:.0f}"),
    Row("Model size on disk (MiB)", lambda a: a.model_mib, "{:.1f}"),
    Row("Cold start to first answer (s)", lambda a: a.server.cold_start_s, "{:.1f}"),
    Row("Latency p50, sequential (ms)", lambda a: a.server.sequential.p50_ms, "{:.0f}"),
    Row("Latency p95, sequential (ms)", lambda a: a.server.sequential.p95_ms, "{:.0f}"),
    Row("Throughput, concurrent clients (msg/s)", lambda a: a.server.concurrent.throughput, "{:.1f}"),
    Row("Latency p95, concurrent clients (ms)", lambda a: a.server.concurrent.p95_ms, "{:.0f}"),
    Row("Peak RSS, Rasa server (MiB)", lambda a: a.server.rasa_peak_rss_mib, "{:.0f}"),
    Row("Peak RSS, action server (MiB)", lambda a: a.server.actions_peak_rss_mib, "{:.0f}"),
    Row("Peak RSS, all servers (MiB)",
        lambda a: a.server.rasa_peak_rss_mib + (a.server.actions_peak_rss_mib or 0), "{:.0f}"),
]


def machine() -> Dict[str, object]:
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), MISSING)
    mem_kib = next(int(line.split()[1]) for line in meminfo if line.startswith("MemTotal:"))
    return {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "nproc": os.cpu_count(),
            "cpu": cpu, "memory_gib": round(mem_kib / 1024 ** 2, 1), "rasa": version("rasa"),
            "speedups": "on" if speedups.enabled() else "off"}


def ratio(project: Optional[float], stock: Optional[float]) -> Optional[float]:
    return project / stock if project is not None and stock else None


def shown(value: Optional[float], form: str) -> str:
    return MISSING if value is None else form.format(value)


def speed_table(speed: Speed) -> List[Dict[str, Optional[float]]]:
    def line(row: Row) -> Dict[str, Optional[float]]:
        project, workers, stock = (row.value(a) for a in (speed.project, speed.project_workers, speed.stock))
        return {"metric": row.label, "project": project, "project_workers": workers, "stock": stock,
                "ratio": ratio(project, stock), "workers_ratio": ratio(workers, stock)}

    return [line(row) for row in SPEED_ROWS]


def markdown_table(header: List[str], rows: List[List[str]]) -> List[str]:
    cells = [[cell.replace("|", "\\|").replace("\n", " / ") for cell in row] for row in rows]
    return [f"| {' | '.join(header)} |", f"|{'---|' * len(header)}", *(f"| {' | '.join(row)} |" for row in cells)]


def speed_markdown(speed: Speed) -> List[str]:
    rows = [[line["metric"], shown(line["project"], row.form), shown(line["project_workers"], row.form),
             shown(line["stock"], row.form), shown(line["ratio"], "{:.2f}x"), shown(line["workers_ratio"], "{:.2f}x")]
            for line, row in zip(speed_table(speed), SPEED_ROWS)]
    plan = speed.plan
    workers = f"project, {plan.workers} workers"
    return ["## Speed: this assistant against a stock `rasa init` assistant", "",
            *markdown_table(["", "project", workers, "stock", "project / stock", f"{workers} / stock"], rows), "",
            f"Project, {plan.workers} workers: the same model served by {plan.workers} Sanic workers "
            "(SANIC_WORKERS) with a Redis lock store; its memory is the sum over the workers. "
            "Training: the project's `python -m speedups train --force` and the stock's `rasa init --no-prompt` "
            "(which trains it), each with an empty cache of its own; retraining: the project's "
            "`python -m speedups train --finetune` from that model for a fifth of the epochs, after one answer's "
            "text changed. "
            f"Sequential: {plan.sequential} messages after {plan.warm_up} unmeasured. Concurrent: "
            f"{plan.clients} clients, {plan.concurrent} messages or {plan.max_seconds:.0f} s, whichever ends first, "
            f"{plan.rounds} rounds per server, the round of median throughput reported. "
            f"Every message from a sender of its own. Project: {speed.project.messages} held-out FAQ messages; "
            f"stock: the {speed.stock.messages} phrases of its own NLU data. Messages sent / unanswered / "
            "answered without a reply (counted as handled: the stock bot, off its stories, often says nothing): "
            f"project {traffic_counts(speed.project)}, {workers} {traffic_counts(speed.project_workers)}, "
            f"stock {traffic_counts(speed.stock)}.", ""]


def traffic_counts(assistant: AssistantSpeed) -> str:
    return " + ".join(f"{t.sent}/{t.errors}/{t.silent}" for t in (assistant.server.sequential, assistant.server.concurrent))


def below_full_marks(accuracy: Accuracy) -> List[List[str]]:
    baseline = accuracy.baseline.per_topic
    return [[topic, str(score.total), f"{score.rate:.0%}", f"{accuracy.answers.per_topic[topic].rate:.0%}",
             f"{baseline[topic].rate:.0%}" if topic in baseline else MISSING]
            for topic, score in accuracy.nlu.per_topic.items()
            if score.rate < 1 or accuracy.answers.per_topic[topic].rate < 1]


def failure_rows(failures: List[Failure], limit: int = 240) -> List[List[str]]:
    return [[f.message, f.expected, f.got if len(f.got) <= limit else f.got[:limit] + "..."] for f in failures]


def accuracy_markdown(accuracy: Accuracy) -> List[str]:
    summary = [
        ["NLU: intent, or faq/<key> from the response selector", str(accuracy.nlu.overall)],
        ["NLU: macro F1 over the expected labels", f"{accuracy.nlu.macro_f1:.3f}"],
        ["Answer end to end over REST: all messages", str(accuracy.answers.overall)],
        ["Answer end to end over REST: FAQ messages", str(accuracy.answers_on_faq)],
        ["Baseline, TF-IDF over the page's sections: FAQ messages", str(accuracy.baseline.overall)],
        ["Baseline ceiling: a page section holds the key facts at all", str(accuracy.baseline_ceiling)],
        ["Dollar amounts in replies: checked / invented",
         f"{accuracy.figures.amounts_checked} / {len(accuracy.figures.violations)}"],
    ]
    return ["## Answer accuracy on the held-out set", "",
            f"{accuracy.messages} messages from tests/heldout/faq.yml, none of them trained on.", "",
            *markdown_table(["", "result"], summary), "",
            "### Topics below 100% (NLU or answer)", "",
            *markdown_table(["topic", "messages", "NLU", "answer", "baseline"], below_full_marks(accuracy)), "",
            *failures_markdown("Wrong answers (end to end)", ["message", "expected topic", "reply"],
                               accuracy.answers.failures),
            *failures_markdown("Wrong NLU labels", ["message", "expected", "predicted"], accuracy.nlu.failures),
            *failures_markdown("Invented dollar amounts", ["message", "allowed", "found"],
                               accuracy.figures.violations)]


def real_visitors_markdown(score: RealVisitorScore) -> List[str]:
    outcomes = [[outcome, str(score.outcomes.get(outcome, 0)), f"{score.outcomes.get(outcome, 0) / score.total:.1%}"]
                for outcome in (RIGHT, WRONG, DID_YOU_MEAN, BOUNDARY, INCOMPLETE)]
    kinds = [[kind, f"{right} / {total}", f"{right / total:.0%}"] for kind, (right, total) in sorted(score.by_kind.items())]
    misses = [[text, verdict.outcome, verdict.detail] for text, verdict in score.misses]
    return ["## Real visitors", "",
            f"{score.total} messages from tests/heldout/real_visitors.yml, adapted from public posts and never "
            "trained on, each sent alone over REST and judged by what its writer needed. A wrong answer answers "
            "another question (or places the visitor in the wrong category).", "",
            *markdown_table(["outcome", "messages", "share"], outcomes), "",
            *markdown_table(["kind of message", "right", "share"], kinds), "",
            *markdown_table(["message", "outcome", "detail"], misses), ""]


def failures_markdown(title: str, header: List[str], failures: List[Failure]) -> List[str]:
    if not failures:
        return [f"### {title}: none", ""]
    return [f"### {title} ({len(failures)})", "", *markdown_table(header, failure_rows(failures)), ""]


def machine_markdown(facts: Dict[str, object]) -> List[str]:
    return ["# Benchmark report", "",
            f"{facts['date']}; {facts['nproc']} cores, {facts['cpu']}, {facts['memory_gib']} GiB; "
            f"Rasa {facts['rasa']}, the project's speed-ups {facts['speedups']} (ASSISTANT_SPEEDUPS). "
            "One run: single medians and ratios, no averaging over runs.", ""]


def to_markdown(report: Dict[str, object]) -> str:
    lines = machine_markdown(report["machine"])
    if "accuracy" in report:
        lines += accuracy_markdown(report["accuracy"])
    if "real_visitors" in report:
        lines += real_visitors_markdown(report["real_visitors"])
    if "speed" in report:
        lines += speed_markdown(report["speed"])
    return "\n".join(lines)


def _jsonable(value):
    if isinstance(value, Score):
        return {"correct": value.correct, "total": value.total, "rate": value.rate}
    if dataclasses.is_dataclass(value):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def to_json(report: Dict[str, object]) -> str:
    tables = {"speed_table": speed_table(report["speed"])} if "speed" in report else {}
    return json.dumps({**report, **tables}, default=_jsonable, indent=2, ensure_ascii=False)


def write(report: Dict[str, object], out_dir: Path) -> str:
    """Writes report.md and report.json; returns the Markdown."""
    out_dir.mkdir(parents=True, exist_ok=True)
    markdown = to_markdown(report)
    (out_dir / "report.md").write_text(markdown + "\n")
    (out_dir / "report.json").write_text(to_json(report) + "\n")
    return markdown
