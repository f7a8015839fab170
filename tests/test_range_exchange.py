"""The local exchanges that the stage and semi-stable searches rule out candidates by, against
the definitions."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import Framework
from argmap.semantics import engine
from argmap.semantics.sat import (
    EXCHANGE_CLAUSES,
    Encoding,
    _range_exchanges,
    semi_stable_exchange,
    stage_exchange,
)
from argmap.semantics.satsolvers import Cadical
from argmap.strategies import frameworks

import oracle


def _ranges(af, kind=oracle.conflict_free):
    sets = [s for s in oracle.subsets(af.arguments) if kind(af, s)]
    return {s: s | oracle.attacked_by(af, s) for s in sets}


def _assert_rules_out_only_dominated(af, members, larger, kind=oracle.conflict_free):
    ranges = _ranges(af, kind)
    index, names = af.index, af.sorted_arguments
    exchange = stage_exchange if kind is oracle.conflict_free else semi_stable_exchange
    holds, lacks = exchange(af, [index[a] for a in members], [index[a] for a in larger])
    exchanges = _range_exchanges(
        af,
        [index[a] for a in members],
        [index[a] for a in larger],
        admissible=kind is not oracle.conflict_free,
    )
    assert exchanges[0] == (holds, lacks)
    sizes = [len(holds) + len(lacks) for holds, lacks in exchanges]
    assert sizes == sorted(sizes)
    for k, (holds, lacks) in enumerate(exchanges):
        # none asks for all that another asks for: its clause would add nothing
        assert not any(h <= holds and x <= lacks for h, x in exchanges[:k])
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


@given(data=st.data(), af=frameworks(max_arguments=7))
def test_every_admissible_set_the_exchange_rules_out_has_a_strictly_larger_range(data, af):
    ranges = _ranges(af, oracle.admissible)
    pairs = [(s, t) for s in ranges for t in ranges if ranges[s] < ranges[t]]
    if not pairs:  # one admissible range: the semi-stable extensions share it
        assert len(set(ranges.values())) == 1
        return
    _assert_rules_out_only_dominated(af, *data.draw(st.sampled_from(pairs)), oracle.admissible)


def test_differences_two_attack_steps_apart_are_exchanged_together():
    # a1 (leaving S) and a6 (joining) are two steps apart through a2: exchanged apart, the
    # conditions found would rule out a stage extension
    attacks = [("a1", "a2"), ("a2", "a1"), ("a2", "a3"), ("a4", "a1"), ("a5", "a6")]
    attacks += [("a5", "a7"), ("a6", "a2")]
    af = Framework([f"a{i}" for i in range(1, 8)], attacks)
    _assert_rules_out_only_dominated(af, {"a1"}, {"a3", "a4", "a6"})


def _rules_out(af, members, larger, other, exchange=stage_exchange):
    index = af.index
    holds, lacks = exchange(af, [index[a] for a in members], [index[a] for a in larger])
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


def test_the_semi_stable_exchange_keeps_what_defends_the_arguments_it_puts_in():
    # S = {u} to T = {u, t} puts in t, which only u defends against x. {w} is semi-stable
    # (only it covers z, which attacks itself); exchanged without u, t would be undefended.
    attacks = [("u", "w"), ("w", "u"), ("u", "x"), ("x", "x"), ("x", "t"), ("t", "y")]
    af = Framework(["t", "u", "w", "x", "y", "z"], [*attacks, ("w", "z"), ("z", "z")])
    assert frozenset({"w"}) in oracle.extensions(af, "SST")
    assert _rules_out(af, {"u"}, {"u", "t"}, {"w"})  # conflict-free sets: {w, t} is wider
    assert not _rules_out(af, {"u"}, {"u", "t"}, {"w"}, semi_stable_exchange)
    assert _rules_out(af, {"u"}, {"u", "t"}, {"u"}, semi_stable_exchange)


def _choices(k):
    """q, which r strictly range-dominates, joined in one part with k binary choices whose
    ranges no choice of another contains: every combination is a candidate to rule out."""
    attacks = [("q", "r"), ("r", "q"), ("r", "s"), ("s", "s"), ("s", "c0"), (f"c{k}", f"c{k}")]
    for i in range(k):
        attacks += [(f"a{i}", f"b{i}"), (f"b{i}", f"a{i}"), (f"a{i}", f"c{i}")]
        attacks += [(f"b{i}", f"d{i}"), (f"c{i}", f"e{i}"), (f"e{i}", f"c{i + 1}")]
        attacks += [(f"c{i}", f"c{i}"), (f"d{i}", f"d{i}"), (f"e{i}", f"e{i}")]
    return Framework.from_attacks(attacks)


def _covered_alike(k):
    """q, which r strictly range-dominates (r also attacks g), where q attacks z0..z{k-1},
    each of them also attacked by either side of a choice a ↔ b: every combination of the
    choices gives a set holding q the same range, and the exchange of q for r asks to keep
    whichever side covers each z. h, which nothing else attacks, leaves no stable extension."""
    attacks = [("q", "r"), ("r", "q"), ("r", "g"), ("g", "g"), ("h", "h"), ("h", "g")]
    for i in range(k):
        attacks += [(f"a{i}", f"b{i}"), (f"b{i}", f"a{i}")]
        attacks += [("q", f"z{i}"), (f"a{i}", f"z{i}"), (f"b{i}", f"z{i}"), (f"z{i}", f"z{i}")]
    return Framework.from_attacks(attacks)


def test_the_examples_of_choices_match_the_definitions():
    for example in (_choices, _covered_alike):
        af = example(2)
        for code in ("SST", "STG"):
            extensions = oracle.extensions(af, code)
            assert len(extensions) == 4
            assert all("r" in e and "q" not in e for e in extensions)


@pytest.mark.parametrize("code", ["SST", "STG"])
@pytest.mark.parametrize("example", [_choices, _covered_alike])
def test_one_round_rules_out_every_combination_of_the_choices(example, code, monkeypatch):
    # the search for an extension holding q meets each of the 2**12 combinations of the
    # choices before it answers: without the exchange in _choices; in _covered_alike, where
    # each exchange's clause holds for one combination, without ruling out every set whose
    # range lies within the candidate's
    calls = []
    solve = Encoding.solve
    monkeypatch.setattr(Encoding, "solve", lambda self, *a: calls.append(1) or solve(self, *a))
    assert engine.find(example(12), code, [("q", True)]) is None
    assert len(calls) < 20


def test_the_exchange_takes_in_only_the_differences_its_gain_needs():
    # S = {a, c} to T = {b, d}: swapping a for b gains g. The swap of c for d, two attack steps
    # away (both attack h), gains nothing; the exchange leaves it, and the many arguments next
    # to d, out of its conditions, which only ask S' to hold c (h stays covered).
    attacks = [("a", "b"), ("b", "a"), ("b", "g"), ("g", "g"), ("a", "h"), ("c", "h")]
    attacks += [("c", "d"), ("d", "c"), ("d", "h")]
    for i in range(4):
        attacks += [("c", f"e{i}"), ("d", f"e{i}"), (f"e{i}", f"e{i}")]
    af = Framework.from_attacks(attacks)
    index, names = af.index, af.sorted_arguments
    members, larger = {"a", "c"}, {"b", "d"}
    holds, lacks = stage_exchange(af, [index[a] for a in members], [index[a] for a in larger])
    assert {names[i] for i in holds} == {"c"}
    assert {names[i] for i in lacks} == {"b", "g"}
    _assert_rules_out_only_dominated(af, members, larger)


def test_a_round_rules_out_what_each_of_the_smallest_exchanges_would_enlarge():
    # two copies of a <-> b, b -> g, g -> g: S = {a1, a2} to T = {b1, b2} gains g1 and g2, and
    # the exchange of each b for its a is one of its own. After one round neither half of S
    # is left, under the guard: a set lacking b1 (or b2) gains g1 (g2) by that exchange.
    assert EXCHANGE_CLAUSES >= 2
    attacks = []
    for i in (1, 2):
        attacks += [(f"a{i}", f"b{i}"), (f"b{i}", f"a{i}"), (f"b{i}", f"g{i}"), (f"g{i}", f"g{i}")]
    af = Framework.from_attacks(attacks)
    with Encoding(af, "cf", with_range=True, solver=Cadical) as encoding:
        in_ = {name: encoding.in_var(i) for i, name in enumerate(af.sorted_arguments)}
        model = encoding.solve([in_["a1"], in_["a2"]])
        larger = encoding.solve([in_["b1"], in_["b2"]])
        assert model is not None and larger is not None
        assert len(_range_exchanges(af, [0, 1], [2, 3], admissible=False)) == 2
        dominated = encoding.fresh()
        encoding._rule_out_exchange(model, larger, dominated)
        assert encoding.solve([dominated, in_["a1"]]) is None
        assert encoding.solve([dominated, in_["a2"]]) is None
        assert encoding.solve([dominated, in_["b1"], in_["b2"]]) is not None
        assert encoding.solve([in_["a1"], in_["a2"]]) is not None  # only under the guard
