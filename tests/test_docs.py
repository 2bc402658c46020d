"""README.md is the user's manual: what users run and set must be in it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SOURCE_DIRS = ("geo", "incidents", "dashboard", "pages")
ENV_PATTERN = re.compile(r"""(?:os\.environ\.get|os\.getenv|os\.environ\[)\(?\s*["']([A-Z][A-Z0-9_]+)["']""")


def _python_files() -> list[Path]:
    files = [ROOT / "app.py"]
    for folder in SOURCE_DIRS:
        files.extend(sorted((ROOT / folder).rglob("*.py")))
    return [f for f in files if f.exists()]


@pytest.mark.parametrize(
    "command",
    [
        "streamlit run app.py",
        "bash scripts/test.sh",
        "python -m geo geocode",
        "python -m geo find",
        "python -m geo reverse",
        "python -m incidents ingest",
        "python -m incidents export",
        "python -m incidents list",
        "python -m incidents worker",
        "python -m incidents db upgrade",
    ],
)
def test_readme_documents_command(command: str) -> None:
    assert command in README


def test_every_environment_variable_is_documented() -> None:
    names = {m for f in _python_files() for m in ENV_PATTERN.findall(f.read_text(encoding="utf-8"))}
    missing = sorted(n for n in names if n not in README)
    assert not missing, f"environment variables used in code but not in README.md: {missing}"


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/test.sh" in ci
    assert "bash scripts/test.sh" in README


@pytest.mark.parametrize("name", ["requirements.txt", "requirements-dev.txt"])
def test_requirements_are_pinned_exactly(name: str) -> None:
    lines = [ln.split("#")[0].strip() for ln in (ROOT / name).read_text().splitlines()]
    specs = [ln for ln in lines if ln and not ln.startswith("-r")]
    assert specs
    loose = [s for s in specs if "==" not in s]
    assert not loose, f"{name} has unpinned requirements: {loose}"


def test_readme_credits_the_data() -> None:
    for credit in ("GeoNames", "CC-BY 4.0", "Natural Earth"):
        assert credit in README
