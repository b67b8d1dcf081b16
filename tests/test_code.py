"""Dotted codes: parsing, parents and natural order."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prestatie import Code, CodeScheme, InvalidTypeError, InvalidValueError, PrestatieError
from strategies import codes


def test_code_knows_its_parents_up_to_the_programme() -> None:
    code = Code("7.2.3")
    assert code.parent == Code("7.2")
    assert code.parent.parent == Code("7")
    assert Code("7").parent is None
    assert code.level == 3


def test_codes_sort_naturally_so_7_10_follows_7_9() -> None:
    assert sorted(map(Code, ["7.10", "7.9", "7.1", "10", "7"])) == list(
        map(Code, ["7", "7.1", "7.9", "7.10", "10"])
    )


@pytest.mark.parametrize(
    "text",
    ["", ".7", "7..2", "a.7", "x.y", "zeven", "7.abc", "7.-2", "7.2-3", " 7.2", "7,2", "7.2 "],
)
def test_malformed_codes_are_refused_with_the_text_found(text: str) -> None:
    with pytest.raises(InvalidValueError, match="expected numbers joined by dots") as caught:
        Code(text)
    assert repr(text) in str(caught.value)
    assert isinstance(caught.value, PrestatieError)


@pytest.mark.parametrize(
    ("text", "parts", "parent"),
    [
        ("7.", (7,), None),
        ("7.1.", (7, 1), "7"),
        ("1.1.1.02", (1, 1, 1, 2), "1.1.1"),
        ("4.1.a", (4, 1, "a"), "4.1"),
        ("7-1-1", (7, 1, 1), "7-1"),
        ("020101", (20101,), None),
        ("07.2", (7, 2), "07"),
    ],
)
def test_codes_as_provinces_print_them_keep_their_text_and_know_their_parts(
    text: str, parts: tuple[int | str, ...], parent: str | None
) -> None:
    code = Code(text)
    assert str(code) == text
    assert code.parts == parts
    assert (None if code.parent is None else str(code.parent)) == parent


def test_codes_are_equal_by_their_parts_so_a_zero_padded_part_is_the_same() -> None:
    assert Code("1.1.1.02") == Code("1.1.1.2")
    assert hash(Code("01.01")) == hash(Code("1.1"))
    assert Code("7-1") == Code("7.1")


def test_a_fixed_width_scheme_splits_a_code_by_its_widths() -> None:
    scheme = CodeScheme(widths=(2, 2, 2))
    assert scheme.split(Code("020101")) == (2, 1, 1)
    assert scheme.is_child(Code("020101"), Code("0201"))
    assert not scheme.is_child(Code("020101"), Code("0202"))
    assert scheme.split(Code("02010")) is None
    assert str(scheme.programme_code(2)) == "02"
    assert scheme.child_example(Code("0201")) == "0201nn"


def test_a_number_is_not_taken_for_a_code() -> None:
    with pytest.raises(InvalidTypeError, match=r"float 7\.2"):
        Code(7.2)  # type: ignore[arg-type]


@given(codes())
def test_code_text_round_trips(code: Code) -> None:
    assert Code(str(code)) == code


@given(codes(), codes(), codes())
def test_code_order_is_a_total_order(a: Code, b: Code, c: Code) -> None:
    assert (a < b) + (a == b) + (a > b) == 1
    if a <= b and b <= c:
        assert a <= c
    if a == b:
        assert hash(a) == hash(b)


@given(codes(), st.integers(min_value=0, max_value=99))
def test_a_parent_sorts_before_its_children_and_is_their_ancestor(code: Code, n: int) -> None:
    child = Code.from_parts(*code.parts, n)
    assert child.parent == code
    assert code < child
    assert code.is_ancestor_of(child)
    assert not child.is_ancestor_of(code)


@given(codes(), codes(), st.integers(0, 99), st.integers(0, 99))
def test_children_keep_the_order_of_their_parents(a: Code, b: Code, m: int, n: int) -> None:
    if a < b and not a.is_ancestor_of(b):
        assert Code.from_parts(*a.parts, m) < Code.from_parts(*b.parts, n)


@given(codes())
def test_codes_survive_pickling(code: Code) -> None:
    assert pickle.loads(pickle.dumps(code)) == code
