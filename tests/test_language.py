"""Messages in Dutch and English: the catalogue holds a Dutch text for every message the source
marks, the package ships it, the command and the examples speak Dutch unless told otherwise,
and a problem renders in either language."""

from __future__ import annotations

import ast
import datetime
import gettext
import io
import json
import os
import string
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import click
import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po
from click.testing import CliRunner

from conftest import ROOT, run_python
from prestatie import (
    LANGUAGES,
    Budget,
    InvalidValueError,
    Problem,
    Programme,
    check_budget,
    translation,
    write_workbook,
)
from prestatie._cli import main
from prestatie._cli.help import Argument, Command, Option
from prestatie._cli.language import chosen_language, speaking
from prestatie._errors import describe
from prestatie._language import N_

PACKAGE = (ROOT / "babel.cfg", ROOT / "src" / "prestatie" / "locale", "prestatie")
EXAMPLES = (ROOT / "examples" / "babel.cfg", ROOT / "examples" / "locale", "examples")
CATALOGUES = pytest.mark.parametrize(
    ("config", "locale", "domain"), [PACKAGE, EXAMPLES], ids=["prestatie", "examples"]
)
COMPILED = pytest.mark.parametrize(
    ("locale", "domain"),
    [PACKAGE[1:], EXAMPLES[1:], (ROOT / "src" / "prestatie" / "locale", "click")],
    ids=["prestatie", "examples", "click"],
)
"""The package's catalogue and the example scripts' own: how `pybabel extract` finds their
messages (the mapping file), where the catalogue is, and its domain."""


def _ignored(directory: str) -> bool:
    """The directories `pybabel extract --ignore-dirs=".* __pycache__"` leaves out."""
    name = os.path.basename(directory)
    return name.startswith(".") or name == "__pycache__"


def extracted(config: Path) -> dict[str | tuple[str, ...], list[str]]:
    """Every message the source marks, as `pybabel extract -F CONFIG` finds it, with the
    files it is in."""
    with config.open() as file:
        method_map, options_map = parse_mapping_cfg(file)
    found: dict[str | tuple[str, ...], list[str]] = {}
    for filename, _, message, _, _ in extract_from_dir(
        ROOT, method_map, options_map, directory_filter=lambda path: not _ignored(path)
    ):
        found.setdefault(message, []).append(filename)
    return found


def catalogue(locale: Path, domain: str) -> Catalog:
    with (locale / "nl" / "LC_MESSAGES" / f"{domain}.po").open("rb") as file:
        return read_po(file)


def _fields(text: str) -> list[tuple[str, str | None, str | None]]:
    """The placeholders of a template: name, conversion and format spec, sorted."""
    return sorted(
        (name, conversion, spec)
        for _, name, spec, conversion in string.Formatter().parse(text)
        if name is not None
    )


def _translated(message: Message) -> Iterator[tuple[str, str]]:
    """Each form of the message with its Dutch form."""
    ids = message.id if isinstance(message.id, tuple) else (message.id,)
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    for i, text in enumerate(strings):
        yield ids[min(i, len(ids) - 1)], text


# -- the catalogue ---------------------------------------------------------------------------


@CATALOGUES
def test_every_marked_message_has_a_dutch_text_with_the_same_placeholders(
    config: Path, locale: Path, domain: str
) -> None:
    """A message added to the source without its Dutch text in the catalogue fails here (run
    the pybabel commands of the README's "Language" section, then write the Dutch)."""
    source = extracted(config)
    assert source, "no marked messages found: is babel.cfg read?"
    lacking, placeholders = _dutch_of(source, catalogue(locale, domain))
    assert not lacking, "messages without Dutch:\n" + "\n".join(lacking)
    assert all(dutch == english for english, dutch in placeholders.values()), placeholders


def _dutch_of(
    source: dict[str | tuple[str, ...], list[str]], dutch: Catalog
) -> tuple[list[str], dict[str, tuple[list[object], list[object]]]]:
    """The messages of `source` that lack a Dutch text in `dutch` (or have a fuzzy one), and
    the placeholders of each form of the others, in English and in Dutch."""
    lacking = []
    placeholders = {}
    for msgid, files in source.items():
        message = dutch.get(_singular(msgid))
        if message is None or message.fuzzy or not all(text for _, text in _translated(message)):
            lacking.append(f"{files[0]}: {msgid!r}")
            continue
        for english, text in _translated(message):
            placeholders[text] = (list(_fields(english)), list(_fields(text)))
    return lacking, placeholders


def _singular(msgid: str | tuple[str, ...]) -> str:
    return msgid[0] if isinstance(msgid, tuple) else msgid


CLICK = ROOT / "src" / "prestatie" / "locale", "click"
"""The Dutch of click's own messages, as the command shows them."""


def click_messages() -> dict[str | tuple[str, ...], list[str]]:
    """Every message the installed click marks for gettext, as `pybabel extract` finds it in
    click's package (the README's "Language" section), with the files it is in."""
    found: dict[str | tuple[str, ...], list[str]] = {}
    folder = Path(click.__file__).parent
    for filename, _, message, _, _ in extract_from_dir(folder, [("**.py", "python")]):
        found.setdefault(message, []).append(filename)
    return found


def test_every_message_of_the_installed_click_has_a_dutch_text() -> None:
    """Click's own messages (usage, headings, usage errors) are in the catalogue `click` with
    their Dutch; a click that marks a new message fails here until the catalogue is updated
    with it. A Dutch text may leave out a placeholder (`{number_type}`), never add one."""
    source = click_messages()
    assert len(source) > 50, "no messages found in click: does it still use gettext?"
    lacking, placeholders = _dutch_of(source, catalogue(*CLICK))
    assert not lacking, "click's messages without Dutch:\n" + "\n".join(lacking)
    assert all(set(dutch) <= set(english) for english, dutch in placeholders.values())


@CATALOGUES
def test_the_catalogue_holds_no_message_that_the_source_no_longer_has(
    config: Path, locale: Path, domain: str
) -> None:
    source = {_singular(msgid) for msgid in extracted(config)}
    dutch = catalogue(locale, domain)
    assert not dutch.obsolete
    assert sorted(_singular(m.id) for m in dutch if m.id and _singular(m.id) not in source) == []


def _messages(compiled: Catalog) -> dict[object, object]:
    def plain(text: object) -> object:
        return tuple(text) if isinstance(text, list) else text

    return {plain(m.id): plain(m.string) for m in compiled if m.id}


@COMPILED
def test_the_compiled_catalogue_is_the_catalogue_as_written(locale: Path, domain: str) -> None:
    """The committed .mo is what `pybabel compile` makes of the .po, so they cannot drift."""
    compiled = io.BytesIO()
    write_mo(compiled, catalogue(locale, domain))
    compiled.seek(0)
    with (locale / "nl" / "LC_MESSAGES" / f"{domain}.mo").open("rb") as file:
        committed = read_mo(file)
    expected = read_mo(compiled)
    assert _messages(committed) == _messages(expected)


_TEMPLATE_AT = {"of": 2, "problem": 4, "note": 3, "_At": 1}
"""Where the template stands among the arguments of the functions that make coded messages:
`Problem.of(where, code, template)`, a sheet's `problem(row, col, value, code, template)` and
`note(row, col, code, template)`, and a mapping's `_At(code, template)`."""


def _template_of(call: ast.Call) -> ast.expr | None:
    function = call.func
    name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
    if name in _TEMPLATE_AT and len(call.args) > _TEMPLATE_AT[name]:
        return call.args[_TEMPLATE_AT[name]]
    named = [keyword.value for keyword in call.keywords if keyword.arg == "template"]
    if named:
        return named[0]
    coded = any(
        keyword.arg == "code" and isinstance(keyword.value, ast.Constant)
        for keyword in call.keywords
    )
    return call.args[0] if coded and call.args else None


def test_every_message_with_a_code_is_marked_for_the_catalogue() -> None:
    """A problem's, error's or warning's template is an `N_("...")` where it is written, so
    that extraction finds it: `Problem.of(where, code, N_(...))`, `Error(N_(...), code=...)`,
    `template=N_(...)`; or a name or attribute that holds such a template."""
    unmarked = []
    for path in sorted((ROOT / "src" / "prestatie").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            template = _template_of(node) if isinstance(node, ast.Call) else None
            if template is None or isinstance(template, ast.Name | ast.Attribute):
                continue
            if isinstance(template, ast.IfExp):
                branches = [template.body, template.orelse]
            else:
                branches = [template]
            for branch in branches:
                marked = (
                    isinstance(branch, ast.Call)
                    and isinstance(branch.func, ast.Name)
                    and branch.func.id == "N_"
                )
                if not marked:
                    unmarked.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert unmarked == []


def test_the_package_ships_the_compiled_dutch_catalogue() -> None:
    shipped = resources.files("prestatie") / "locale" / "nl" / "LC_MESSAGES" / "prestatie.mo"
    assert shipped.is_file()
    assert translation("nl").gettext("problems found") == "problemen gevonden"


def test_the_wheel_holds_the_compiled_dutch_catalogue(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    command = [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps"]
    built = subprocess.run(
        [*command, "--no-build-isolation", "--quiet", "--wheel-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("prestatie-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert "prestatie/locale/nl/LC_MESSAGES/prestatie.mo" in names
    assert "prestatie/locale/nl/LC_MESSAGES/click.mo" in names


def test_an_unknown_language_is_refused_naming_the_languages() -> None:
    assert LANGUAGES == ("nl", "en")
    with pytest.raises(InvalidValueError, match="unknown language 'fr': expected 'nl' or 'en'"):
        translation("fr")


# -- problems --------------------------------------------------------------------------------


def _duplicate_programmes() -> Budget:
    programme = Programme(number=7, name="Ruimte")
    return Budget(province="Overijssel", year=2018, programmes=(programme, programme))


def test_a_problem_renders_in_english_as_its_message_and_in_dutch_from_its_code() -> None:
    (problem,) = check_budget(_duplicate_programmes())
    assert problem.code == "duplicate-programme"
    assert problem.params == {"key": 7, "other": "$.programmes[0].number"}
    english = "duplicate programme 7: also at $.programmes[0].number"
    assert problem.render("en") == problem.message == english
    assert problem.render("nl") == "kerntaak 7 staat er twee keer in: ook op $.programmes[0].number"
    assert str(problem) == f"$.programmes[1].number: {problem.message}"


def test_a_problem_made_with_a_message_only_renders_it_as_given() -> None:
    problem = Problem(where="A1", message="something {odd}")
    assert problem.code == ""
    assert problem.render("nl") == problem.render("en") == "something {odd}"


def test_a_phrase_of_the_catalogue_given_as_a_value_is_translated_with_the_message() -> None:
    template = "expected {labels}, got {found}"  # not in the catalogue: only the value is
    problem = Problem.of("A1", "x", template, labels="'ja'", found=N_("nothing"))
    assert problem.render("en") == "expected 'ja', got nothing"
    assert problem.render("nl") == "expected 'ja', got niets"
    assert problem.params == {"labels": "'ja'", "found": "nothing"}


def test_a_found_value_names_its_type_in_the_language_of_the_message() -> None:
    """A wrong-typed value is `int 3` in English and `geheel getal 3` in Dutch, a float with a
    decimal comma; its params keep the one text that either language renders from."""
    values = (3, 1.5, "x", True, None, [1], datetime.date(2018, 1, 2))
    problems = [
        Problem.of("$.province", "wrong-type", "expected text, got {found}", found=describe(value))
        for value in values
    ]
    assert [problem.params["found"] for problem in problems] == [
        "int 3",
        "float 1.5",
        "str 'x'",
        "bool True",
        "NoneType None",
        "list [1]",
        "date datetime.date(2018, 1, 2)",
    ]
    for problem in problems:
        assert problem.render("en") == f"expected text, got {problem.params['found']}"
    assert [problem.render("nl") for problem in problems] == [
        f"verwacht tekst, maar vond {found}"
        for found in (
            "geheel getal 3",
            "getal 1,5",
            "tekst 'x'",
            "logische waarde True",
            "lege waarde None",
            "lijst [1]",
            "datum datetime.date(2018, 1, 2)",
        )
    ]


def test_a_found_value_of_a_type_without_a_dutch_name_keeps_its_python_name() -> None:
    problem = Problem.of("A1", "wrong-type", "got {found}", found=describe(range(2)))
    assert problem.render("nl") == problem.render("en") == "got range range(0, 2)"


def test_a_found_value_inside_a_phrase_is_named_in_the_language_too() -> None:
    """A reason given as a phrase of the catalogue (a cell's header, then why) fills in the
    found value's type in the same language."""
    problem = Problem.of(
        "Begroting!B3",
        "cell-unexpected",
        "{header}: {reason}",  # not in the catalogue: the phrase is
        header="Jaar",
        reason=N_("expected text, got {found}"),
        found=describe(2018),
    )
    assert problem.render("en") == "Jaar: expected text, got int 2018"
    assert problem.render("nl") == "Jaar: verwacht tekst, maar vond geheel getal 2018"


def test_problems_with_the_same_place_and_message_are_equal_whatever_their_code() -> None:
    made = Problem.of("A1", "sheet-missing", "no sheet {sheet!r}", sheet="Prestaties")
    assert made == Problem(where="A1", message="no sheet 'Prestaties'")
    assert len({made, Problem(where="A1", message="no sheet 'Prestaties'")}) == 1


# -- the command -----------------------------------------------------------------------------


@pytest.fixture
def default_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """No PRESTATIE_LANG, as on a user's machine."""
    monkeypatch.delenv("PRESTATIE_LANG", raising=False)


def _template_twice(tmp_path: Path, *options: str) -> str:
    out = tmp_path / "begroting.xlsx"
    write_workbook(Budget(province="Overijssel", year=2018), out)
    result = CliRunner().invoke(main, [*options, "template", str(out)], prog_name="prestatie")
    assert result.exit_code == 2
    return result.stderr


@pytest.mark.usefixtures("default_language")
def test_the_command_speaks_dutch_by_default(tmp_path: Path) -> None:
    out = tmp_path / "begroting.xlsx"
    result = run_python("-m", "prestatie", "template", out, "--year", "2018")
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"{out} geschreven: een lege begroting 2018 om in te vullen\n"
    again = run_python("-m", "prestatie", "template", out)
    assert again.returncode == 2
    assert again.stderr == f"Fout: {out} bestaat al: voeg --force toe om het te vervangen\n"


@pytest.mark.usefixtures("default_language")
def test_lang_en_gives_english(tmp_path: Path) -> None:
    stderr = _template_twice(tmp_path, "--lang", "en")
    assert "Error: " in stderr
    assert "exists: add --force to replace it" in stderr


def test_prestatie_lang_en_gives_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESTATIE_LANG", "en")
    assert "exists: add --force to replace it" in _template_twice(tmp_path)


def test_lang_wins_over_prestatie_lang(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESTATIE_LANG", "en")
    assert "bestaat al" in _template_twice(tmp_path, "--lang", "nl")


@pytest.mark.parametrize(
    ("args", "variable", "named"),
    [
        (["--lang", "fr", "template", "t.xlsx"], "en", "'--lang'"),
        (["template", "t.xlsx", "--lang", "fr"], "en", "'--lang'"),
        (["template", "t.xlsx"], "fr", "'PRESTATIE_LANG'"),
        (["--version"], "fr", "'PRESTATIE_LANG'"),
        (["--version", "--lang", "fr"], "en", "'--lang'"),
    ],
)
def test_an_unknown_language_is_a_usage_error_in_dutch_that_names_where_it_was_given(
    args: list[str], variable: str, named: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--lang fr, before or after the command, or PRESTATIE_LANG=fr is a usage error (exit 2),
    even with --version: the language is checked before --version acts."""
    monkeypatch.setenv("PRESTATIE_LANG", variable)
    result = CliRunner().invoke(main, args, prog_name="prestatie")
    assert result.exit_code == 2
    assert f"Ongeldige waarde voor {named}: 'fr' is niet een van 'nl', 'en'" in result.output
    assert "versie" not in result.output


@pytest.mark.parametrize(
    ("args", "variable", "chosen"),
    [
        ([], None, "nl"),
        ([], "EN", "en"),
        ([], "fr", "nl"),
        (["--lang", "en", "check", "x.json"], None, "en"),
        (["check", "x.json", "--lang=EN"], "nl", "en"),
        (["--lang", "en", "check", "--lang", "nl"], None, "nl"),
        (["--lang", "nl"], "en", "nl"),
        (["--lang", "fr"], "en", "nl"),
        (["check", "--", "--lang", "en"], None, "nl"),
    ],
)
def test_the_language_is_the_last_lang_else_prestatie_lang_else_dutch(
    args: list[str], variable: str | None, chosen: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last --lang before `--`, before or after the command, in any case; else
    PRESTATIE_LANG; else Dutch. An unknown language gives Dutch, in which --lang reports it."""
    if variable is None:
        monkeypatch.delenv("PRESTATIE_LANG")
    else:
        monkeypatch.setenv("PRESTATIE_LANG", variable)
    assert chosen_language(args) == chosen


@pytest.mark.usefixtures("default_language")
def test_check_speaks_dutch_and_its_json_gives_code_params_and_the_english_message(
    tmp_path: Path,
) -> None:
    broken = tmp_path / "kapot.json"
    broken.write_text('{"format_version": 2, "province": 3, "year": 2017}', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(broken)], prog_name="prestatie")
    assert result.exit_code == 1
    assert result.stderr == (
        f"{broken}: $.province: verwacht tekst, maar vond geheel getal 3\n"
        "1 probleem in 1 van 1 bestand\n"
    )
    as_json = CliRunner().invoke(main, ["check", "--json", str(broken)], prog_name="prestatie")
    assert json.loads(as_json.stdout) == [
        {
            "file": str(broken),
            "where": "$.province",
            "message": "expected text, got int 3",
            "code": "wrong-type",
            "params": {"found": "int 3"},
        }
    ]


# -- help and click's own messages ----------------------------------------------------------


def _run(*args: str) -> tuple[int, str]:
    """The exit code and all the output of `prestatie ARGS`."""
    result = CliRunner().invoke(main, list(args), prog_name="prestatie")
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result.exit_code, result.output


DUTCH_HELP = [
    "Gebruik: prestatie [OPTIES] OPDRACHT [ARGUMENTEN]...",
    "  Lees, controleer, converteer en vergelijk prestatiebegrotingen van",
    "Opties:",
    "  -h, --help      Toon deze hulp en stop.",
    "Opdrachten:",
    "  template  Schrijf een leeg begrotingswerkboek om in te vullen.",
    "Voorbeelden:",
]
ENGLISH_HELP = [
    "Usage: prestatie [OPTIONS] COMMAND [ARGS]...",
    "  Read, check, convert and compare provincial performance budgets",
    "Options:",
    "  -h, --help      Show this message and exit.",
    "Commands:",
    "  template  Write an empty budget workbook to fill in.",
    "Examples:",
]


@pytest.mark.usefixtures("default_language")
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--help"], DUTCH_HELP),
        (["--lang", "nl", "--help"], DUTCH_HELP),
        (["--lang", "en", "--help"], ENGLISH_HELP),
        (["--help", "--lang", "en"], ENGLISH_HELP),
        (["-h", "--lang=EN"], ENGLISH_HELP),
    ],
    ids=["default", "lang-nl", "lang-en", "help-before-lang", "short-and-upper-case"],
)
def test_help_is_dutch_by_default_and_english_with_lang_en_wherever_it_stands(
    args: list[str], expected: list[str]
) -> None:
    """Click acts on --help as soon as it reads it; the help is in the language chosen even
    when --lang comes after it."""
    code, output = _run(*args)
    assert code == 0
    lines = output.splitlines()
    for line in expected:
        assert any(found.startswith(line) for found in lines), (line, output)


@pytest.mark.usefixtures("default_language")
def test_lang_after_the_command_chooses_the_language_of_its_help_and_its_errors(
    tmp_path: Path,
) -> None:
    """`prestatie check FILE --lang en` is English, as `prestatie --lang en check FILE` is;
    without --lang the command speaks Dutch, and an unknown language after the command is a
    usage error (exit 2)."""
    missing = str(tmp_path / "nope.json")
    assert _run("check", "--help")[1].startswith("Gebruik: prestatie check [OPTIES]")
    for args in (["check", "--help", "--lang", "en"], ["check", "--lang=en", "--help"]):
        assert _run(*args)[1].startswith("Usage: prestatie check [OPTIONS]"), args
    code, output = _run("check", missing, "--lang", "en")
    assert code != 0
    assert "cannot open the file" in output
    assert "1 problem in 1 of 1 file" in output
    code, output = _run("check", missing)
    assert code != 0
    assert "cannot open the file" not in output
    code, output = _run("check", missing, "--lang", "fr")
    assert code == 2
    assert "Ongeldige waarde voor '--lang'" in output


def test_help_follows_prestatie_lang_and_lang_wins_over_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PRESTATIE_LANG", "en")
    assert _run("--help")[1].startswith("Usage: prestatie [OPTIONS] COMMAND [ARGS]...")
    assert _run("--lang", "nl", "--help")[1].startswith("Gebruik: prestatie [OPTIES]")
    monkeypatch.setenv("PRESTATIE_LANG", "nl")
    assert _run("--lang", "en", "--help")[1].startswith("Usage: prestatie [OPTIONS]")


@pytest.mark.usefixtures("default_language")
def test_a_command_s_help_is_dutch_with_its_options_metavars_defaults_and_examples() -> None:
    code, output = _run("template", "--help")
    assert code == 0
    assert output.startswith(
        "Gebruik: prestatie template [OPTIES] UIT.xlsx\n\n"
        "  Schrijf een leeg begrotingswerkboek om in te vullen.\n"
    )
    assert "  --province NAAM  " in output
    assert "[standaard: (volgend jaar); 1000<=x<=9999]" in " ".join(output.split())
    assert "  --force                         Vervang UIT als dat al bestaat.\n" in output
    assert "  --debug                         Toon een traceback als er iets misgaat.\n" in output
    assert output.endswith(
        "Voorbeeld:\n  prestatie template begroting-2018.xlsx --province Overijssel --year 2018\n"
    )
    english = _run("--lang", "en", "template", "--help")[1]
    assert english.startswith(
        "Usage: prestatie template [OPTIONS] OUT.xlsx\n\n"
        "  Write an empty budget workbook to fill in.\n"
    )
    assert "  --force                         Replace OUT if it exists.\n" in english


def _texts(command: click.Command) -> Iterator[tuple[str, object]]:
    """Each help text of `command` and of its subcommands and parameters, as read now."""
    yield f"{command.name}: help", command.help
    if isinstance(command, click.Group):
        for name in command.list_commands(click.Context(command)):
            sub = command.get_command(click.Context(command), name)
            assert sub is not None
            yield from _texts(sub)
    for parameter in command.params:
        if isinstance(parameter, click.Option):
            yield f"{command.name} {parameter.opts[0]}: help", parameter.help


def test_a_command_made_in_one_language_gives_its_help_in_the_language_of_each_run() -> None:
    """A help text, metavar or shown default is translated when click reads it (`_English`),
    which needs click to read it as it formats the help, not to copy it when the command is
    made: one command, made in English, gives its help in Dutch, in English, in Dutch again."""
    with speaking("en"):
        command = Command(
            "template",
            help=N_("The kind of document."),
            params=[
                Argument(["out"], metavar=N_("OUT.xlsx")),
                Option(
                    ["--province"],
                    metavar=N_("NAME"),
                    show_default=N_("next year"),
                    help=N_("The province, filled in on sheet Begroting."),
                ),
            ],
        )
    helps = []
    for language in ("nl", "en", "nl"):
        with speaking(language):
            text = command.get_help(click.Context(command, info_name="prestatie template"))
            helps.append(" ".join(text.split()))
    dutch, english, again = helps
    assert dutch == again
    assert dutch.startswith("Gebruik: prestatie template [OPTIES] UIT.xlsx De soort document.")
    assert "--province NAAM De provincie, ingevuld op werkblad Begroting." in dutch
    assert "[standaard: (volgend jaar)]" in dutch
    assert english.startswith("Usage: prestatie template [OPTIONS] OUT.xlsx The kind of document.")
    assert "--province NAME The province, filled in on sheet Begroting." in english
    assert "[default: (next year)]" in english


def test_every_help_text_of_the_command_is_marked_and_has_its_dutch() -> None:
    """A help text that is not marked with N_, or has no Dutch in the catalogue, reads the
    same in both languages and fails here."""
    assert isinstance(main, Command)
    with speaking("en"):
        english = dict(_texts(main))
    with speaking("nl"):
        dutch = dict(_texts(main))
    assert english.keys() == dutch.keys()
    assert len(english) > 30
    same = [name for name, text in english.items() if dutch[name] == text]
    assert same == []


USAGE_ERRORS = {
    "unknown option": (
        ["check", "--bogus", "x.json"],
        "Fout: Onbekende optie '--bogus'.",
        "Error: No such option '--bogus'.",
    ),
    "missing argument": (
        ["diff", "oud.json"],
        "Fout: Ontbrekend argument 'NIEUW'.",
        "Error: Missing argument 'NEW'.",
    ),
    "invalid value": (
        ["template", "--unit", "gulden", "t.xlsx"],
        "Fout: Ongeldige waarde voor '--unit': 'gulden' is niet een van 'euro', 'duizend',"
        " 'miljoen'.",
        "Error: Invalid value for '--unit': 'gulden' is not one of 'euro', 'duizend', 'miljoen'.",
    ),
    "unknown command": (
        ["samenvatting"],
        "Fout: Onbekende opdracht 'samenvatting'.",
        "Error: No such command 'samenvatting'.",
    ),
}


@pytest.mark.usefixtures("default_language")
@pytest.mark.parametrize("case", list(USAGE_ERRORS))
def test_a_usage_error_is_dutch_by_default_and_english_with_lang_en(case: str) -> None:
    """Click's own usage errors: the usage line, the hint and the error, in the language of
    the command, with click's exit code 2 and no traceback."""
    args, dutch, english = USAGE_ERRORS[case]
    code, output = _run(*args)
    assert code == 2
    assert "Traceback" not in output
    usage, hint, blank, error = output.splitlines()
    assert usage.startswith(
        f"Gebruik: prestatie {args[0]}"
        if case != "unknown command"
        else "Gebruik: prestatie [OPTIES]"
    )
    assert hint.startswith("Probeer 'prestatie")
    assert hint.endswith(" --help' voor hulp.")
    assert (blank, error) == ("", dutch)
    code, output = _run("--lang", "en", *args)
    assert code == 2
    assert "Traceback" not in output
    assert output.splitlines()[0].startswith("Usage: prestatie ")
    assert output.splitlines()[1].endswith(" --help' for help.")
    assert output.splitlines()[-1] == english


@pytest.mark.usefixtures("default_language")
def test_a_usage_error_before_the_language_is_read_still_speaks_it() -> None:
    """An unknown option of the group itself stops click before it reads --lang; the language
    is found before click parses, so the error is in English all the same."""
    code, output = _run("--bogus", "--lang", "en", "check", "x.json")
    assert code == 2
    assert output.splitlines()[-1] == "Error: No such option '--bogus'."


def test_the_command_leaves_the_language_settings_of_the_process_as_it_found_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The gettext domain and LANGUAGE are set while the command runs, and restored after:
    neither importing prestatie nor running its command changes them for the caller."""
    monkeypatch.setenv("LANGUAGE", "de")
    before = gettext.textdomain(), gettext.bindtextdomain("click")
    assert _run("--lang", "nl", "--bogus")[0] == 2
    assert (gettext.textdomain(), gettext.bindtextdomain("click")) == before
    assert os.environ["LANGUAGE"] == "de"
    monkeypatch.delenv("LANGUAGE")
    assert _run("--lang", "nl", "--help")[0] == 0
    assert "LANGUAGE" not in os.environ


# -- the examples ----------------------------------------------------------------------------

EXAMPLE_SCRIPTS = ROOT / "examples"


@pytest.mark.usefixtures("default_language")
def test_the_examples_speak_dutch_by_default(tmp_path: Path) -> None:
    missing = tmp_path / "geen-begroting.xlsx"
    result = run_python(EXAMPLE_SCRIPTS / "totals.py", missing)
    assert (result.returncode, result.stderr) == (2, f"{missing}: bestand niet gevonden\n")
    usage = run_python(EXAMPLE_SCRIPTS / "compare_budgets.py", missing)
    assert usage.stderr == "gebruik: python examples/compare_budgets.py [OUD NIEUW]\n"


def test_the_examples_speak_english_with_prestatie_lang_en(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRESTATIE_LANG", "en")
    missing = tmp_path / "geen-begroting.xlsx"
    result = run_python(EXAMPLE_SCRIPTS / "totals.py", missing)
    assert (result.returncode, result.stderr) == (2, f"{missing}: file not found\n")


def test_an_example_refuses_an_unknown_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRESTATIE_LANG", "fr")
    result = run_python(EXAMPLE_SCRIPTS / "totals.py", tmp_path / "x.xlsx")
    assert result.returncode == 2
    assert result.stderr == "PRESTATIE_LANG=fr: expected nl (Nederlands) or en (English)\n"


@pytest.mark.usefixtures("default_language")
def test_an_example_renders_the_problems_of_a_budget_in_dutch(tmp_path: Path) -> None:
    broken = tmp_path / "kapot.json"
    broken.write_text('{"format_version": 2, "province": 3, "year": 2017}', encoding="utf-8")
    result = run_python(EXAMPLE_SCRIPTS / "totals.py", broken)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{broken}: de JSON beschrijft geen geldige begroting",
        "  $.province: verwacht tekst, maar vond geheel getal 3",
    ]
