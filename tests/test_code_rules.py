"""Rules of codes and code schemes that the other code tests leave open: a code made from a
code, which widths a fixed-width scheme accepts, and what a scheme says of itself."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from prestatie import Code, CodeScheme, InvalidValueError
from strategies import codes


def test_a_code_made_from_a_code_is_that_code_with_the_same_text() -> None:
    """`Code(code)` copies the code, its printed text included (`02` stays `02`)."""
    original = Code("1.1.1.02")
    copy = Code(original)
    assert copy == original
    assert str(copy) == "1.1.1.02"


@given(st.lists(st.integers(min_value=-2, max_value=9), max_size=4).map(tuple))
@example((1,))
@example((6,))
@example((0,))
@example((7,))
def test_law_a_scheme_accepts_exactly_the_widths_from_1_to_6(widths: tuple[int, ...]) -> None:
    """A tuple of widths is a scheme when every width is 1 to 6 digits; otherwise the error
    names the field and the widths found."""
    if all(1 <= width <= 6 for width in widths):
        assert CodeScheme(widths=widths).widths == widths
    else:
        with pytest.raises(InvalidValueError) as raised:
            CodeScheme(widths=widths)
        assert raised.value.field == "widths"
        assert str(raised.value) == (
            f"CodeScheme.widths: expected a tuple of widths from 1 to 6 digits, got {widths!r}"
        )


@pytest.mark.parametrize("widths", [[2, 2, 2], (True, 2), (2.0,), ("2",), 2])
def test_a_scheme_refuses_widths_that_are_no_tuple_of_whole_numbers(widths: object) -> None:
    """A list, a boolean, a float or a text is no width, even where its value would fit."""
    with pytest.raises(InvalidValueError, match=r"^CodeScheme\.widths: expected a tuple"):
        CodeScheme(widths=widths)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("scheme", "number", "text"),
    [
        (CodeScheme(), 7, "7"),
        (CodeScheme(), 12, "12"),
        (CodeScheme(widths=(2, 2, 2)), 2, "02"),
        (CodeScheme(widths=(3, 2)), 2, "002"),  # the programme's own width, not the next one
        (CodeScheme(widths=(1, 3)), 4, "4"),
    ],
)
def test_a_programme_code_is_printed_as_the_scheme_prints_it(
    scheme: CodeScheme, number: int, text: str
) -> None:
    """Dotted codes print the number as is; fixed-width codes pad it to the first width."""
    assert str(scheme.programme_code(number)) == text


@pytest.mark.parametrize(
    ("scheme", "parent", "example"),
    [
        (CodeScheme(), "7.2", "7.2.n"),
        (CodeScheme(widths=(2, 2, 2)), "02", "02nn"),
        (CodeScheme(widths=(2, 3, 1)), "02", "02nnn"),
        (CodeScheme(widths=(2, 3, 1)), "02001", "02001n"),
        # A parent the scheme cannot split, or one at its deepest level, still gets an example.
        (CodeScheme(widths=(2, 2, 2)), "7.2", "7.2.n"),
        (CodeScheme(widths=(2, 2, 2)), "020101", "020101.n"),
    ],
)
def test_the_example_of_a_child_code_follows_the_scheme(
    scheme: CodeScheme, parent: str, example: str
) -> None:
    """The message of a misplaced code shows what a code under its parent looks like."""
    assert scheme.child_example(Code(parent)) == example


@pytest.mark.parametrize("text", ["2", "021"])
def test_a_fixed_width_code_of_a_length_no_level_has_is_not_split(text: str) -> None:
    """Under widths 2-2-2 a code of 1 or 3 digits has no parts: `split` gives None."""
    assert CodeScheme(widths=(2, 2, 2)).split(Code(text)) is None


@given(codes(), st.lists(st.integers(min_value=1, max_value=6), max_size=4).map(tuple))
@example(Code("021"), (2, 2, 2))
def test_law_any_parent_under_any_scheme_has_an_example_child_starting_with_it(
    parent: Code, widths: tuple[int, ...]
) -> None:
    """A check must not fail on a code its scheme cannot place: the example never raises and
    starts with the parent as printed."""
    assert CodeScheme(widths=widths).child_example(parent).startswith(str(parent))


@pytest.mark.parametrize(
    ("scheme", "dutch"),
    [
        (CodeScheme(), "punten"),
        (CodeScheme(widths=(2, 2, 2)), "vaste breedte 2-2-2"),
        (CodeScheme(widths=(1, 3)), "vaste breedte 1-3"),
    ],
)
def test_a_scheme_describes_itself_in_dutch(scheme: CodeScheme, dutch: str) -> None:
    """The workbook and the reports name the scheme: by dots, or by its fixed widths."""
    assert scheme.describe() == dutch
