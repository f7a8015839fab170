import copy
import pickle

import pytest

from argmap import Framework
from argmap.semantics.registry import SEMANTICS
from argmap.tasks import Task, parse_task

VALUES = [
    Framework.from_attacks([("a", "b"), ("b", "a")], arguments=["c"]),
    parse_task("DS-PR"),
    SEMANTICS["SST"],
]


@pytest.mark.parametrize("value", VALUES, ids=type)
def test_values_compare_hash_copy_and_pickle_by_their_fields(value):
    for twin in (copy.copy(value), copy.deepcopy(value), pickle.loads(pickle.dumps(value))):
        assert twin == value and hash(twin) == hash(value)
        assert type(twin) is type(value)


@pytest.mark.parametrize("value", VALUES, ids=type)
def test_fields_cannot_be_assigned_or_deleted(value):
    field = value._fields[0]
    with pytest.raises(AttributeError, match="immutable: cannot set"):
        setattr(value, field, None)
    with pytest.raises(AttributeError, match="immutable: cannot delete"):
        delattr(value, field)
    with pytest.raises(AttributeError):
        value.anything_new = 1


def test_equality_needs_the_same_type_and_fields():
    assert Task("DC", "PR") != Task("DC", "CO")
    assert Task("DC", "PR") != ("DC", "PR")
    af = Framework.from_attacks([("a", "b")])
    assert af == Framework(frozenset({"a", "b"}), frozenset({("a", "b")}))
    assert af != Framework.from_attacks([("b", "a")])
    assert len({af, Framework.from_attacks([("a", "b")])}) == 1


def test_a_framework_keeps_its_cached_views_after_pickling():
    af = Framework.from_attacks([("a2", "a10")])
    assert af.sorted_arguments == ("a2", "a10")
    again = pickle.loads(pickle.dumps(af))
    assert again.sorted_arguments == ("a2", "a10") and again.attackers("a10") == {"a2"}


def test_framework_constructor_converts_and_checks_its_inputs():
    af = Framework(["a", "b"], [["a", "b"]])
    assert af.arguments == frozenset({"a", "b"}) and af.attacks == frozenset({("a", "b")})
    with pytest.raises(TypeError, match="must be strings"):
        Framework([1], [])
    with pytest.raises(
        ValueError, match=r"an attack is a pair \(attacker, target\), got \('a', 'b', 'c'\)"
    ):
        Framework.from_attacks([("a", "b", "c")])
    with pytest.raises(ValueError, match=r"an attack is a pair .* got 'a'"):
        Framework.from_attacks(["a"])
    with pytest.raises(
        TypeError, match="arguments are a collection of names, not one string: 'cd'"
    ):
        Framework.from_attacks([("a", "b")], arguments="cd")
    # a two-letter string unpacks into two names, which is never what was meant
    with pytest.raises(ValueError, match=r"an attack is a pair .* got the string 'ab'"):
        Framework.from_attacks([("c", "d"), "ab"])
    with pytest.raises(TypeError, match="attacks are a collection of pairs, not one string"):
        Framework(["a", "b"], "ab")
