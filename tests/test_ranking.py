"""The h-categoriser: degrees that solve its equations, exactly where no cycle is involved and
within the stated tolerance elsewhere, and the principles Amgoud and Ben-Naim (2013) and
Amgoud et al. (2017) prove of it."""

import math
import random
from fractions import Fraction
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import Framework
from argmap.errors import UnknownArgumentError
from argmap.framework import natural_key
from argmap.semantics.ranking import categoriser, explain_degree, ranked
from argmap.strategies import frameworks, weights

from conftest import run

GOLDEN = (math.sqrt(5) - 1) / 2  # x = 1 / (1 + x)


@st.composite
def weighted_frameworks(draw, **kwargs):
    af = draw(frameworks(**kwargs))
    return af, draw(weights(af))


def acyclic_degrees(af, weights):
    """The definition on a framework without cycles, by recursion over attackers, in exact
    arithmetic."""
    known = {}

    def degree(name):
        if name not in known:
            total = sum((degree(b) for b in af.attackers(name)), Fraction(0))
            known[name] = Fraction(weights.get(name, 1)) / (1 + total)
        return known[name]

    return {name: degree(name) for name in af.arguments}


def residual(af, weights, degrees):
    """How far the degrees are from solving the equations, at worst."""
    return max(
        (
            abs(
                degrees[a]
                - weights.get(a, 1.0) / (1 + math.fsum(degrees[b] for b in af.attackers(a)))
            )
            for a in af.arguments
        ),
        default=0.0,
    )


def test_known_degrees():
    # a chain gives ratios of Fibonacci numbers; a self-attacker, and every argument of an
    # odd or even cycle, the root of x = 1 / (1 + x)
    chain = categoriser(Framework.from_attacks([("a", "b"), ("b", "c"), ("c", "d")]))
    assert chain == pytest.approx({"a": 1, "b": 1 / 2, "c": 2 / 3, "d": 3 / 5}, abs=1e-15)
    for attacks in ([("s", "s")], [("a", "b"), ("b", "a")], [("a", "b"), ("b", "c"), ("c", "a")]):
        degrees = categoriser(Framework.from_attacks(attacks), tolerance=1e-12)
        assert all(abs(value - GOLDEN) <= 1.01e-12 for value in degrees.values())
    # two unattacked attackers: 1 / (1 + 2); weights scale the unattacked and the attacked
    af = Framework.from_attacks([("a", "c"), ("b", "c")])
    assert categoriser(af)["c"] == pytest.approx(1 / 3, abs=1e-15)
    assert categoriser(af, {"a": 0.5, "c": 0.8})["c"] == pytest.approx(0.8 / 2.5, abs=1e-15)
    assert categoriser(Framework([], [])) == {}


@given(weighted_frameworks(max_arguments=8, self_attacks=False, family="acyclic"))
def test_without_cycles_the_degrees_are_the_definitions_exactly(case):
    af, weights = case
    exact = acyclic_degrees(af, weights)
    degrees = categoriser(af, weights)
    assert all(abs(Fraction(degrees[a]) - exact[a]) <= 1e-12 for a in af.arguments)


def iterated(af, weights, rounds=20_000):
    """The equations iterated from the weights over the whole framework at once, as the
    literature proves converges, far past the point where floating point stops moving."""
    degree = {a: float(weights.get(a, 1)) for a in af.arguments}
    for _ in range(rounds):
        new = {
            a: weights.get(a, 1) / (1 + math.fsum(degree[b] for b in af.attackers(a)))
            for a in af.arguments
        }
        if new == degree:
            break
        degree = new
    return degree


@given(weighted_frameworks(max_arguments=8), st.sampled_from([1e-3, 1e-6, 1e-9, 1e-12]))
def test_each_degree_lies_within_the_tolerance_of_the_solution(case, tolerance):
    af, weights = case
    degrees = categoriser(af, weights, tolerance=tolerance)
    reference = iterated(af, weights)
    assert residual(af, weights, reference) <= 1e-14
    assert all(abs(degrees[a] - reference[a]) <= tolerance + 1e-14 for a in af.arguments)


@given(weighted_frameworks(max_arguments=8))
def test_principles(case):
    af, weights = case
    degrees = categoriser(af, weights, tolerance=1e-12)
    weight = {a: weights.get(a, 1.0) for a in af.arguments}
    for a in af.arguments:
        attackers = af.attackers(a)
        assert 0 <= degrees[a] <= weight[a]
        # maximality: an argument no argument of positive weight attacks keeps its weight
        if all(weight[b] == 0 for b in attackers):
            assert degrees[a] == weight[a]
        # weakening: one that an argument of positive degree attacks loses some of it
        elif weight[a] > 0:
            assert degrees[a] < weight[a]
        for b in af.arguments:
            # monotony: of two arguments of the same weight, the one whose attackers are a
            # subset of the other's is at least as strong
            if weight[a] == weight[b] and attackers <= af.attackers(b):
                assert degrees[a] >= degrees[b] - 2e-12


@given(weighted_frameworks(max_arguments=7), st.randoms(use_true_random=False))
def test_abstraction_and_independence(case, rng):
    af, weights = case
    degrees = categoriser(af, weights, tolerance=1e-12)
    # renamed arguments keep their degrees
    names = sorted(af.arguments)
    shuffled = names[:]
    rng.shuffle(shuffled)
    rename = {old: f"x{new}" for old, new in zip(names, shuffled, strict=True)}
    renamed = Framework(rename.values(), [(rename[a], rename[b]) for a, b in af.attacks])
    again = categoriser(renamed, {rename[a]: w for a, w in weights.items()}, tolerance=1e-12)
    assert all(abs(again[rename[a]] - degrees[a]) <= 2e-12 for a in names)
    # a part of the framework that nothing joins to the rest has the degrees it has alone
    for part in nx.weakly_connected_components(af.to_networkx()):
        alone = categoriser(
            af.restrict(part), {a: w for a, w in weights.items() if a in part}, tolerance=1e-12
        )
        assert all(abs(alone[a] - degrees[a]) <= 2e-12 for a in part)


@given(frameworks(max_arguments=8))
def test_void_precedence_without_weights(af):
    degrees = categoriser(af)
    unattacked = [a for a in af.arguments if not af.attackers(a)]
    attacked = [a for a in af.arguments if af.attackers(a)]
    assert all(degrees[a] > degrees[b] for a in unattacked for b in attacked)
    tiers = ranked(degrees)
    assert sorted(name for tier in tiers for name in tier) == sorted(af.arguments)
    if unattacked:
        assert sorted(tiers[0]) == sorted(unattacked)
    values = [round(degrees[tier[0]], 9) for tier in tiers]
    assert values == sorted(values, reverse=True) and len(set(values)) == len(values)


def test_a_large_framework_with_long_cycles_settles():
    rng = random.Random(3)
    n = 3000
    attacks = {(f"a{i}", f"a{(i + 1) % n}") for i in range(n)}
    attacks |= {(f"a{rng.randrange(n)}", f"a{rng.randrange(n)}") for _ in range(3 * n)}
    af = Framework.from_attacks(attacks)
    degrees = categoriser(af, tolerance=1e-10)
    assert residual(af, {}, degrees) <= 1e-9


def test_bad_weights_and_tolerances_are_refused_by_name():
    af = Framework.from_attacks([("a", "b")])
    with pytest.raises(UnknownArgumentError, match="unknown argument: 'z'"):
        categoriser(af, {"z": 0.5})
    for value in (1.5, -0.1, math.nan, "0.5", True):
        with pytest.raises(ValueError, match=r"argument 'a': a weight lies in \[0, 1\]"):
            categoriser(af, {"a": value})
    for tolerance in (0, 1e-13, 1, -1e-3, math.nan):
        with pytest.raises(ValueError, match=r"the tolerance must lie in \[1e-12, 1\)"):
            categoriser(af, tolerance=tolerance)


def test_the_command_prints_each_argument_and_its_degree_strongest_first(capsys, tmp_path):
    path = tmp_path / "chain.apx"
    path.write_text("arg(a).\narg(b).\narg(c).\narg(e).\natt(a,b).\natt(b,c).\natt(e,c).\n")
    status, out, err = run(capsys, "rank", "-f", str(path))
    assert (status, err) == (0, "")
    assert out.splitlines() == ["a 1.000000000", "e 1.000000000", "b 0.500000000", "c 0.400000000"]
    weights = tmp_path / "weights.txt"
    weights.write_text("# the witness is shaky\na 0.25  # a quarter\n\ne 0\n")
    status, out, err = run(
        capsys, "rank", "-f", str(path), "--weights", str(weights), "--tolerance", "1e-4"
    )
    assert (status, err) == (0, "")
    assert out.splitlines() == ["b 0.8000", "c 0.5556", "a 0.2500", "e 0.0000"]


def test_a_weights_file_takes_a_name_holding_a_hash(capsys, tmp_path):
    path = tmp_path / "hash.tgf"
    path.write_text("a#1\nb\n#\na#1 b\n")
    weights = tmp_path / "weights.txt"
    weights.write_text("#comment\na#1 0.5 #a comment\n")
    status, out, err = run(capsys, "rank", "-f", str(path), "--weights", str(weights))
    assert (status, err) == (0, "")
    assert out.splitlines() == ["b 0.666666667", "a#1 0.500000000"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a\n", "weights.txt:1: a line is an argument and its weight: 'a'"),
        ("a 0.5\nz 0.5\n", "weights.txt:2: unknown argument: 'z' (arguments: ['a', 'b'])"),
        ("a 1.5\n", "weights.txt:1: a weight is a number from 0 to 1: 'a 1.5'"),
        ("a nan\n", "weights.txt:1: a weight is a number from 0 to 1: 'a nan'"),
        ("a half\n", "weights.txt:1: a weight is a number from 0 to 1: 'a half'"),
        ("a 0.5\na 0.4\n", "weights.txt:2: argument 'a' is weighed twice"),
    ],
)
def test_the_command_names_the_line_of_a_bad_weight(capsys, tmp_path, text, message):
    path = tmp_path / "two.apx"
    path.write_text("arg(a).\narg(b).\natt(a,b).\n")
    weights = tmp_path / "weights.txt"
    weights.write_text(text)
    status, out, err = run(capsys, "rank", "-f", str(path), "--weights", str(weights))
    assert status == 2 and out == "" and message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_the_command_refuses_a_tolerance_out_of_range_and_a_missing_file(capsys, tmp_path):
    path = tmp_path / "two.apx"
    path.write_text("arg(a).\narg(b).\natt(a,b).\n")
    status, out, err = run(capsys, "rank", "-f", str(path), "--tolerance", "1e-15")
    assert status == 2 and out == "" and "--tolerance must lie in [1e-12, 1)" in err
    status, out, err = run(capsys, "rank", "-f", str(path), "--weights", str(tmp_path / "no"))
    assert status == 2 and out == "" and "no: cannot read the file" in err


def test_the_nixon_degrees_of_the_command_line_page_solve_their_equations_in_closed_form(capsys):
    # quaker and republican attack each other: x = 1 / (1 + x); hawk and pacifist attack each
    # other and are each attacked by one of them: h = 1 / (1 + h + x); bystander 1 / (1 + h)
    x = GOLDEN
    h = (-(1 + x) + math.sqrt((1 + x) ** 2 + 4)) / 2
    root = Path(__file__).parent.parent
    status, out, err = run(
        capsys, "rank", "-f", str(root / "examples" / "frameworks" / "nixon.apx")
    )
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        f"bystander {1 / (1 + h):.9f}",
        f"quaker {x:.9f}",
        f"republican {x:.9f}",
        f"hawk {h:.9f}",
        f"pacifist {h:.9f}",
    ]
    page = (root / "docs" / "cli.md").read_text()
    assert "\n".join(out.splitlines()) in page


def test_degrees_are_drawn_in_figures_border_and_shade():
    from argmap.render import render_framework

    af = Framework.from_attacks([("a", "b"), ("b", "c")])
    degrees = categoriser(af)
    source = render_framework(af, degrees=degrees).source
    for name, width, fill in (("a", "4.00", "#919191"), ("b", "2.25", "#C8C8C8")):
        line = next(row for row in source.splitlines() if row.strip().startswith(f"{name} ["))
        assert f"{degrees[name]:.3f}" in line
        assert f"penwidth={width}" in line and f'fillcolor="{fill}"' in line
    assert "gradual degrees" in source and "(+) IN" not in source
    for kwargs, message in (
        ({"degrees": {**degrees, "z": 0.5}}, "unknown argument: 'z'"),
        ({"degrees": {"a": 1.0, "b": 0.5}}, r"every argument needs a degree; none for \['c'\]"),
        ({"degrees": {**degrees, "c": 1.5}}, r"argument 'c': a degree lies in \[0, 1\]"),
        ({"degrees": degrees, "semantics": "PR"}, "degrees are drawn instead of a labelling"),
        ({"degrees": degrees, "extension": ["a"]}, "degrees are drawn instead of a labelling"),
    ):
        with pytest.raises((ValueError, KeyError), match=message):
            render_framework(af, **kwargs)


def test_the_command_draws_the_degrees(capsys, tmp_path):
    path = tmp_path / "two.apx"
    path.write_text("arg(a).\narg(b).\natt(a,b).\n")
    drawn = tmp_path / "out" / "degrees.svg"
    status, out, err = run(capsys, "rank", "-f", str(path), "-o", str(drawn))
    assert (status, err) == (0, "") and out.splitlines()[-1] == f"wrote {drawn}"
    assert "0.500" in drawn.read_text()
    odd = tmp_path / "degrees.xyz"
    status, out, err = run(capsys, "rank", "-f", str(path), "-o", str(odd))
    assert status == 2 and out == "" and "cannot tell the output format" in err
    assert not odd.exists()


@given(weighted_frameworks(min_arguments=1, max_arguments=7), st.data())
def test_a_degree_is_explained_by_its_attackers_degrees_and_its_cycle(case, data):
    af, given_weights = case
    name = data.draw(st.sampled_from(sorted(af.arguments)))
    text = explain_degree(af, name, given_weights)
    degrees = categoriser(af, given_weights)
    weight = given_weights.get(name, 1.0)
    attackers = af.attackers(name)
    assert text.startswith(f"{name} has degree {degrees[name]:.3f}")
    if not attackers:
        assert text.endswith(f"so it keeps its weight ({weight:g}).")
        return
    total = math.fsum(degrees[b] for b in attackers)
    assert f" = {weight:g} / (1 + {total:.3f})," in " ".join(text.splitlines())
    listed = [line for line in text.splitlines() if line.startswith("- ")]
    assert [line.split()[1] for line in listed] == sorted(attackers, key=natural_key)
    for line in listed:
        attacker = line.split()[1]
        assert line.split()[2] == f"{degrees[attacker]:.3f},"
        assert ("unattacked" in line) == (not af.attackers(attacker))
    component = next(
        part for part in nx.strongly_connected_components(af.to_networkx()) if name in part
    )
    in_cycle = " ".join(text.splitlines()[-2:])
    assert ("is in a cycle of attacks with" in in_cycle) == (len(component) > 1)
    assert ("attacks itself" in text) == (len(component) == 1 and name in attackers)


def test_the_command_explains_one_degree(capsys):
    root = Path(__file__).parent.parent
    nixon = str(root / "examples" / "frameworks" / "nixon.apx")
    status, out, err = run(capsys, "rank", "-f", nixon, "-a", "bystander")
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "bystander has degree 0.677 = 1 / (1 + 0.477), its weight over one plus the sum of its",
        "attackers' degrees:",
        "- hawk 0.477, attacked by pacifist, quaker",
    ]
    status, out, err = run(capsys, "rank", "-f", nixon, "-a", "nobody")
    assert status == 2 and out == "" and "unknown argument: 'nobody'" in err
    status, out, err = run(capsys, "rank", "-f", nixon, "-a", "hawk", "-o", "x.svg")
    assert status == 2 and out == "" and "give it without -a" in err


def test_the_command_gives_up_at_its_time_limit(capsys, tmp_path, monkeypatch):
    from argmap.semantics import ranking
    from argmap.semantics.deadline import check_deadline

    def endless(*args):
        while True:
            check_deadline()

    monkeypatch.setattr(ranking, "_bounds", endless)
    path = tmp_path / "two.apx"
    path.write_text("arg(a).\narg(b).\natt(a,b).\n")
    status, out, err = run(capsys, "rank", "-f", str(path), "--timeout", "0.2")
    assert (status, out) == (3, "") and "time limit of 0.2 s" in err
