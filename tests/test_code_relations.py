"""How codes relate: they compare as their tuples of numbers, with every operator and only
with codes, and a code is an ancestor of exactly the codes whose chain of parents reaches it."""

from __future__ import annotations

import operator
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prestatie import Code
from prestatie._code import MAX_PART
from strategies import codes

OPERATORS = [operator.lt, operator.le, operator.gt, operator.ge, operator.eq, operator.ne]


@st.composite
def _code_pairs(draw: st.DrawFn) -> tuple[Code, Code]:
    """Two codes, equal about a third of the time (equal codes decide `<=` against `<`)."""
    a = draw(codes())
    b = draw(st.one_of(codes(), st.just(Code(str(a))), st.just(a)))
    return a, b


@given(_code_pairs(), st.sampled_from(OPERATORS))
def test_law_every_comparison_of_codes_is_the_comparison_of_their_parts(
    pair: tuple[Code, Code], compare: Callable[[object, object], bool]
) -> None:
    """`<`, `<=`, `>`, `>=`, `==` and `!=` between codes give what they give between the
    codes' tuples of numbers (natural order, part by part)."""
    a, b = pair
    assert compare(a, b) is compare(a.parts, b.parts)


@given(codes())
def test_law_a_code_is_both_at_most_and_at_least_itself_but_not_below_or_above(
    code: Code,
) -> None:
    """A code equals a copy of itself, so `<=` and `>=` hold and `<` and `>` do not."""
    copy = Code(str(code))
    assert code <= copy
    assert code >= copy
    assert not code < copy
    assert not code > copy


@pytest.mark.parametrize("compare", [operator.lt, operator.le, operator.gt, operator.ge])
@pytest.mark.parametrize("other", ["7.2", 7, (7, 2), None])
def test_a_code_does_not_order_against_text_numbers_or_tuples(
    compare: Callable[[object, object], bool], other: object
) -> None:
    """Ordering a code against anything but a code is a TypeError, as between str and int:
    the text "7.10" would sort before "7.9", so no silent comparison is offered."""
    with pytest.raises(TypeError):
        compare(Code("7.2"), other)
    with pytest.raises(TypeError):
        compare(other, Code("7.2"))


@pytest.mark.parametrize("other", ["7.2", 7, (7, 2), None])
def test_a_code_is_never_equal_to_its_text_or_numbers(other: object) -> None:
    """`Code("7.2")` is not the text "7.2" nor its numbers: equality holds between codes."""
    assert Code("7.2") != other
    assert not Code("7.2") == other  # noqa: SIM201 (the == operator itself is checked)


@pytest.mark.parametrize("text", ["7", "7.2", "7.2.3", "0.10.999999"])
def test_repr_names_the_code_so_that_it_can_be_typed_back(text: str) -> None:
    """`repr` shows the constructor call with the code's text: Code('7.2.3')."""
    assert repr(Code(text)) == f"Code({text!r})"
    assert eval(repr(Code(text))) == Code(text)


def _chain_of_parents(code: Code) -> list[Code]:
    """The parent, the parent's parent, ... up to the programme, one `parent` at a time."""
    chain = []
    parent = code.parent
    while parent is not None:
        chain.append(parent)
        parent = parent.parent
    return chain


@st.composite
def _related_codes(draw: st.DrawFn) -> tuple[Code, Code]:
    """Two codes that are often each other's ancestor, descendant, sibling or equal."""
    a = draw(codes())
    kind = draw(st.sampled_from(["any", "descendant", "ancestor", "same", "sibling"]))
    extra = draw(st.lists(st.integers(0, 12), min_size=1, max_size=3))
    if kind == "descendant":
        return a, Code.from_parts(*a.parts, *extra)
    if kind == "ancestor":
        return Code.from_parts(*a.parts, *extra), a
    if kind == "same":
        return a, Code(str(a))
    if kind == "sibling":
        sibling = (a.parts[-1] + extra[0] + 1) % (MAX_PART + 1)
        return a, Code.from_parts(*a.parts[:-1], sibling)
    return a, draw(codes())


@given(_related_codes())
def test_law_a_code_is_an_ancestor_exactly_of_the_codes_whose_parents_reach_it(
    pair: tuple[Code, Code],
) -> None:
    """`a.is_ancestor_of(b)` holds exactly when following `parent` up from b reaches a: `7`
    is an ancestor of `7.2.3`, not of `8.1`, `7` itself or its sibling `8`."""
    a, b = pair
    assert a.is_ancestor_of(b) is (a in _chain_of_parents(b))


@given(codes())
def test_law_no_code_is_its_own_ancestor(code: Code) -> None:
    """Ancestry is strict: a code lies not below itself."""
    assert not code.is_ancestor_of(Code(str(code)))
