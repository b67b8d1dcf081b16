"""The command's help in the language the command runs in.

Each help text, metavar and example heading is written in English and marked with `N_`; the
classes here keep it so, and give it in the command's language when click formats the help
or a usage error. The group finds the language (`chosen_language`) before click parses
anything, so that `--help`, which click handles as soon as it sees it, and click's own errors
speak it too.
"""

from __future__ import annotations

import functools
import gettext
import sys
from collections.abc import Callable, Sequence
from typing import Any

import click

from prestatie._cli.language import N_, _, chosen_language, ngettext, speaking

_SHOW_HELP = "Show this message and exit."
"""Click's help text for --help, from click's catalogue."""


class _English:
    """An attribute that keeps a text as written (English, marked for the catalogue) and
    gives it in the command's language."""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = f"_english_{name}"

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        if instance is None:
            return self
        text = vars(instance).get(self._name)
        return _(text) if isinstance(text, str) and text else text

    def __set__(self, instance: object, value: Any) -> None:
        vars(instance)[self._name] = value


class Option(click.Option):
    """An option whose help, metavar and shown default are given in the command's language."""

    help = _English()
    metavar = _English()
    show_default = _English()


class Argument(click.Argument):
    """An argument whose metavar is given in the command's language."""

    metavar = _English()


option = functools.partial(click.option, cls=Option)
argument = functools.partial(click.argument, cls=Argument)


class Command(click.Command):
    """A command whose help is given in the command's language, with its examples last."""

    help = _English()
    short_help = _English()
    options_metavar = _English()

    def __init__(self, *args: Any, examples: Sequence[str] = (), **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", N_("[OPTIONS]"))
        super().__init__(*args, **kwargs)
        self.examples = tuple(examples)
        """Command lines that show how the command is used, one a line."""

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        found = super().get_help_option(ctx)
        if found is not None:
            # Click makes it once, in the language of the first run: say it in this run's.
            found.help = gettext.gettext(_SHOW_HELP)
        return found

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_epilog(ctx, formatter)
        if self.examples:
            heading = ngettext("Example", "Examples", len(self.examples))
            with formatter.section(heading):
                for line in self.examples:  # as written: a command line is not rewrapped
                    formatter.write(f"{'':>{formatter.current_indent}}{line}\n")


class Group(Command, click.Group):
    """The group of commands: it speaks the language chosen on its command line, or in
    PRESTATIE_LANG, from before it parses its arguments until it is done."""

    subcommand_metavar = _English()
    command_class = Command

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("subcommand_metavar", N_("COMMAND [ARGS]..."))
        super().__init__(*args, **kwargs)

    def main(self, args: Sequence[str] | None = None, *rest: Any, **extra: Any) -> Any:
        with speaking(chosen_language(sys.argv[1:] if args is None else args)):
            return super().main(args, *rest, **extra)


def version_option(version: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--version: print the program's name and version. Not eager, unlike click's own, so that
    the eager --lang is checked first: an unknown language is an error here too."""

    def show(context: click.Context, parameter: click.Parameter, value: bool) -> None:
        if value and not context.resilient_parsing:
            click.echo(_("prestatie, version {version}").format(version=version))
            context.exit()

    return option(
        "--version",
        is_flag=True,
        expose_value=False,
        callback=show,
        help=N_("Show the version and exit."),
    )
