"""The arguments of a flat ABA framework: minimal supports, and the abstract framework whose
extensions are the framework's own, set for set (Čyras et al. 2018, sec. 2)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

import aba_oracle as oracle
from argmap.aba import ABAFramework
from argmap.aba.arguments import argument_name, explain_atom, instantiate, supports
from argmap.errors import TooManyArgumentsError, UnknownNameError
from argmap.semantics import explain_argument
from argmap.semantics import extensions as af_extensions
from argmap.semantics import is_extension as af_is_extension
from argmap.semantics.registry import SEMANTICS
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
    with pytest.raises(TooManyArgumentsError, match=r"'top <- p0, .*' combines .* than 1000 sets"):
        instantiate(aba, limit=1000)
    with pytest.raises(TooManyArgumentsError, match="more than 1050 arguments with minimal"):
        instantiate(aba, limit=1050)  # 20 + 20 + 1024 in all
    with pytest.raises(TooManyArgumentsError, match="more than 19 arguments with minimal"):
        instantiate(ABAFramework([], names, {}), limit=19)  # one for each assumption


@pytest.mark.parametrize("code", ["AD", "CO", "GR", "PR", "ST"])
@given(aba=aba_frameworks(min_atoms=1, max_atoms=5), data=st.data())
def test_an_atom_is_explained_with_the_reference_verdict(code, aba, data):
    atom = data.draw(st.sampled_from(aba.atoms))
    expected = oracle.extensions(aba, code)
    deriving = sum(atom in oracle.derived(aba, e) for e in expected)
    raw = explain_atom(aba, atom, code)
    text = " ".join(raw.split())  # as read, line breaks aside
    head = text.split(" semantics:", 1)[0]
    if code == "GR":
        assert head.endswith("is accepted under grounded") == (deriving == 1)
    elif deriving == len(expected):
        assert head.endswith("is sceptically accepted under " + SEMANTICS[code].name)
        assert ("vacuously, as there is no" in text) == (not expected)
    elif deriving:
        assert "credulously but not sceptically accepted" in head
    else:
        assert "is rejected under" in head
    found = supports(aba)[atom]
    af, _ = instantiate(aba)
    shown = [explain_argument(af, argument_name(atom, s), code) for s in found[:3]]
    assert raw.endswith("\n" + "\n".join(shown)) if found else "|-" not in raw
    assert ("No argument derives it" in text) == (not found)


def test_explaining_under_conflict_free_semantics_is_refused():
    aba = ABAFramework([("x", ["b"])], ["a", "b"], {"a": "x", "b": "y"})
    with pytest.raises(UnknownNameError, match="semantics for explaining an atom: 'CF'"):
        explain_atom(aba, "x", "CF")
