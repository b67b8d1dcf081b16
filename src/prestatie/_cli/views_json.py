"""The result of `summary`, `diff` and `progress` as JSON (`--json`), in the manner of the
budget's JSON form: amounts as exact strings, codes as text, enums as their Dutch labels."""

from __future__ import annotations

import decimal
import enum
import json
from collections.abc import Callable
from typing import TypeVar

import cattrs
import click

from prestatie import Code
from prestatie._cli.language import N_


def views_converter() -> cattrs.Converter:
    """Unstructures a summary, diff or progress report as the JSON form writes a budget:
    amounts as exact strings, codes as text, enums as their Dutch labels."""
    converter = cattrs.Converter()
    converter.register_unstructure_hook(decimal.Decimal, str)
    converter.register_unstructure_hook(Code, str)
    converter.register_unstructure_hook_func(
        lambda kind: isinstance(kind, type) and issubclass(kind, enum.Enum),
        lambda member: member.value,
    )
    return converter


VIEWS = views_converter()
T = TypeVar("T")

JSON_HELP = N_("Print the result as JSON (amounts as exact strings) instead of text.")


def echo_view(value: T, as_json: bool, render: Callable[[T], str]) -> None:
    """`value` on stdout: as indented JSON, or as `render` gives it to people."""
    if as_json:
        click.echo(json.dumps(VIEWS.unstructure(value), ensure_ascii=False, indent=2))
    else:
        click.echo(render(value))
