"""What the command shows on stderr while it works: a spinner with a message during a slow
step (only on a terminal), and warnings as plain lines that do not garble it."""

from __future__ import annotations

import contextlib
import itertools
import sys
import threading
from collections.abc import Iterator
from typing import Any, TextIO

import click

from prestatie import WorkbookWarning
from prestatie._cli.language import _, language

FRAMES = "|/-\\"
DELAY = 0.5  # seconds before an indicator appears: quick reads and writes show none


class Indicator:
    """A spinner with a message on stderr while a slow step runs, only on a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.lock = threading.Lock()
        self.shown = False

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False

    @contextlib.contextmanager
    def running(self, message: str) -> Iterator[None]:
        if not self.stream.isatty():
            yield
            return
        done = threading.Event()

        def spin() -> None:
            if done.wait(DELAY):
                return
            for frame in itertools.cycle(FRAMES):
                with self.lock:
                    if done.is_set():
                        return
                    self.stream.write(f"\r{frame} {message}")
                    self.stream.flush()
                    self.shown = True
                if done.wait(0.1):
                    return

        thread = threading.Thread(target=spin, daemon=True)
        thread.start()
        try:
            yield
        finally:
            done.set()
            thread.join()
            with self.lock:
                self.clear()


INDICATOR = Indicator(sys.stderr)


def busy(message: str) -> Any:
    INDICATOR.stream = sys.stderr  # as it is now: test runners swap the streams
    return INDICATOR.running(message)


def show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    text = message.render(language()) if isinstance(message, WorkbookWarning) else message
    with INDICATOR.lock:
        INDICATOR.clear()
        click.echo(_("Warning: {message}").format(message=text), err=True)
