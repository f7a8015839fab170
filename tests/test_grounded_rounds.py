"""The grounded labelling round by round, against the characteristic function iterated from
the empty set (Dung 1995), computed by the exhaustive reference."""

import pytest
from hypothesis import example, given

from argmap import ArgumentMap, Framework
from argmap.semantics import grounded_labelling, grounded_rounds
from argmap.strategies import argument_maps, frameworks

import oracle


@given(frameworks(max_arguments=9))
@example(Framework.from_attacks([]))
@example(Framework.from_attacks([("a", "a")], arguments=["b"]))
def test_after_k_rounds_the_in_arguments_are_the_characteristic_function_k_times(af):
    rounds = grounded_rounds(af)
    accepted: frozenset[str] = frozenset()
    rejected: frozenset[str] = frozenset()
    for k, step in enumerate(rounds, start=1):
        assert step.number == k
        assert step.in_ and not step.in_ & (accepted | rejected)
        assert not step.out & (accepted | rejected | step.in_)
        reference = oracle.characteristic(af, accepted)  # F^k(∅), from F^(k-1)(∅)
        assert accepted | step.in_ == reference
        accepted = reference
        rejected |= step.out
        assert rejected == oracle.attacked_by(af, accepted)  # OUT: attacked by what is IN
    # the rounds stop at the least fixed point, which is the grounded extension
    assert oracle.characteristic(af, accepted) == accepted == oracle.grounded(af)
    final = grounded_labelling(af)
    assert (final.in_, final.out) == (accepted, rejected)


def test_a_chain_is_labelled_one_link_a_round_and_a_cycle_never():
    chain = [(f"a{i}", f"a{i + 1}") for i in range(1, 6)]
    af = Framework.from_attacks([*chain, ("x", "y"), ("y", "x"), ("s", "s"), ("s", "a3")])
    rounds = grounded_rounds(af)
    assert [(sorted(r.in_), sorted(r.out)) for r in rounds] == [
        (["a1"], ["a2"]),
        # a3 is attacked by a2, OUT now, and by s, which no round labels: a3 waits for ever
    ]
    unattacked = Framework.from_attacks(chain)
    assert [(sorted(r.in_), sorted(r.out)) for r in grounded_rounds(unattacked)] == [
        (["a1"], ["a2"]),
        (["a3"], ["a4"]),
        (["a5"], ["a6"]),
    ]
    assert repr(grounded_rounds(unattacked)[1]) == "GroundedRound(2, in=['a3'], out=['a4'])"


@given(argument_maps(max_claims=8))
def test_a_maps_rounds_label_each_claim_once_and_end_at_its_grounded_status(m):
    ev = m.evaluate()
    rounds = ev.grounded_rounds()
    assert len(rounds) == len(grounded_rounds(ev.framework))  # numbered as the arguments' rounds
    labelled = [c for step in rounds for c in (*step.in_, *step.out)]
    assert len(labelled) == len(set(labelled))  # each claim in one round at most
    accepted = {c for step in rounds for c in step.in_}
    rejected = {c for step in rounds for c in step.out}
    without = {c.id for c in m.claims if not ev.translation.arguments_for[c.id]}
    for claim in m.claims:
        expected = (
            "in" if claim.id in accepted else "out" if claim.id in rejected | without else "undec"
        )
        assert ev.status(claim).value == expected


def test_a_maps_rounds_follow_reinstatement_and_are_for_grounded_only():
    m = ArgumentMap()
    w, x, u = m.claim("w", "W"), m.claim("x", "X"), m.claim("u", "U")
    m.undercut(u, m.support(w, x))
    n = m.claim("n", "N")
    m.rebut(n, u)
    m.rebut(m.claim("k", "K"), n)
    rounds = m.evaluate().grounded_rounds()
    assert [(sorted(r.in_), sorted(r.out)) for r in rounds] == [
        (["k", "w"], ["n"]),
        (["u"], ["x"]),
    ]
    with pytest.raises(ValueError, match="under preferred semantics: evaluate with 'grounded'"):
        m.evaluate("preferred").grounded_rounds()
