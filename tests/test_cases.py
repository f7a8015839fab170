"""Hand-made frameworks that no published set covers, each with answers worked out by hand."""

import pytest

from argmap import Framework, Label, accepted, extensions, grounded_labelling

E = frozenset


def exts(*sets):
    return E(E(s) for s in sets)


def test_isolated_arguments_are_in_every_extension():
    af = Framework.from_attacks([("a", "b"), ("b", "a")], arguments=["c"])
    assert extensions(af, "GR") == exts({"c"})
    assert extensions(af, "PR") == exts({"a", "c"}, {"b", "c"})
    assert extensions(af, "NA") == exts({"a", "c"}, {"b", "c"})
    assert accepted(af, "c", "ST", mode="sceptical")


def test_grounded_labels_a_self_attacker_undec_not_out():
    af = Framework.from_attacks([("a", "a"), ("a", "b")])
    lab = grounded_labelling(af)
    assert lab.label("a") is Label.UNDEC
    assert lab.label("b") is Label.UNDEC


def test_self_attacker_defeated_from_outside_is_out():
    af = Framework.from_attacks([("c", "a"), ("a", "a")])
    assert grounded_labelling(af).label("a") is Label.OUT


def test_odd_cycle_has_no_stable_extension_and_empty_preferred():
    af = Framework.from_attacks([("a", "b"), ("b", "c"), ("c", "a")])
    assert extensions(af, "ST") == E()
    assert extensions(af, "PR") == exts(set())
    assert extensions(af, "SST") == exts(set())
    # stage and cf2 treat odd and even cycles alike: each singleton
    assert extensions(af, "STG") == exts({"a"}, {"b"}, {"c"})
    assert extensions(af, "CF2") == exts({"a"}, {"b"}, {"c"})
    assert extensions(af, "STG2") == exts({"a"}, {"b"}, {"c"})
    assert not accepted(af, "a", "ST", mode="credulous")
    assert accepted(af, "a", "ST", mode="sceptical")  # vacuously, as in ICCMA


def test_even_cycle_has_two_stable_extensions():
    af = Framework.from_attacks([("a", "b"), ("b", "c"), ("c", "d"), ("d", "a")])
    assert extensions(af, "ST") == exts({"a", "c"}, {"b", "d"})
    assert extensions(af, "GR") == exts(set())


def test_semi_stable_with_incomparable_ranges():
    # a1->a3, a1->a4, a2->a2, a3->a3, a4->a1, a4->a2: ranges {a1,a3,a4} and {a1,a2,a4}
    af = Framework.from_attacks(
        [("a1", "a3"), ("a1", "a4"), ("a2", "a2"), ("a3", "a3"), ("a4", "a1"), ("a4", "a2")]
    )
    assert extensions(af, "SST") == exts({"a1"}, {"a4"})
    assert extensions(af, "ST") == E()


def test_reinstatement_chain():
    af = Framework.from_attacks([("a", "b"), ("b", "c"), ("c", "d")])
    assert extensions(af, "GR") == exts({"a", "c"})


def test_ideal_differs_from_grounded():
    # a and b attack each other and b attacks itself: nothing is unattacked, so grounded is
    # empty, but {a} is admissible and in the only preferred extension.
    af = Framework.from_attacks([("a", "b"), ("b", "a"), ("b", "b")])
    assert extensions(af, "GR") == exts(set())
    assert extensions(af, "PR") == exts({"a"})
    assert extensions(af, "ID") == exts({"a"})


def test_ideal_is_not_the_intersection_of_preferred():
    # a <-> b, both attack c, c attacks d: d is in both preferred extensions, yet {d} cannot
    # defend itself against c, so the ideal extension is empty.
    af = Framework.from_attacks([("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"), ("c", "d")])
    assert extensions(af, "PR") == exts({"a", "d"}, {"b", "d"})
    assert extensions(af, "ID") == exts(set())


def test_eager_differs_from_ideal():
    af = Framework.from_attacks([("a", "b"), ("b", "a"), ("b", "c"), ("c", "c")])
    assert extensions(af, "ID") == exts(set())
    assert extensions(af, "SST") == exts({"b"})
    assert extensions(af, "EA") == exts({"b"})


def test_strongly_admissible_differs_from_admissible():
    # Caminada (2014): c defends itself against b, so {c} is admissible; it is not strongly
    # admissible, since c is only defended with its own help
    af = Framework.from_attacks([("a", "b"), ("b", "c"), ("c", "b")])
    assert extensions(af, "AD") == exts(set(), {"a"}, {"c"}, {"a", "c"})
    assert extensions(af, "SAD") == exts(set(), {"a"}, {"a", "c"})


def test_cf2_differs_from_naive_on_a_chain():
    af = Framework.from_attacks([("a", "b"), ("b", "c")])
    assert extensions(af, "NA") == exts({"a", "c"}, {"b"})
    assert extensions(af, "CF2") == exts({"a", "c"})


def test_stage2_differs_from_cf2():
    # one component {a, b, d} (a <-> b, b -> d -> a) and an isolated c: each singleton of the
    # component is naive, but only {b} attacks the rest of it, so only {b} is a stage extension
    af = Framework.from_attacks([("a", "b"), ("b", "a"), ("b", "d"), ("d", "a")], arguments=["c"])
    assert extensions(af, "CF2") == exts({"a", "c"}, {"b", "c"}, {"d", "c"})
    assert extensions(af, "STG2") == exts({"b", "c"})


@pytest.mark.parametrize("semantics", ["preferred", "PR", "pr", "Preferred"])
def test_names_and_codes_are_interchangeable(semantics):
    af = Framework.from_attacks([("a", "b")])
    assert extensions(af, semantics) == exts({"a"})
