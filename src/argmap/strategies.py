"""Hypothesis strategies for property tests over argumentation frameworks.

Install with ``pip install argmap[testing]``. Arguments are drawn first and attacks second,
so a failing example shrinks towards fewer arguments, then fewer attacks, then smaller names:
what a reader sees at the end is the smallest framework that still fails.

>>> from hypothesis import given
>>> @given(frameworks(max_arguments=4))
... def test_grounded_is_complete(af):
...     from argmap import grounded_extension, is_extension
...     assert is_extension(af, grounded_extension(af), "CO")
>>> test_grounded_is_complete()
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from argmap.framework import Framework

__all__ = ["FAMILIES", "frameworks"]

FAMILIES = ("any", "acyclic", "symmetric")


def _check_bounds(min_arguments: int, max_arguments: int) -> None:
    if not isinstance(min_arguments, int) or min_arguments < 0:
        raise ValueError(f"min_arguments must be a non-negative integer, got {min_arguments!r}")
    if not isinstance(max_arguments, int) or max_arguments < min_arguments:
        raise ValueError(
            f"max_arguments must be an integer >= min_arguments ({min_arguments}), "
            f"got {max_arguments!r}"
        )


def frameworks(
    *,
    min_arguments: int = 0,
    max_arguments: int = 6,
    self_attacks: bool = True,
    isolated: bool = True,
    family: str = "any",
) -> st.SearchStrategy[Framework]:
    """Random frameworks with between ``min_arguments`` and ``max_arguments`` arguments.

    Parameters
    ----------
    min_arguments, max_arguments : int
        Bounds on the number of arguments (names ``a1``, ``a2``, ...).
    self_attacks : bool
        Whether an argument may attack itself.
    isolated : bool
        Whether arguments that take part in no attack may appear.
    family : str
        ``"any"``, ``"acyclic"`` (attacks only from a lower to a higher index, so no cycle and
        no self-attack) or ``"symmetric"`` (every attack is answered).

    Shrinking
    ---------
    Towards fewer arguments, then fewer attacks; the empty framework is the simplest example.
    """
    _check_bounds(min_arguments, max_arguments)
    if family not in FAMILIES:
        from argmap.errors import UnknownNameError

        raise UnknownNameError("framework family", family, FAMILIES)

    @st.composite
    def build(draw: Any) -> Framework:
        count = draw(st.integers(min_arguments, max_arguments))
        names = [f"a{i}" for i in range(1, count + 1)]
        pairs = [
            (a, b)
            for i, a in enumerate(names)
            for j, b in enumerate(names)
            if (a != b or (self_attacks and family == "any"))
            and (family != "acyclic" or i < j)
            and (family != "symmetric" or i <= j)
        ]
        chosen = draw(st.sets(st.sampled_from(pairs), max_size=len(pairs))) if pairs else set()
        if family == "symmetric":
            chosen |= {(b, a) for a, b in chosen}
        af = Framework.from_attacks(chosen, arguments=names)
        if not isolated:
            touched = {name for pair in af.attacks for name in pair}
            af = af.restrict(touched)
        return af

    return build()
