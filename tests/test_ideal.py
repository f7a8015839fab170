"""The ideal extension's search, which asks only about the attackers of a shrinking bound."""

import pytest
from hypothesis import given

from argmap import Framework, accepted
from argmap.semantics import credulous_witness, engine, satsolvers, sceptical_counterexample
from argmap.strategies import frameworks

import oracle


def _reference(af):
    (ideal,) = oracle.extensions(af, "ID")
    return ideal


def _without_disputes(patch):
    # every argument the grounded labelling leaves open goes to the encoding
    patch.setattr(engine.DisputeBudget, "allows", lambda budget: False)


@given(af=frameworks(max_arguments=9, density=0.35))
def test_ideal_matches_reference_when_the_encoding_decides_every_open_argument(af):
    with pytest.MonkeyPatch.context() as patch:
        _without_disputes(patch)
        assert engine.ideal(af) == _reference(af)


@given(af=frameworks(min_arguments=5, max_arguments=9, density=0.2, family="odd-cycle-free"))
def test_ideal_matches_reference_on_frameworks_with_many_admissible_sets(af):
    assert engine.ideal(af) == _reference(af)


def test_an_attacker_in_no_admissible_set_is_rejected_when_no_model_holds_it():
    # x attacks itself and y. Defended within itself (x attacks x), the bound holds x and y
    # until the encoding finds no admissible set holding x; then neither is left.
    af = Framework.from_attacks([("x", "x"), ("x", "y")], ["w"])
    with pytest.MonkeyPatch.context() as patch:
        _without_disputes(patch)
        assert engine.ideal(af) == {"w"}


def test_a_model_holding_an_attacker_excludes_what_it_attacks():
    # a and b attack each other, b attacks c: the grounded extension is empty and so is the
    # ideal one, though c is defended by a; the model holding b excludes both a and c
    af = Framework.from_attacks([("a", "b"), ("b", "a"), ("b", "c")])
    with pytest.MonkeyPatch.context() as patch:
        _without_disputes(patch)
        assert engine.ideal(af) == frozenset()
        assert engine.ideal(Framework.from_attacks([("a", "b"), ("b", "c")])) == {"a", "c"}


@pytest.mark.parametrize("conflicts", [1, 1000])
@given(af=frameworks(max_arguments=8, density=0.35))
def test_ideal_matches_reference_when_stable_calls_run_out_of_conflicts(conflicts, af):
    with pytest.MonkeyPatch.context() as patch:
        _without_disputes(patch)
        patch.setattr(engine, "IDEAL_STABLE_CONFLICTS", conflicts)
        assert engine.ideal(af) == _reference(af)


def _bases_built(af, monkeypatch):
    built = []
    real = engine.Encoding

    def spy(framework, base, **options):
        built.append(base)
        return real(framework, base, **options)

    _without_disputes(monkeypatch)
    monkeypatch.setattr(engine, "Encoding", spy)
    assert engine.ideal(af) == _reference(af)
    return built


def test_stable_extensions_settle_an_even_cycle_without_a_complete_encoding(monkeypatch):
    # {a} and {b} are stable: the one holding a excludes b, the one holding b excludes a
    af = Framework.from_attacks([("a", "b"), ("b", "a")])
    assert _bases_built(af, monkeypatch) == ["st"]


def test_a_lone_self_attacker_leaves_the_question_to_the_complete_encoding(monkeypatch):
    af = Framework.from_attacks([("x", "x"), ("x", "y")], ["w"])
    assert _bases_built(af, monkeypatch) == ["co"]


def test_an_attacker_in_no_stable_extension_may_still_be_accepted(monkeypatch):
    # a2 attacks itself and only a1 attacks it, so no stable extension exists; {a3} is
    # admissible all the same, and the complete encoding, not the stable one, says so
    af = Framework.from_attacks(
        [("a1", "a1"), ("a1", "a2"), ("a1", "a3"), ("a2", "a2"), ("a3", "a1")], ["a4"]
    )
    assert _bases_built(af, monkeypatch) == ["st", "co"]
    assert engine.ideal(af) == {"a3", "a4"}


def _budgets_run_out(patch):
    # every call with a budget ends undecided, as one past its budget does
    for kind in (satsolvers.Glucose, satsolvers.Cadical):
        patch.setattr(kind, "solve_limited", lambda solver, *args: None)


@given(af=frameworks(max_arguments=8, density=0.35))
def test_ideal_matches_reference_when_every_budgeted_call_hands_over(af):
    with pytest.MonkeyPatch.context() as patch:
        _without_disputes(patch)
        _budgets_run_out(patch)
        assert engine.ideal(af) == _reference(af)


def test_cadical_settles_what_the_budgeted_calls_gave_up_on(monkeypatch):
    # the framework above: the stable call and the complete call on Glucose end undecided,
    # and the complete encoding on CaDiCaL, the third one built, finds {a3} and rejects a1
    af = Framework.from_attacks(
        [("a1", "a1"), ("a1", "a2"), ("a1", "a3"), ("a2", "a2"), ("a3", "a1")], ["a4"]
    )
    _budgets_run_out(monkeypatch)
    assert _bases_built(af, monkeypatch) == ["st", "co", "co"]


def test_the_encodings_on_cadical_eliminate_no_variables(monkeypatch):
    # their calls each add a guarded clause; CaDiCaL's variable elimination over such
    # clauses is bounded by no slice of conflicts, and once held a 10 s limit up for over a
    # minute; on the stable calls of stable-30000 frameworks it made one call of 7,000
    # conflicts take 9 s
    af = Framework.from_attacks(
        [("a1", "a1"), ("a1", "a2"), ("a1", "a3"), ("a2", "a2"), ("a3", "a1")], ["a4"]
    )
    _budgets_run_out(monkeypatch)
    options = []
    real = engine.Encoding

    def spy(framework, base, **keywords):
        encoding = real(framework, base, **keywords)
        if isinstance(encoding.solver, satsolvers.Cadical):
            options.append(dict(encoding.solver.options))
        return encoding

    _without_disputes(monkeypatch)
    monkeypatch.setattr(engine, "Encoding", spy)
    assert engine.ideal(af) == _reference(af)
    assert [entry["elim"] for entry in options] == [0, 0]  # the stable and the complete one


@pytest.mark.parametrize("code", ["ID", "EA"])
@pytest.mark.parametrize("steps", [0, 200])
def test_queries_the_unique_extension_answers_the_other_way_do_not_find_it(code, steps):
    # b, c and d form an odd cycle and b attacks a: d defends a against b, but nothing
    # defends d against c, so no admissible set holds a (a dispute of 200 steps shows it, or
    # else the admissible query on a's cone); e is unattacked and attacks f
    af = Framework.from_attacks([("b", "c"), ("c", "d"), ("d", "b"), ("b", "a"), ("e", "f")])

    def found(af):
        raise AssertionError("the extension was found")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine.dispute, "DISPUTE_STEPS", steps)
        patch.setitem(engine.UNIQUE, code, found)
        for name in "af":
            assert credulous_witness(af, name, code) is None
            assert not accepted(af, name, code, mode="credulous")
        assert sceptical_counterexample(af, "e", code) is None
        assert accepted(af, "e", code, mode="sceptical")
    assert oracle.extensions(af, code) == {frozenset("e")}
