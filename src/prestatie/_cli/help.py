"""The command's help in the language the command runs in.

Each help text, metavar and example heading is written in English and marked with `N_`; the
classes here keep it so, and give it in the command's language when click formats the help
or a usage error. The group finds the language (`--lang`, PRESTATIE_LANG, else Dutch) before
click parses anything, so that `--help`, which click handles as soon as it sees it, and
click's own errors speak it too.
"""

from __future__ import annotations

import functools
import gettext
import sys
from collections.abc import Callable, Sequence
from typing import Any

import click

from prestatie import LANGUAGES
from prestatie._cli.language import N_, _, ngettext, speaking

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
        chosen = self._language(sys.argv[1:] if args is None else args)
        with speaking(chosen):
            return super().main(args, *rest, **extra)

    def _language(self, args: Sequence[str]) -> str:
        """The language `args` or the environment choose, read by the group's own options
        (and so as click will read them), without acting on them; Dutch when none does."""
        try:
            with self.make_context(
                "prestatie", list(args), resilient_parsing=True, ignore_unknown_options=True
            ) as probe:
                chosen = probe.params.get("language")
        except click.ClickException:  # an error that the run itself reports
            chosen = None
        chosen = _last_language(args) or chosen
        return chosen.lower() if isinstance(chosen, str) else "nl"


def _last_language(args: Sequence[str]) -> str | None:
    """The last known language that a --lang in `args` names, before or after the command;
    an unknown one is left to the command's own --lang to report."""
    chosen = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else None
        if arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        if value is not None and value.lower() in LANGUAGES:
            chosen = value.lower()
    return chosen


def version_option(version: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--version: print the program's name and version."""

    def show(context: click.Context, parameter: click.Parameter, value: bool) -> None:
        if value and not context.resilient_parsing:
            click.echo(_("prestatie, version {version}").format(version=version))
            context.exit()

    return option(
        "--version",
        is_flag=True,
        expose_value=False,
        is_eager=True,
        callback=show,
        help=N_("Show the version and exit."),
    )
