"""The provincial taakveld list: each code once, in its group, with the address that prints
it; and every taakveld a shipped real table prints is on the list, with the name it prints."""

from __future__ import annotations

import re

from conftest import EXAMPLES
from prestatie import TAAKVELDEN, load_mapping
from prestatie._taakveld import LISTED, TAAKVELD, TAAKVELD_SOURCES

REAL = EXAMPLES / "data" / "real"
MAPPINGS = EXAMPLES / "mappings" / "real"


def test_each_listed_code_is_unique_well_formed_and_has_a_name_and_a_source() -> None:
    codes = [code for code, _, _ in LISTED]
    assert len(codes) == len(set(codes)) == len(TAAKVELDEN) == 15
    for code, name, source in LISTED:
        assert TAAKVELD.fullmatch(code), code
        assert name.strip() == name != "", code
        assert source.startswith("https://"), code
    assert set(TAAKVELD_SOURCES) == set(TAAKVELDEN)


def test_the_list_runs_in_the_official_order_group_by_group() -> None:
    """Groups 0 (algemene dekkingsmiddelen) to 8 (ruimte), each code's group its prefix."""
    keys = [tuple(int(part) for part in code.split(".")) for code, _, _ in LISTED]
    assert keys == sorted(keys)
    assert {group for group, _ in keys} <= set(range(9))
    assert TAAKVELDEN["0.1"] == "Uitkering provinciefonds"
    assert TAAKVELDEN["8.1"] == "Ruimtelijke ordening"


def test_every_taakveld_a_shipped_real_table_prints_is_listed_with_its_printed_name() -> None:
    printed: dict[str, str] = {}
    for mapping_path in sorted(MAPPINGS.glob("*.toml")):
        pattern = load_mapping(mapping_path).taakveld_pattern
        if pattern is None:
            continue
        text = (REAL / f"{mapping_path.stem}.txt").read_text(encoding="utf-8")
        for line in text.splitlines():
            first = line.split(" | ")[0]
            found = re.search(pattern, first)
            if found and not line.startswith("#"):
                printed[found.group(1)] = first[found.end(1) :].strip()
    assert printed, "a real table with taakvelden"
    for code, name in printed.items():
        assert TAAKVELDEN.get(code) == name, code
