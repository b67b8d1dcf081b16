"""Shared test settings: hypothesis profiles and helpers to run scripts as a user would."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

settings.register_profile(
    "default",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# CI draws from the seed `.ci/run` derives from the commit (--hypothesis-seed), and keeps no
# example database, so that a run depends on its commit alone and replays from it.
settings.register_profile("ci", settings.get_profile("default"), database=None, print_blob=True)
# Mutation testing runs each law once for every mutant: a quarter of the examples keeps a run
# of thousands of mutants within hours (see the README's development notes).
settings.register_profile("mutation", settings.get_profile("ci"), max_examples=25)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def run_python(
    *args: str | Path, cwd: Path | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run a Python script or module in a subprocess with this checkout's `src` importable."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=timeout,
        check=False,
    )


def load_script(path: Path) -> ModuleType:
    """The script at `path` imported as a module (without running its main), to test what it
    builds."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


import pytest  # noqa: E402


@pytest.fixture
def seed_budget():  # type: ignore[no-untyped-def]
    """The seed page, prestatie 7.2.3 of Begroting 2017, as the example script builds it."""
    return load_script(EXAMPLES / "prestatie_7_2_3.py").build_budget()


@pytest.fixture(scope="session")
def soffice_installed() -> None:
    """LibreOffice is installed; see `libreoffice.require_soffice`."""
    from libreoffice import require_soffice

    require_soffice()


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command and the examples speak English in tests that read their messages, the
    language the messages are written in; the tests of the Dutch default (test_language.py)
    remove this setting."""
    monkeypatch.setenv("PRESTATIE_LANG", "en")
