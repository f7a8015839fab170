"""Invariants of map evaluation, on random maps."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import ArgumentMap, Framework, Status, extensions
from argmap.map import AttackKind
from argmap.semantics import Labelling
from argmap.strategies import argument_maps

maps = argument_maps(max_claims=5, max_supports=4, max_attacks=5)
SEMANTICS = ["grounded", "preferred", "stable", "semi-stable", "cf2"]


@given(
    maps, st.sampled_from(SEMANTICS), st.sampled_from(["aspic", "deductive", "necessary", "flat"])
)
def test_every_claim_gets_exactly_one_status_per_labelling(m, semantics, translation):
    ev = m.evaluate(semantics, translation=translation)
    for claim in m.claims:
        assert ev.status(claim) in (Status.IN, Status.OUT, Status.UNDEC)
        for labelling in ev.labellings:
            args = ev.translation.arguments_for[claim.id]
            statuses = [labelling.label(a).value for a in args]
            expected = (
                "in"
                if "in" in statuses
                else "out"
                if all(s == "out" for s in statuses)
                else "undec"
            )
            assert ev.label_in(claim, labelling).value == expected


@given(maps, st.sampled_from(SEMANTICS))
def test_translation_and_evaluation_are_deterministic(m, semantics):
    first, second = m.evaluate(semantics), m.evaluate(semantics)
    assert first.framework == second.framework
    assert first.translation.arguments == second.translation.arguments
    assert [first.status(c) for c in m.claims] == [second.status(c) for c in m.claims]
    rebuilt = ArgumentMap.from_dict(m.to_dict())
    assert rebuilt.evaluate(semantics).framework == first.framework


def _renamed(m: ArgumentMap, rename) -> ArgumentMap:
    data = m.to_dict()
    for claim in data["claims"]:
        claim["id"] = rename(claim["id"])
    for support in data["supports"]:
        support["premises"] = [rename(p) for p in support["premises"]]
        support["conclusion"] = rename(support["conclusion"])
    for attack in data["attacks"]:
        attack["attacker"] = rename(attack["attacker"])
        if attack["kind"] != "undercut":
            attack["target"] = rename(attack["target"])
    for assessment in data["assessments"]:
        if assessment["target_kind"] == "claim":
            assessment["target"] = rename(assessment["target"])
    return ArgumentMap.from_dict(data)


@given(maps, st.sampled_from(SEMANTICS), st.booleans())
def test_renaming_ids_changes_no_status(m, semantics, preferences):
    renamed = _renamed(m, lambda ident: f"zz_{ident[::-1]}")
    before = m.evaluate(semantics, preferences=preferences)
    after = renamed.evaluate(semantics, preferences=preferences)
    for claim in m.claims:
        new = f"zz_{claim.id[::-1]}"
        assert before.status(claim) == after.status(new)
        assert before.acceptance(claim) == after.acceptance(new)
        assert before.strength(claim) == pytest.approx(after.strength(new))


@given(maps, st.sampled_from(SEMANTICS))
def test_a_claim_with_no_relations_is_in(m, semantics):
    lone = m.claim("lonely", "Nothing bears on this claim")
    ev = m.evaluate(semantics)
    if ev.has_extensions:
        assert ev.status(lone) is Status.IN


@given(maps, st.sampled_from(SEMANTICS))
def test_flat_without_preferences_is_plain_dung(m, semantics):
    model = m.model()
    attacks = set()
    for attack in model.attacks:
        if attack.kind is AttackKind.UNDERCUT:
            continue
        attacks.add((attack.attacker, attack.target))
        if attack.kind is AttackKind.CONTRADICT:
            attacks.add((attack.target, attack.attacker))
    af = Framework.from_attacks(attacks, arguments=[c.id for c in model.claims])
    found = extensions(af, semantics)
    ev = m.evaluate(semantics, translation="flat", preferences=False)
    for claim in model.claims:
        in_all = bool(found) and all(claim.id in e for e in found)
        out_all = bool(found) and all(
            claim.id in Labelling.from_extension(af, e).out for e in found
        )
        expected = Status.IN if in_all else Status.OUT if out_all else Status.UNDEC
        assert ev.status(claim) is expected


@given(maps)
def test_no_two_in_claims_attack_each_other_without_preferences(m):
    ev = m.evaluate("preferred", preferences=False)
    for labelling in ev.labellings:
        for attack in m.attacks:
            if attack.kind is AttackKind.UNDERCUT:
                continue
            both = [ev.label_in(c, labelling) for c in (attack.attacker, attack.target)]
            assert both != [Status.IN, Status.IN]


@given(maps)
def test_json_round_trip_is_lossless(m):
    back = ArgumentMap.from_json(m.to_json())
    assert back.model() == m.model()
    assert back.to_json() == m.to_json()
