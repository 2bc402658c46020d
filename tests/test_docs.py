"""README.md is the user's manual: what users run and set must be in it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SOURCE_DIRS = ("geo", "incidents", "dashboard", "pages", "bench")
BENCH_NAMED = re.compile(r"python3? (bench/[\w-]+\.py)")
ENV_PATTERN = re.compile(r"""(?:os\.environ\.get|os\.getenv|os\.environ\[)\(?\s*["']([A-Z][A-Z0-9_]+)["']""")


def _python_files() -> list[Path]:
    files = [ROOT / "app.py"]
    for folder in SOURCE_DIRS:
        files.extend(sorted((ROOT / folder).rglob("*.py")))
    return [f for f in files if f.exists()]


@pytest.mark.parametrize(
    "command",
    [
        "bash scripts/run.sh",
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


def test_the_two_commands_use_a_virtualenv_not_the_system_python() -> None:
    """Debian's python3 refuses pip outside a virtualenv: both commands make or use one."""
    for script in ("run.sh", "test.sh"):
        text = (ROOT / "scripts" / script).read_text(encoding="utf-8")
        assert "source scripts/venv.sh" in text and "ensure_venv" in text
        assert "python3 -m pip" not in text
    venv = (ROOT / "scripts" / "venv.sh").read_text(encoding="utf-8")
    assert "python3 -m venv" in venv and "python3-venv" in venv
    assert "streamlit run app.py" in (ROOT / "scripts" / "run.sh").read_text(encoding="utf-8")
    assert "bash scripts/run.sh" in README.split("## What it does")[0]


def test_readme_says_what_shared_is_and_that_nothing_needs_it() -> None:
    intro = README.split("## What it does")[0]
    assert "../shared/" in intro and "run without it" in intro


def test_the_limits_are_stated_once_and_shown_the_same() -> None:
    """README shows incidents/limits.py's own sentence; config.toml's upload limit is the same number."""
    import tomllib

    from incidents import limits

    block = README.split("<!-- limits:start -->")[1].split("<!-- limits:end -->")[0]
    assert block.strip() == limits.describe()
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == limits.MAX_FILE_MB
    stated = re.findall(r"(?:[Uu]pload\w*|a file)\D{0,60}?(\d+) MB", README)
    assert stated and set(stated) == {str(limits.MAX_FILE_MB)}, stated


def _bench_scripts_named_in_readme() -> list[str]:
    return sorted(set(BENCH_NAMED.findall(README)))


def test_readme_names_bench_scripts_and_its_table_comes_from_run_all() -> None:
    named = _bench_scripts_named_in_readme()
    assert "bench/run_all.py" in named and len(named) >= 3
    assert "<!-- bench-table:start -->" in README and "<!-- bench-table:end -->" in README
    from bench.run_all import scripts

    assert {f"bench/{p.name}" for p in scripts()} >= {n for n in named if n != "bench/run_all.py"}


@pytest.mark.parametrize("script", _bench_scripts_named_in_readme())
def test_every_bench_script_named_in_readme_exists_and_runs(script: str, tmp_path) -> None:
    """A smoke run on tiny inputs (BENCH_SMOKE=1): it still runs and prints the machine; not timed."""
    import os
    import subprocess
    import sys

    path = ROOT / script
    assert path.is_file(), f"README names {script}, which does not exist"
    if script == "bench/run_all.py":
        out = str(tmp_path / "t.md")
        args = [sys.executable, str(path), "--smoke", "--only", "export_bench", "--out", out]
    else:
        args = [sys.executable, str(path)]
    env = {**os.environ, "BENCH_SMOKE": "1", "BENCH_RESULTS": str(tmp_path / "figures.jsonl")}
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "machine: " in done.stdout and "date: " in done.stdout
    if script == "bench/run_all.py":
        table = (tmp_path / "t.md").read_text(encoding="utf-8")
        assert table.startswith("Measured ") and "| export 200 incidents to CSV |" in table
