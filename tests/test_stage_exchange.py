"""The local exchange that the stage search rules out candidates by, against the definitions."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import Framework
from argmap.semantics.sat import stage_exchange
from argmap.strategies import frameworks

import oracle


def _ranges(af):
    sets = [s for s in oracle.subsets(af.arguments) if oracle.conflict_free(af, s)]
    return {s: s | oracle.attacked_by(af, s) for s in sets}


def _assert_rules_out_only_dominated(af, members, larger):
    ranges = _ranges(af)
    index, names = af.index, af.sorted_arguments
    holds, lacks = stage_exchange(af, [index[a] for a in members], [index[a] for a in larger])
    holds = {names[i] for i in holds}
    lacks = {names[i] for i in lacks}
    assert holds <= members and not lacks & members
    for other, covered in ranges.items():
        if holds <= other and not lacks & other:
            assert any(covered < wider for wider in ranges.values()), other


@given(data=st.data(), af=frameworks(max_arguments=7))
def test_every_set_the_exchange_rules_out_has_a_strictly_larger_range(data, af):
    ranges = _ranges(af)
    pairs = [(s, t) for s in ranges for t in ranges if ranges[s] < ranges[t]]
    if not pairs:  # every argument attacks itself: one conflict-free set, the empty one
        assert list(ranges) == [frozenset()]
        return
    _assert_rules_out_only_dominated(af, *data.draw(st.sampled_from(pairs)))


def test_differences_two_attack_steps_apart_are_exchanged_together():
    # a1 (leaving S) and a6 (joining) are two steps apart through a2: exchanged apart, the
    # conditions found would rule out a stage extension
    attacks = [("a1", "a2"), ("a2", "a1"), ("a2", "a3"), ("a4", "a1"), ("a5", "a6")]
    attacks += [("a5", "a7"), ("a6", "a2")]
    af = Framework([f"a{i}" for i in range(1, 8)], attacks)
    _assert_rules_out_only_dominated(af, {"a1"}, {"a3", "a4", "a6"})


def _rules_out(af, members, larger, other):
    index = af.index
    holds, lacks = stage_exchange(af, [index[a] for a in members], [index[a] for a in larger])
    names = af.sorted_arguments
    return {names[i] for i in holds} <= other and not {names[i] for i in lacks} & other


def test_a_stage_extension_that_would_lose_what_the_exchange_drops_is_kept():
    # S = {r, z} to T = {p, z} exchanges r for p, gaining y0. {r, w} is a stage extension:
    # without z (which w attacks) the exchange would lose y, which only r and z attack.
    af = Framework(
        ["p", "r", "w", "y", "y0", "z"],
        [("p", "r"), ("p", "y0"), ("r", "y"), ("z", "y"), ("y", "y"), ("y0", "y0"), ("w", "z")],
    )
    assert frozenset({"r", "w"}) in oracle.extensions(af, "STG")
    assert _rules_out(af, {"r", "z"}, {"p", "z"}, {"r", "z"})
    assert not _rules_out(af, {"r", "z"}, {"p", "z"}, {"r", "w"})


def test_a_stage_extension_that_already_covers_the_gain_is_kept():
    # S = {a} to T = {p} gains y0; {a, j} is a stage extension, and j already attacks y0.
    af = Framework(["a", "j", "p", "y0"], [("a", "p"), ("p", "a"), ("p", "y0"), ("j", "y0")])
    assert frozenset({"a", "j"}) in oracle.extensions(af, "STG")
    assert _rules_out(af, {"a"}, {"p"}, {"a"})
    assert not _rules_out(af, {"a"}, {"p"}, {"a", "j"})


def test_the_exchange_needs_a_strictly_larger_range():
    af = Framework(["a", "b"], [("a", "b")])
    with pytest.raises(ValueError, match="strictly"):
        stage_exchange(af, [0], [0])
