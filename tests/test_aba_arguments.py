"""The arguments of a flat ABA framework: minimal supports, and the abstract framework whose
extensions are the framework's own, set for set (Čyras et al. 2018, sec. 2)."""

import pytest
from hypothesis import given

import aba_oracle as oracle
from argmap.aba import ABAFramework
from argmap.aba.arguments import argument_name, instantiate, supports
from argmap.errors import TooManyArgumentsError
from argmap.semantics import extensions as af_extensions
from argmap.semantics import is_extension as af_is_extension
from argmap.strategies import aba_frameworks

SMALL = aba_frameworks(max_atoms=6, max_rules=8)


@given(aba=SMALL)
def test_supports_are_the_minimal_sets_that_derive_each_atom(aba):
    found = supports(aba)
    for atom in aba.atoms:
        deriving = [s for s in oracle.subsets(aba.assumptions) if atom in oracle.derived(aba, s)]
        minimal = {s for s in deriving if not any(t < s for t in deriving)}
        assert set(found[atom]) == minimal
        assert len(found[atom]) == len(minimal)  # each once


@pytest.mark.parametrize("code", ["AD", "CO", "GR", "PR", "ST"])
@given(aba=SMALL)
def test_the_instantiated_framework_has_the_same_extensions(code, aba):
    af, parts = instantiate(aba)
    expected = oracle.extensions(aba, code)
    found = af_extensions(af, code)
    assert {frozenset().union(*(parts[a][1] for a in e)) for e in found} == expected
    for assumptions in expected:
        supported = {name for name, (_, support) in parts.items() if support <= assumptions}
        assert af_is_extension(af, supported, code)


def test_arguments_are_named_by_support_and_claim():
    aba = ABAFramework([("p", ["q", "a"]), ("q", [])], ["a"], {"a": "r"})
    af, parts = instantiate(aba)
    assert parts == {
        "{a} |- a": ("a", frozenset({"a"})),
        "{} |- q": ("q", frozenset()),
        "{a} |- p": ("p", frozenset({"a"})),
    }
    assert af.attacks == frozenset() and argument_name("c", frozenset({"b10", "b2"})) == (
        "{b2, b10} |- c"
    )


def test_the_number_of_arguments_is_limited():
    # atom i is derived from either of two assumptions, and "top" from all of them: 2^10
    rules = [(f"p{i}", [f"a{i}"]) for i in range(10)] + [(f"p{i}", [f"b{i}"]) for i in range(10)]
    rules.append(("top", [f"p{i}" for i in range(10)]))
    names = [f"{x}{i}" for x in "ab" for i in range(10)]
    aba = ABAFramework(rules, names, {name: "never" for name in names})
    assert len(supports(aba)["top"]) == 1024
    with pytest.raises(TooManyArgumentsError, match="more than 1000 arguments"):
        instantiate(aba, limit=1000)
