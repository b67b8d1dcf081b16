"""The README's first screen and its code run as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT


def _readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_python_snippet_in_the_readme_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Snippets name files as seen from a checkout; what they write lands in tmp_path.
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)
    snippets = re.findall(r"```python\n(.*?)```", _readme(), flags=re.S)
    assert snippets
    for snippet in snippets:
        exec(compile(snippet, "README.md", "exec"), {})


def test_the_readme_test_command_is_the_one_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    first_screen = "\n".join(_readme().splitlines()[:15])
    assert ".venv/bin/python -m pytest" in first_screen
    assert "\n.venv/bin/python -m pytest\n" in ci
