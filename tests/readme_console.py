"""The README's console blocks: each `$ command` is run in one fresh folder, in order, and
must print what the README shows under it (stdout and stderr as a terminal shows them).

`python tests/readme_console.py` re-runs them and pastes the real output into README.md.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"```console\n(.*?)```\n", flags=re.S)


def _shim(folder: Path) -> dict[str, str]:
    """An environment where `prestatie` is this checkout's command."""
    bin_dir = folder / ".bin"
    bin_dir.mkdir()
    script = bin_dir / "prestatie"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m prestatie "$@"\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    env = dict(os.environ)
    env["PATH"] = str(bin_dir) + os.pathsep + env.get("PATH", "")
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONIOENCODING"] = "utf-8"
    env["COLUMNS"] = "100"
    env.pop("PRESTATIE_LANG", None)  # as a user runs it: in Dutch, the command's default
    return env


def _run(command: str, folder: Path, env: dict[str, str]) -> str:
    done = subprocess.run(
        ["bash", "-c", command],
        cwd=folder,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # one pipe keeps the order: click flushes every line
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    return done.stdout


def commands(text: str) -> list[tuple[str, str]]:
    """Each command of the README's console blocks, with the output shown under it."""
    pairs = []
    for block in BLOCK.findall(text):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = chunk.partition("\n")
            pairs.append((command, output))
    return pairs


def rerun(text: str) -> str:
    """`text` with the output under each console command replaced by a fresh run's."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "examples").symlink_to(ROOT / "examples")
        env = _shim(folder)

        def block(match: re.Match[str]) -> str:
            lines = []
            for command, _ in commands(match.group(0)):
                lines.append(f"$ {command}\n{_run(command, folder, env)}")
            return "```console\n" + "".join(lines) + "```\n"

        return BLOCK.sub(block, text)


if __name__ == "__main__":
    readme = ROOT / "README.md"
    readme.write_text(rerun(readme.read_text(encoding="utf-8")), encoding="utf-8")
