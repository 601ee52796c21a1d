"""The packages' imports point one way, and the pure packages stay free of Rasa."""
import ast
from pathlib import Path
from typing import Dict, Set

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = sorted(path.parent.name for path in ROOT.glob("*/__init__.py") if path.parent.name != "tests")
PURE = ("membership", "language")  # plain Python: usable and testable without Rasa


def imported_modules(package: str) -> Set[str]:
    names = set()
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
    return names


def project_imports() -> Dict[str, Set[str]]:
    return {package: {name.split(".")[0] for name in imported_modules(package)} & set(PACKAGES) - {package}
            for package in PACKAGES}


def test_no_two_packages_import_each_other_even_through_others():
    graph = project_imports()

    def reaches(start: str, seen: Set[str]) -> Set[str]:
        for target in graph[start] - seen:
            seen.add(target)
            reaches(target, seen)
        return seen

    cycles = [package for package in PACKAGES if package in reaches(package, set())]
    assert cycles == [], f"packages on an import cycle: {cycles} ({graph})"


@pytest.mark.parametrize("package", PURE)
def test_the_pure_packages_import_no_rasa(package):
    rasa = {name for name in imported_modules(package) if name.split(".")[0] in ("rasa", "rasa_sdk", "tensorflow")}
    assert rasa == set()
