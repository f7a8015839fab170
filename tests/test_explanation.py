"""Explanations of an abstract argument: every statement they make is checked against the
definitions (the exhaustive reference) or the grounded rounds."""

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import Framework
from argmap.semantics import explain_argument, grounded_labelling, grounded_rounds
from argmap.strategies import frameworks

import oracle
from conftest import run

_SETS = re.compile(r"\{([^{}]*)\}")


def _sets(text):
    return [frozenset(filter(None, body.split(", "))) for body in _SETS.findall(text)]


@settings(max_examples=max(20, settings.default.max_examples))
@given(frameworks(max_arguments=7), st.data())
def test_a_grounded_explanation_says_only_what_the_rounds_say(af, data):
    if not len(af):
        return
    argument = data.draw(st.sampled_from(af.sorted_arguments))
    text = explain_argument(af, argument)
    flat = " ".join(text.split())
    labelling = grounded_labelling(af)
    label = labelling.label(argument).value.upper()
    assert flat.startswith(f"{argument} is {label} under grounded semantics")
    when = {}
    for step in grounded_rounds(af):
        when.update({name: ("IN", step.number) for name in step.in_})
        when.update({name: ("OUT", step.number) for name in step.out})
    # every "x is IN/OUT in round k" and "x, IN in round k," agrees with the rounds
    for name, said, number in re.findall(r"(\S+) is (IN|OUT) in round (\d+)", flat):
        assert when[name] == (said, int(number))
    for name, number in re.findall(r"(\S+), IN in round (\d+), attacks", flat):
        assert when[name] == ("IN", int(number))
    for name in re.findall(r"(\S+) is IN in round \d+: nothing attacks it", flat):
        assert not af.attackers(name)
    if label == "UNDEC":
        cycle = re.search(r"cycle of attacks (.*?), in which", flat)
        if cycle:
            ring = cycle[1].split(" → ")
            assert all((a, b) in af.attacks for a, b in itertools.pairwise(ring))
            assert not any(name in when for name in ring)
        for name in re.findall(r"([^\s,]+)(?:, which)? attacks itself", flat):
            name = argument if name == "it" else name
            assert (name, name) in af.attacks


@settings(max_examples=max(20, settings.default.max_examples // 2))
@given(
    frameworks(max_arguments=6),
    st.sampled_from(["preferred", "stable", "complete", "semi-stable", "stage", "naive"]),
    st.data(),
)
def test_an_explanation_by_extensions_names_true_extensions(af, semantics, data):
    if not len(af):
        return
    argument = data.draw(st.sampled_from(af.sorted_arguments))
    text = " ".join(explain_argument(af, argument, semantics).split())
    code = {"preferred": "PR", "stable": "ST", "complete": "CO", "semi-stable": "SST",
            "stage": "STG", "naive": "NA"}[semantics]  # fmt: skip
    every = oracle.extensions(af, code)
    holding = [e for e in every if argument in e]
    if not every:
        assert "vacuously" in text
        return
    named = _sets(text)
    assert named and all(e in every for e in named)
    if not holding:
        assert text.startswith(f"{argument} is rejected") and argument not in named[0]
    elif len(holding) == len(every):
        assert text.startswith(f"{argument} is sceptically accepted") and argument in named[0]
    else:
        assert text.startswith(f"{argument} is credulously but not sceptically accepted")
        assert argument in named[0] and argument not in named[1]
    attackers = re.search(r"where (.*?) attacks? it", text)
    if attackers:
        names = set(re.split(r", | and ", attackers[1]))
        assert names <= af.attackers(argument) & named[-1]


@given(frameworks(max_arguments=6), st.data())
def test_a_strongly_admissible_explanation_names_a_set_and_follows_grounded(af, data):
    if not len(af):
        return
    argument = data.draw(st.sampled_from(af.sorted_arguments))
    text = explain_argument(af, argument, "strongly admissible")
    grounded = explain_argument(af, argument, "grounded")
    head, tail = text.split(f"\n{argument} is ", 1)
    assert f"{argument} is {tail}" == grounded
    named = _sets(" ".join(head.split()))
    if argument in oracle.grounded(af):
        assert head.startswith(f"{argument} is credulously but not sceptically accepted")
        assert argument in named[0] and named[0] in oracle.strongly_admissible(af)
    else:
        assert head.startswith(f"{argument} is rejected") and not named


def test_the_command_explains_and_refuses_what_it_cannot(capsys, tmp_path):
    path = tmp_path / "chain.apx"
    path.write_text("arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,c).\n")
    status, out, err = run(capsys, "explain", "-f", str(path), "-a", "c")
    assert status == 0 and err == ""
    assert out.splitlines() == [
        "c is IN under grounded semantics, in round 2 of 2: each of its attackers is OUT.",
        "- b is OUT in round 1: a, IN in round 1, attacks it.",
        "  - a is IN in round 1: nothing attacks it.",
    ]
    for argv, message in (
        (["-a", "z"], "unknown argument: 'z'"),
        (["-a", "a", "-s", "prefered"], "unknown semantics: 'prefered'"),
    ):
        status, out, err = run(capsys, "explain", "-f", str(path), *argv)
        assert status == 2 and out == "" and message in err and "Traceback" not in err


def test_a_long_justification_stops_at_its_depth():
    chain = Framework.from_attacks([(f"a{i}", f"a{i + 1}") for i in range(1, 30)])
    text = explain_argument(chain, "a29")
    assert "and so on." in text and len(text.splitlines()) < 15
    with pytest.raises(Exception, match="unknown argument"):
        explain_argument(chain, "b")


def test_an_argument_met_twice_is_justified_once():
    af = Framework.from_attacks([("a", "b1"), ("a", "b2"), ("b1", "c"), ("b2", "c")])
    assert explain_argument(af, "c").splitlines() == [
        "c is IN under grounded semantics, in round 2 of 2: each of its attackers is OUT.",
        "- b1 is OUT in round 1: a, IN in round 1, attacks it.",
        "  - a is IN in round 1: nothing attacks it.",
        "- b2 is OUT in round 1: a, IN in round 1, attacks it.",
        "  - a is IN in round 1 (see above).",
    ]
