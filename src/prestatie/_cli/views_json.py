"""The result of `summary`, `diff` and `progress` as JSON (`--json`), in the manner of the
budget's JSON form: amounts as exact strings, codes as text, enums as their Dutch labels."""

from __future__ import annotations

import decimal
import enum
import json
from typing import Any

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
JSON_HELP = N_("Print the result as JSON (amounts as exact strings) instead of text.")


def echo_json(value: Any) -> None:
    """`value` as indented JSON on stdout."""
    click.echo(json.dumps(VIEWS.unstructure(value), ensure_ascii=False, indent=2))
