"""Worked examples from the literature, evaluated through the DSL."""

import pytest

from argmap import Acceptance, ArgumentMap, Status

IN, OUT, UNDEC = Status.IN, Status.OUT, Status.UNDEC


def test_nixon_diamond():
    # Reiter and Criscuolo (1981); as an argumentation example in Prakken and Vreeswijk
    # (2002): Quaker, so pacifist; Republican, so not pacifist.
    m = ArgumentMap("Nixon diamond")
    quaker = m.claim("quaker", "Nixon is a Quaker")
    republican = m.claim("republican", "Nixon is a Republican")
    pacifist = m.claim("pacifist", "Nixon is a pacifist")
    hawk = m.claim("hawk", "Nixon is not a pacifist")
    m.support(quaker, pacifist)
    m.support(republican, hawk)
    m.contradict(pacifist, hawk)
    grounded = m.evaluate()
    assert [grounded.status(c) for c in ("quaker", "republican", "pacifist", "hawk")] == [
        IN,
        IN,
        UNDEC,
        UNDEC,
    ]
    preferred = m.evaluate("preferred")
    assert preferred.status("pacifist") is UNDEC
    assert preferred.acceptance("pacifist") is Acceptance.CREDULOUS
    assert preferred.acceptance("quaker") is Acceptance.SCEPTICAL
    assert "cycle of defeats" in grounded.explain("pacifist")


def test_reinstatement_chain():
    # Dung (1995): c attacks b, b attacks a; c reinstates a.
    m = ArgumentMap()
    a, b, c = (m.claim(i, f"claim {i}") for i in "abc")
    m.rebut(b, a)
    m.rebut(c, b)
    ev = m.evaluate()
    assert (ev.status(a), ev.status(b), ev.status(c)) == (IN, OUT, IN)
    text = ev.explain(a)
    assert "claim b" in text and "claim c" in text and "defeated" in text


def test_pollock_red_light_undercut():
    # Pollock (1987): the object looks red, so it is red; but it is lit by a red light.
    # The undercutter attacks the inference, not the perception or the conclusion's negation.
    m = ArgumentMap("Red light")
    looks = m.claim("looks", "The object looks red")
    red = m.claim("red", "The object is red")
    light = m.claim("light", "The object is illuminated by a red light")
    inference = m.support(looks, red)
    m.undercut(light, inference)
    ev = m.evaluate()
    assert (ev.status(looks), ev.status(red), ev.status(light)) == (IN, OUT, IN)
    assert "undercuts" in ev.explain(red)


def test_an_explanation_names_the_schemes_of_the_relations_it_cites():
    # Walton's expert opinion scheme, undercut by the critical question of bias
    m = ArgumentMap("Expert")
    said = m.claim("said", "Dr Lee, a virologist, says the strain is airborne")
    airborne = m.claim("airborne", "The strain is airborne")
    opinion = m.support(said, airborne, label="Argument From Expert Opinion")
    paid = m.claim("paid", "Dr Lee is paid by a maker of air filters")
    m.undercut(paid, opinion, label="Conflict From Bias")
    assert m.evaluate().explain(airborne).splitlines()[1] == (
        "- 'The strain is airborne' (airborne), inferred from 'Dr Lee, a virologist, says the "
        "strain is airborne' (said) [Argument From Expert Opinion] is defeated: 'Dr Lee is "
        "paid by a maker of air filters' (paid) undercuts it [Conflict From Bias], and stands."
    )


def test_linked_versus_convergent_support():
    # Linked: both premises are needed, so defeating one defeats the argument.
    linked = ArgumentMap()
    p, q, c, x = (linked.claim(i, f"claim {i}") for i in ("p", "q", "c", "x"))
    linked.support([p, q], c)
    linked.rebut(x, q)
    assert linked.evaluate().status(c) is OUT
    # Convergent: two independent reasons; defeating one leaves the other.
    convergent = ArgumentMap()
    p, q, c, x = (convergent.claim(i, f"claim {i}") for i in ("p", "q", "c", "x"))
    convergent.support(p, c)
    convergent.support(q, c)
    convergent.rebut(x, q)
    assert convergent.evaluate().status(c) is IN


def test_preferences_settle_a_rebuttal():
    # Modgil and Prakken (2014): a rebuttal from a strictly weaker argument is no defeat.
    m = ArgumentMap()
    strong = m.claim("strong", "The report is accurate")
    weak = m.claim("weak", "The report is fabricated")
    m.contradict(strong, weak)
    m.assess(strong, likelihood="very likely", confidence="high")
    m.assess(weak, likelihood="unlikely", confidence="high")
    ev = m.evaluate()
    assert (ev.status(strong), ev.status(weak)) == (IN, OUT)
    assert "weaker" in ev.explain(strong)
    off = m.evaluate(preferences=False)
    assert (off.status(strong), off.status(weak)) == (UNDEC, UNDEC)


def test_undercut_defeats_whatever_the_preferences():
    m = ArgumentMap()
    premise = m.claim("p", "A reliable sensor reads 40 degrees")
    conclusion = m.claim("c", "It is 40 degrees")
    doubt = m.claim("d", "The sensor sits in direct sun")
    support = m.support(premise, conclusion)
    m.undercut(doubt, support)
    m.assess(conclusion, likelihood="almost certain")
    m.assess(doubt, likelihood="very unlikely")
    assert m.evaluate().status(conclusion) is OUT


def test_odd_cycle_grounded_undecided_stable_none():
    m = ArgumentMap()
    a, b, c = (m.claim(i, f"claim {i}") for i in "abc")
    m.rebut(a, b)
    m.rebut(b, c)
    m.rebut(c, a)
    assert {m.evaluate().status(x) for x in "abc"} == {UNDEC}
    stable = m.evaluate("stable")
    assert not stable.has_extensions
    assert all(
        stable.status(x) is UNDEC and stable.acceptance(x) is Acceptance.REJECTED for x in "abc"
    )
    assert "no extension" in stable.notes[0]
    assert "no extension" in stable.explain("a")


def test_support_cycle_does_not_hang_and_builds_nothing_circular():
    m = ArgumentMap()
    a, b = m.claim("a", "A"), m.claim("b", "B")
    m.support(a, b)
    m.support(b, a)
    ev = m.evaluate()
    assert (ev.status(a), ev.status(b)) == (OUT, OUT)
    assert "cycle of support" in ev.explain(a)
    # with an independent reason entering the cycle, both stand
    m.support(m.claim("c", "C"), a)
    ev = m.evaluate()
    assert (ev.status(a), ev.status(b)) == (IN, IN)


@pytest.mark.parametrize("translation", ["deductive", "necessary"])
def test_bipolar_derived_attacks(translation):
    # Cayrol and Lagasquie-Schiex (2013): a supports b, c attacks b.
    m = ArgumentMap()
    a, b, c = m.claim("a", "A"), m.claim("b", "B"), m.claim("c", "C")
    m.support(a, b)
    m.rebut(c, b)
    ev = m.evaluate(translation=translation)
    derived = ev.translation.derived()
    if translation == "deductive":
        assert derived == {("c", "a")}  # mediated attack: a would force b
        assert ev.status(a) is OUT
    else:
        assert derived == set()  # b's fall does not touch its necessary condition a
        assert ev.status(a) is IN


def test_necessary_support_secondary_attack():
    m = ArgumentMap()
    a, b, c = m.claim("a", "A"), m.claim("b", "B"), m.claim("c", "C")
    m.support(a, b)  # a is necessary for b
    m.rebut(c, a)
    ev = m.evaluate(translation="necessary")
    assert ev.translation.derived() == {("c", "b")}
    assert ev.status(b) is OUT


def test_flat_translation_notes_what_it_ignores():
    m = ArgumentMap()
    a, b, u = m.claim("a", "A"), m.claim("b", "B"), m.claim("u", "U")
    m.undercut(u, m.support(a, b))
    ev = m.evaluate(translation="flat")
    assert any("undercut" in note for note in ev.notes)
    assert any("ignores the map's one support" in note for note in ev.notes)
    m.support(b, a)
    assert "the flat translation ignores all 2 supports" in m.evaluate(translation="flat").notes


def test_a_link_principle_with_nothing_to_act_on_is_noted():
    m = ArgumentMap()
    a, b = m.claim("a", "A"), m.claim("b", "B")
    m.support(a, b)
    m.rebut(m.claim("c", "C"), b)
    acting = m.evaluate(link="last")
    assert not any("link principle" in note for note in acting.notes)
    for options, why in (
        ({"preferences": False}, "preferences are off"),
        ({"translation": "flat"}, "the flat translation builds one argument per claim"),
        ({"translation": "deductive"}, "the deductive translation builds one argument per claim"),
    ):
        notes = m.evaluate(link="last", **options).notes
        assert any(f"the last-link principle changes nothing here: {why}" in n for n in notes)
        assert not any("link principle" in n for n in m.evaluate(**options).notes)
