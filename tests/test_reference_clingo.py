"""The engine against a second reference, on frameworks too large for the exhaustive oracle.

The oracle (tests/oracle.py) tries every subset of the arguments, so it stops at about ten
arguments; the engine's shortcuts (disputes, splitting, the stable-first queries, range
exchanges, growth through the reduct) matter most on larger frameworks. Here each semantics
is written once more, straight from its definition, as an answer-set program (Egly, Gaggl and
Woltran 2010, with domain heuristics for the subset-maximal ones, Gebser et al. 2013; CF2
and stage2 component by component over those of naive and stage; strongly admissible sets
as the members a positive rule derives from a chosen set, which must derive all of it), and
clingo lists its extensions on frameworks of 12 to 30 arguments. The programs share nothing
with argmap's own (:mod:`argmap.semantics.asp`), and this reference is itself checked
against the oracle on small frameworks.
"""

import random

import clingo
import networkx as nx
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from argmap import (
    Framework,
    accepted_arguments,
    count_extensions,
    credulous_witness,
    extensions,
    sceptical_counterexample,
    some_extension,
)
from argmap.semantics.recursive import Search
from argmap.strategies import frameworks

import oracle

Ext = frozenset[str]

# in(X): X is a member; beaten(X): a member attacks X; covered(X): X is in the range
_CONFLICT_FREE = """
#defined arg/1. #defined att/2.
{ in(X) } :- arg(X).
:- in(X), in(Y), att(X, Y).
beaten(X) :- att(Y, X), in(Y).
covered(X) :- in(X).
covered(X) :- beaten(X).
"""
_DEFENDS = ":- in(X), att(Y, X), not beaten(Y).\n"
# every argument all of whose attackers are beaten is a member
_COMPLETE = (
    _DEFENDS
    + "exposed(X) :- att(Y, X), not beaten(Y).\n"
    + ":- arg(X), not in(X), not exposed(X).\n"
)
_STABLE = ":- arg(X), not covered(X).\n"
# strongly admissible: a chosen argument is a member once members attack all its attackers;
# the rule is positive, so a member cannot take part in its own defence
_STRONGLY_ADMISSIBLE = """
#defined arg/1. #defined att/2.
{ chosen(X) } :- arg(X).
in(X) :- chosen(X); beaten(Y) : att(Y, X).
beaten(X) :- att(Y, X), in(Y).
:- chosen(X), not in(X).
"""
# (program, the atoms maximised by inclusion, if any)
_DEFINITIONS = {
    "CF": (_CONFLICT_FREE, None),
    "AD": (_CONFLICT_FREE + _DEFENDS, None),
    "SAD": (_STRONGLY_ADMISSIBLE, None),
    "CO": (_CONFLICT_FREE + _COMPLETE, None),
    "ST": (_CONFLICT_FREE + _STABLE, None),
    "PR": (_CONFLICT_FREE + _COMPLETE, "in"),
    "NA": (_CONFLICT_FREE, "in"),
    "SST": (_CONFLICT_FREE + _COMPLETE, "covered"),
    "STG": (_CONFLICT_FREE, "covered"),
}
CODES = sorted([*_DEFINITIONS, "GR", "ID", "EA", "CF2", "STG2"])


#: Conflict-free and admissible sets of the larger frameworks can run to millions; the
#: reference lists no more than this many.
LISTED_AT_MOST = 5000


class TooMany(Exception):
    """More answer sets than :data:`LISTED_AT_MOST`."""


def _answer_sets(af: Framework, program: str, shown: str, options: list[str]) -> set[Ext]:
    facts = [f'arg("{a}").' for a in af.arguments]
    facts += [f'att("{a}","{b}").' for a, b in af.attacks]
    models = str(LISTED_AT_MOST + 1)
    control = clingo.Control([models, "--project", *options], logger=lambda *_: None)
    control.add("base", [], "\n".join([*facts, program, f"#show {shown}/1."]))
    control.ground([("base", [])])
    found: set[Ext] = set()
    with control.solve(yield_=True) as handle:
        for model in handle:
            found.add(frozenset(s.arguments[0].string for s in model.symbols(shown=True)))
    if len(found) > LISTED_AT_MOST:
        raise TooMany
    return found


def _largest_admissible_part(af: Framework, s: Ext) -> Ext:
    """The largest admissible subset of a conflict-free set: drop members with an attacker
    the rest does not attack, until none is left to drop."""
    kept = set(s)
    while True:
        beaten = {b for a, b in af.attacks if a in kept}
        undefended = {b for a, b in af.attacks if b in kept and a not in beaten}
        if not undefended:
            return frozenset(kept)
        kept -= undefended


def _grounded(af: Framework) -> Ext:
    """The least fixed point of the characteristic function."""
    found: Ext = frozenset()
    while True:
        beaten = {b for a, b in af.attacks if a in found}
        defended = frozenset(
            x for x in af.arguments if all(a in beaten for a, b in af.attacks if b == x)
        )
        if defended == found:
            return found
        found = defended


def reference(af: Framework, code: str) -> set[Ext]:
    """The extensions of ``af`` under ``code``, from the definitions above (:class:`TooMany`
    where there are more than :data:`LISTED_AT_MOST`)."""
    if code == "GR":
        return {_grounded(af)}
    if code in ("CF2", "STG2"):
        return _scc_recursive(af, "NA" if code == "CF2" else "STG")
    if code in ("ID", "EA"):  # the largest admissible set in every preferred (semi-stable) one
        base = reference(af, "PR" if code == "ID" else "SST")
        return {_largest_admissible_part(af, frozenset.intersection(*base))}
    program, maximised = _DEFINITIONS[code]
    if maximised is None:
        return _answer_sets(af, program, "in", [])
    heuristic = f"#heuristic {maximised}(X) : arg(X). [1, true]"
    maximal = ["--heuristic=Domain", "--enum-mode=domRec"]
    if maximised == "in":
        return _answer_sets(af, program + heuristic, "in", maximal)
    # the maximal ranges, each once; then every extension with one of them as its range
    found: set[Ext] = set()
    for covered in _answer_sets(af, program + heuristic, "covered", maximal):
        exactly = [
            f':- not covered("{a}").' if a in covered else f':- covered("{a}").'
            for a in af.arguments
        ]
        found |= _answer_sets(af, program + "\n".join(exactly), "in", [])
    return found


def _scc_recursive(af: Framework, base: str) -> set[Ext]:
    """CF2 (``base`` "NA"; Baroni, Giacomin and Guida 2005) or stage2 ("STG"; Dvořák and
    Gaggl 2016): on a framework of one strongly connected component, its extensions under the
    base semantics; otherwise, component by component from the unattacked ones down, each
    component's part of the extension is an extension of what in that component the
    extension's members upstream do not attack."""
    graph = af.to_networkx()
    condensed = nx.condensation(graph)
    order = [condensed.nodes[c]["members"] for c in nx.topological_sort(condensed)]
    if len(order) <= 1:
        return reference(af, base)
    found: set[Ext] = set()

    def extend(index: int, chosen: Ext) -> None:
        if index == len(order):
            found.add(chosen)
            if len(found) > LISTED_AT_MOST:
                raise TooMany
            return
        beaten = {b for a, b in af.attacks if a in chosen}
        for part in _scc_recursive(af.restrict(order[index] - beaten), base):
            extend(index + 1, chosen | part)

    extend(0, frozenset())
    return found


@pytest.mark.parametrize("code", CODES)
@given(af=frameworks(max_arguments=6))
def test_the_reference_agrees_with_the_exhaustive_oracle(code, af):
    assert reference(af, code) == oracle.extensions(af, code)


@st.composite
def chains_of_cycles(draw: st.DrawFn) -> Framework:
    """12 to 30 arguments in cycles of one to five (a cycle of one attacks itself), with
    about one random attack per argument between them."""
    count = draw(st.integers(12, 30))
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    names = [f"a{i}" for i in range(1, count + 1)]
    attacks = set()
    start = 0
    while start < count:
        ring = names[start : start + rng.choice([1, 2, 2, 3, 4, 5])]
        attacks |= {(a, ring[(i + 1) % len(ring)]) for i, a in enumerate(ring)}
        start += len(ring)
    attacks |= {(rng.choice(names), rng.choice(names)) for _ in range(count)}
    return Framework.from_attacks(sorted(attacks), arguments=names)


#: Frameworks of 12 to 30 arguments with one to three attacks per argument, or so: drawn as
#: argmap's users would draw them, and as chains of short cycles.
larger_frameworks = st.one_of(
    frameworks(min_arguments=12, max_arguments=30, min_density=0.04, density=0.1),
    chains_of_cycles(),
)


@pytest.mark.slow
@pytest.mark.parametrize("code", CODES)
# each example asks dozens of queries: a third of the profile's examples (20 by default, 666
# under HYPOTHESIS_PROFILE=deep)
@settings(max_examples=max(5, settings.default.max_examples // 3))
@given(
    af=larger_frameworks,
    seed=st.integers(0, 2**32 - 1),
    timeout=st.sampled_from([None, 60.0]),  # under a time limit CaDiCaL searches in slices
)
def test_every_query_agrees_with_the_reference_on_larger_frameworks(code, af, seed, timeout):
    try:
        expected = reference(af, code)
    except TooMany:
        assume(False)
    credulous = frozenset().union(*expected)
    sceptical = frozenset.intersection(*expected) if expected else frozenset(af.arguments)

    assert extensions(af, code, timeout=timeout) == expected
    assert count_extensions(af, code, timeout=timeout) == len(expected)
    one = some_extension(af, code, timeout=timeout)
    assert (one in expected) if expected else one is None
    assert accepted_arguments(af, code, timeout=timeout) == credulous
    assert accepted_arguments(af, code, mode="sceptical", timeout=timeout) == sceptical
    if code in ("CF2", "STG2"):  # by states, on the whole framework at once
        assert Search(code).accepted(af, credulous=True) == credulous
        assert Search(code).accepted(af, credulous=False) == sceptical
    for argument in random.Random(seed).sample(sorted(af.arguments), 5):
        witness = credulous_witness(af, argument, code, timeout=timeout)
        if argument in credulous:
            assert witness in expected and argument in witness
        else:
            assert witness is None
        counterexample = sceptical_counterexample(af, argument, code, timeout=timeout)
        if argument in sceptical:
            assert counterexample is None
        else:
            assert counterexample in expected and argument not in counterexample
