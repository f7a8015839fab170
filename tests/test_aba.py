"""Flat ABA: every semantics against the exhaustive reference built from the definitions, the
published expectations of another solver's test suite, and the framework's own checks."""

from unittest.mock import patch

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aba_oracle as oracle
from argmap.aba import (
    ABA_SEMANTICS,
    ABAFramework,
    Rule,
    accepted,
    accepted_atoms,
    asp,
    count_extensions,
    credulous_witness,
    extensions,
    grounded_extension,
    is_extension,
    iter_extensions,
    parse_aba,
    sceptical_counterexample,
    some_extension,
)
from argmap.errors import ABAError, SolverTimeout, UnknownAtomError, UnknownNameError
from argmap.semantics import time_limit
from argmap.strategies import aba_frameworks

SMALL = aba_frameworks(max_atoms=6, max_rules=8)


@pytest.mark.parametrize("code", ABA_SEMANTICS)
@given(aba=SMALL)
def test_extensions_agree_with_the_definitions(code, aba):
    expected = oracle.extensions(aba, code)
    assert extensions(aba, code) == expected
    assert count_extensions(aba, code) == len(expected)
    listed = list(iter_extensions(aba, code))
    assert len(listed) == len(set(listed))  # each once
    some = some_extension(aba, code)
    assert (some is None) == (not expected)
    assert some is None or some in expected


@pytest.mark.parametrize("code", ABA_SEMANTICS)
@given(aba=SMALL, data=st.data())
def test_checkers_agree_with_the_definitions(code, aba, data):
    expected = oracle.extensions(aba, code)
    candidate = data.draw(st.sampled_from(oracle.subsets(aba.assumptions)))
    assert is_extension(aba, candidate, code) == (candidate in expected)


@pytest.mark.parametrize("code", ABA_SEMANTICS)
@given(aba=aba_frameworks(min_atoms=1, max_atoms=6), data=st.data())
def test_acceptance_of_atoms_agrees_with_the_definitions(code, aba, data):
    atom = data.draw(st.sampled_from(aba.atoms))
    expected = oracle.extensions(aba, code)
    deriving = [e for e in expected if atom in oracle.derived(aba, e)]
    witness = credulous_witness(aba, code, atom)
    assert (witness is not None) == bool(deriving)
    if witness is not None:  # the witness is checked apart from the search that found it
        assert witness in expected and atom in oracle.derived(aba, witness)
    counter = sceptical_counterexample(aba, code, atom)
    assert (counter is None) == (len(deriving) == len(expected))
    if counter is not None:
        assert counter in expected and atom not in oracle.derived(aba, counter)
    assert accepted(aba, atom, code) == bool(deriving)
    assert accepted(aba, atom, code, mode="sceptical") == (len(deriving) == len(expected))


@pytest.mark.parametrize("code", ABA_SEMANTICS)
@given(aba=SMALL)
def test_every_accepted_atom_at_once_agrees_with_the_definitions(code, aba):
    found = [oracle.derived(aba, e) for e in oracle.extensions(aba, code)]
    credulous = frozenset().union(*found)
    sceptical = frozenset(aba.atoms).intersection(*found)
    assert accepted_atoms(aba, code) == credulous
    assert accepted_atoms(aba, code, mode="sceptical") == sceptical


@st.composite
def rival_pairs(draw):
    """Frameworks with several preferred sets: pairs of assumptions attacking each other,
    and rules over them drawn at random, some deriving contraries."""
    k = draw(st.integers(2, 3))
    assumptions = [f"{side}{i}" for i in range(k) for side in "ab"]
    contraries = {a: f"not_{a}" for a in assumptions}
    rules = [(f"not_a{i}", [f"b{i}"]) for i in range(k)]
    rules += [(f"not_b{i}", [f"a{i}"]) for i in range(k)]
    heads = ["p", "q", "r", *contraries.values()]
    body = st.lists(st.sampled_from([*assumptions, "p", "q", "r"]), min_size=1, max_size=3)
    rules += draw(st.lists(st.tuples(st.sampled_from(heads), body), max_size=6))
    return ABAFramework(rules, assumptions, contraries)


@given(aba=rival_pairs())
def test_sceptically_preferred_atoms_at_once_agree_with_one_query_each(aba):
    found = [oracle.derived(aba, e) for e in oracle.extensions(aba, "PR")]
    expected = frozenset(aba.atoms).intersection(*found)
    assert accepted_atoms(aba, "PR", mode="sceptical") == expected
    assert expected == {a for a in aba.atoms if accepted(aba, a, "PR", "sceptical")}


@pytest.mark.parametrize("code", sorted(asp.SEARCHED))
@given(aba=SMALL)
def test_the_programs_with_chosen_supports_have_the_same_models(code, aba):
    """Every model of the programs that derive atoms through chosen, acyclic supports shows
    a set of the semantics, and every set is shown, whether or not the rules have cycles."""
    search = asp._control(aba, asp._SUPPORTED_PROGRAMS[code], None, asp._options(code, 0))
    listed = [frozenset(aba.atoms[i] for i in found) for found in search.models()]
    assert len(listed) == len(set(listed))
    assert set(listed) == oracle.extensions(aba, code)


@pytest.mark.parametrize("budget", [0, 1])
@pytest.mark.parametrize("code", ["AD", "CO", "PR", "ST"])
@given(aba=aba_frameworks(min_atoms=1, max_atoms=6), data=st.data())
def test_searches_given_up_for_chosen_supports_answer_alike(budget, code, aba, data):
    """With no conflicts, or one, allowed to the least fixed points, every search on a
    framework whose rules have cycles goes on with chosen supports, from its start or
    partway through a loop (growing a preferred set, ruling out counterexamples)."""
    atom = data.draw(st.sampled_from(aba.atoms))
    expected = oracle.extensions(aba, code)
    deriving = [e for e in expected if atom in oracle.derived(aba, e)]
    with patch.object(asp, "LEAST_FIXED_POINT_CONFLICTS", budget):
        witness = credulous_witness(aba, code, atom)
        counter = sceptical_counterexample(aba, code, atom)
        some = some_extension(aba, code)
        candidate = data.draw(st.sampled_from(oracle.subsets(aba.assumptions)))
        checked = is_extension(aba, candidate, code)
    assert (witness is not None) == bool(deriving)
    assert witness is None or (witness in expected and atom in oracle.derived(aba, witness))
    assert (counter is None) == (len(deriving) == len(expected))
    assert counter is None or (counter in expected and atom not in oracle.derived(aba, counter))
    assert (some is None) == (not expected) and (some is None or some in expected)
    assert checked == (candidate in expected)


#: Two pairs of assumptions attacking each other, 1/2 and 3/4; every set with one of each
#: derives 5; 10 and 11 hold up each other only, a cycle among the rules.
TWO_PAIRS = """p aba 11
a 1
a 2
a 3
a 4
c 1 6
c 2 7
c 3 8
c 4 9
r 6 2
r 7 1
r 8 4
r 9 3
r 5 1 3
r 5 2 4
r 5 1 4
r 5 2 3
r 10 11
r 11 10"""


def _switching_at(call, events):
    """Search calls logged in ``events``; the search over least fixed points gives up at its
    ``call``-th call, as past its budget."""
    models, rule_out = asp.Search.models, asp.Search.rule_out
    made = [0]

    def logged_models(self, assumptions=()):
        if self.budget is not None:
            made[0] += 1
            if made[0] == call:
                raise asp._OverBudget
        events.append(("models", self.budget is None, len(assumptions)))
        return models(self, assumptions)

    def logged_rule_out(self, positions, *, once=False):
        events.append(("rule_out", self.budget is None, once))
        return rule_out(self, positions, once=once)

    return patch.multiple(asp.Search, models=logged_models, rule_out=logged_rule_out)


def test_a_counterexample_loop_started_again_keeps_the_sets_it_ruled_out():
    aba = parse_aba(TWO_PAIRS)
    assert aba.cyclic and oracle.extensions(aba, "PR") == {
        frozenset(p) for p in (("1", "3"), ("1", "4"), ("2", "3"), ("2", "4"))
    }
    carried = 0
    for call in range(1, 8):
        events = []
        with _switching_at(call, events):
            assert sceptical_counterexample(aba, "PR", "5") is None
        ruled = events.count(("rule_out", False, False))
        after = [e for e in events if e[1]]  # the search with supports, if it was started
        if not after:
            continue
        first = next(i for i, e in enumerate(after) if e[0] == "models")
        assert after[:first] == [("rule_out", True, False)] * ruled
        carried += ruled
    assert carried  # some switch came after a preferred set was ruled out


def test_a_growing_search_started_again_grows_on_from_its_last_set():
    aba = parse_aba(TWO_PAIRS)
    grown_on = 0
    for call in range(1, 6):
        events = []
        with _switching_at(call, events):
            found = some_extension(aba, "PR")
        assert found in oracle.extensions(aba, "PR")
        after = [e for e in events if e[0] == "models" and e[1]]
        # the first call with supports holds the set the other search had reached
        grown_on += bool(after) and after[0][2] > 0
    assert grown_on


def _pigeons(pigeons: int, holes: int) -> ABAFramework:
    """Assumption ``p{i}_{j}`` puts pigeon i in hole j, and attacks every other pigeon's
    place in that hole; ``all`` is derived when every pigeon has a place. A set deriving it
    is a way to seat them all, one to a hole. When the pigeons outnumber the holes there is
    none, and a solver proves it only through conflicts."""
    places = [(i, j) for i in range(pigeons) for j in range(holes)]
    rules = [(f"placed{i}", [f"p{i}_{j}"]) for i, j in places]
    rules += [(f"x{k}_{j}", [f"p{i}_{j}"]) for i, j in places for k in range(pigeons) if k != i]
    rules.append(("all", [f"placed{i}" for i in range(pigeons)]))
    return ABAFramework(
        rules, [f"p{i}_{j}" for i, j in places], {f"p{i}_{j}": f"x{i}_{j}" for i, j in places}
    )


@pytest.mark.parametrize("careful", [0, 1])
@given(aba=aba_frameworks(min_atoms=1, max_atoms=8), data=st.data())
def test_credulous_witnesses_whatever_the_careful_part_spends(careful, aba, data):
    """A search for a set deriving an atom answers alike when the part with assumptions
    tried out first is skipped (no conflicts) or given up at its first conflict."""
    atom = data.draw(st.sampled_from(aba.atoms))
    with patch.object(asp, "CAREFUL_CONFLICTS", careful):
        for code in ("AD", "CO", "PR"):
            expected = oracle.extensions(aba, code)
            witness = credulous_witness(aba, code, atom)
            deriving = any(atom in oracle.derived(aba, e) for e in expected)
            assert (witness is not None) == deriving
            assert witness is None or (witness in expected and atom in oracle.derived(aba, witness))


@pytest.mark.parametrize("careful", [0, 1, 1000])
def test_a_search_past_its_careful_part_goes_on_to_its_end(careful):
    aba = _pigeons(5, 4)
    assert not aba.cyclic  # no budget but the careful part's
    program = asp._PROGRAMS["AD"] + asp._DERIVES + asp._CAREFUL
    search = asp._control(aba, program, "all", asp._options("AD", 1))
    with patch.object(asp, "CAREFUL_CONFLICTS", careful):
        assert search.first_careful() is None
    assert search.budget is None
    # no limit is left behind: asked again, the search runs to its end, proving that no set
    # seats them all
    assert search.first() is None
    assert search.control.statistics["summary"]["exhausted"]
    assert credulous_witness(_pigeons(4, 4), "AD", "all") is not None


def test_ruled_out_sets_are_held_out_of_later_calls():
    # 1 and 2 attack nothing: every set of them is admissible, {1, 2} the preferred one
    aba = parse_aba("p aba 4\na 1\na 2\nc 1 3\nc 2 4\n")
    search = asp._control(aba, asp._PROGRAMS["AD"], None, asp._options("AD", 1))
    everything = sorted([aba.index["1"], aba.index["2"]])
    selector = search.rule_out([aba.index["1"]], once=True)
    search.control.assign_external(selector, True)
    assert sorted(search.first(search.holding(["1"])) or ()) == everything  # 2 must come in
    search.control.release_external(selector)
    without_2 = -search.holding(["2"])[0]
    assert search.first([*search.holding(["1"]), without_2]) == [aba.index["1"]]
    search.rule_out(everything)  # some assumption outside all of them: none can be
    assert search.first() is None
    # the counterexample loop rules out a preferred set holding every assumption so
    aba = parse_aba("p aba 5\na 1\na 2\nc 1 3\nc 2 4\nr 5 1\n")
    assert sceptical_counterexample(aba, "PR", "5") is None
    assert sceptical_counterexample(aba, "PR", "1") is None
    assert accepted(aba, "5", "PR", "sceptical")


@given(aba=aba_frameworks(max_atoms=8, max_rules=10))
def test_cyclic_tells_whether_an_atom_is_derived_through_itself(aba):
    graph = nx.DiGraph()
    graph.add_nodes_from(aba.atoms)
    graph.add_edges_from((b, rule.head) for rule in aba.rules for b in rule.body)
    assert aba.cyclic == (not nx.is_directed_acyclic_graph(graph))


def test_a_self_supporting_rule_is_a_cycle():
    assert parse_aba("p aba 2\na 1\nr 2 2 1").cyclic
    assert not parse_aba("p aba 2\na 1\nr 2 1").cyclic


@settings(max_examples=30)
@given(aba=aba_frameworks(max_atoms=14, max_rules=16))
def test_larger_frameworks_keep_the_relations_between_semantics(aba):
    """Too large for the reference: what the theory proves between the semantics."""
    grounded = grounded_extension(aba)
    complete = extensions(aba, "CO")
    preferred = extensions(aba, "PR")
    stable = extensions(aba, "ST")
    assert grounded in complete and all(grounded <= e for e in complete)
    assert stable <= preferred <= complete
    assert all(not any(p < e for e in complete) for p in preferred)
    assert preferred and all(is_extension(aba, e, "AD") for e in complete)


# The complete extensions that crustabri's test suite expects of ten frameworks
# (src/aba/complete_semantics_solver.rs), cyclic rules and self-contrary assumptions among them.
CRUSTABRI_COMPLETE = [
    (
        "p aba 8\na 1\na 2\na 3\na 4\nc 2 6\nc 3 7\nc 4 8\nr 5 1\nr 7 5 2\nr 6 3\nr 8 1 2",
        [[1], [1, 2], [1, 3, 4]],
    ),
    ("p aba 4\na 1\nc 1 3\nr 2 3\nr 2 1 4\nr 3 2 4\nr 3 4 2\nr 4 1\nr 4 3 2", [[]]),
    ("p aba 4\na 1\nc 1 4\nr 2 4 3\nr 3 2\nr 4 1 3\nr 4 2", [[1]]),
    ("p aba 3\na 1\nc 1 3\nr 3 1 2", [[1]]),
    ("p aba 4\na 1\nc 1 2\nr 2 1\nr 2 1 4\nr 3 4 1\nr 3 4\nr 4 1\nr 4 3", [[]]),
    (
        "p aba 8\na 1\na 2\nc 1 2\nc 2 2\nr 3 8 1 5\nr 3 2 6\nr 4 3\nr 4 2 3\nr 5 1\nr 6 2 4\n"
        "r 6 4\nr 7 1 5 4\nr 7 3 4 5\nr 8 7 6 1\nr 8 5",
        [[]],
    ),
    (
        "p aba 8\na 1\na 2\nc 1 4\nc 2 1\nr 3 7 8 6\nr 3 8\nr 4 2\nr 5 1 7 8\nr 5 4\nr 6 4 8\n"
        "r 7 3\nr 8 4 6 1\nr 8 1",
        [[], [1], [2]],
    ),
    (
        "p aba 8\na 1\na 2\nc 1 2\nc 2 1\nr 3 1\nr 3 1 4 7\nr 4 7 2\nr 5 1 2\nr 6 1 5 3\nr 6 8\n"
        "r 7 1 3\nr 7 2 6\nr 8 3",
        [[], [1], [2]],
    ),
    ("p aba 3\na 1\nc 1 2\nr 2 3\nr 3 2", [[1]]),
    ("p aba 4\na 1\nc 1 2\nr 2 1\nr 3 4\nr 4 1\nr 4 3", [[]]),
]


@pytest.mark.parametrize(("text", "expected"), CRUSTABRI_COMPLETE)
def test_published_complete_extensions(text, expected):
    aba = parse_aba(text)
    want = {frozenset(map(str, e)) for e in expected}
    assert extensions(aba, "CO") == want == oracle.extensions(aba, "CO")


def test_rules_in_a_cycle_derive_nothing():
    """2 <- 3 and 3 <- 2 hold up each other only: neither is derived, so nothing attacks 1."""
    aba = parse_aba("p aba 3\na 1\nc 1 2\nr 2 3\nr 3 2")
    assert aba.closure({"1"}) == {"1"}
    assert extensions(aba, "ST") == {frozenset({"1"})}
    assert not accepted(aba, "2", "CO")


def test_the_framework_refuses_what_is_not_flat_aba():
    with pytest.raises(ABAError, match="contrary is given for 'p', which is not an assumption"):
        ABAFramework([], ["a"], {"a": "x", "p": "y"})
    with pytest.raises(ABAError, match="derives the assumption 'a'"):
        ABAFramework([("a", ["b"])], ["a"], {"a": "x"})
    with pytest.raises(ABAError, match="non-empty string"):
        ABAFramework([("", [])])
    with pytest.raises(TypeError, match="not the string 'pq'"):
        Rule("h", "pq")


def test_unknown_atoms_and_semantics_are_named():
    aba = ABAFramework([("x", ["b"])], ["a", "b"], {"a": "x", "b": "y"})
    with pytest.raises(UnknownAtomError, match=r"unknown atom: 'z' \(atoms: \['a', 'b'"):
        credulous_witness(aba, "PR", "z")
    with pytest.raises(UnknownAtomError, match="unknown assumption: 'x'"):
        aba.closure({"x"})
    with pytest.raises(UnknownNameError, match="semantics for ABA frameworks: 'STG'"):
        extensions(aba, "STG")
    with pytest.raises(UnknownNameError, match="unknown mode"):
        accepted(aba, "x", "PR", mode="sometimes")


def test_names_and_values():
    """Rules keep their order and drop repeats; semantics go by code or name."""
    aba = ABAFramework([("x", ["b", "b"]), ("x", ["b"])], ["a", "b"], [("a", "x"), ("b", "y")])
    assert aba.rules == (Rule("x", ["b"]),)
    assert aba.atoms == ("a", "b", "x", "y") and "x" in aba and "q" not in aba
    assert extensions(aba, "stable") == extensions(aba, "ST") == {frozenset({"b"})}
    assert aba == ABAFramework([("x", ["b"])], ["b", "a"], {"b": "y", "a": "x"})


def test_the_time_limit_holds():
    """Stable sets of a chain of 40 mutual attacks between pairs: 2^20 of them."""
    pairs = 20
    rules = []
    contraries = {}
    for i in range(pairs):
        a, b = f"a{i}", f"b{i}"
        rules += [(f"not_{a}", [b]), (f"not_{b}", [a])]
        contraries |= {a: f"not_{a}", b: f"not_{b}"}
    aba = ABAFramework(rules, contraries, contraries)
    with pytest.raises(SolverTimeout), time_limit(0.3):
        for _ in iter_extensions(aba, "ST"):
            pass
