"""An exhaustive reference for flat ABA, written straight from the definitions of Bondarenko
et al. (1997) as Čyras et al. (2018, sec. 2) state them, for small frameworks only.

It shares no code with argmap's ABA module: derivation is a plain fixed point over the
rules, and defence is checked against every set of assumptions that attacks, not by the
closure of the unattacked assumptions that argmap uses.
"""

from __future__ import annotations

from itertools import combinations

Ext = frozenset[str]


def subsets(items) -> list[Ext]:
    ordered = sorted(items)
    return [frozenset(c) for r in range(len(ordered) + 1) for c in combinations(ordered, r)]


def derived(aba, s: Ext) -> Ext:
    """Th(S): S and every atom some rule leads to from it."""
    known = set(s)
    changed = True
    while changed:
        changed = False
        for rule in aba.rules:
            if rule.head not in known and all(b in known for b in rule.body):
                known.add(rule.head)
                changed = True
    return frozenset(known)


def attacks(aba, s: Ext, t: Ext) -> bool:
    """S attacks T: S derives the contrary of some member of T."""
    contrary = dict(aba.contraries)
    closure = derived(aba, s)
    return any(contrary.get(b) in closure for b in t)


def defends(aba, s: Ext, b: str) -> bool:
    """S attacks every set of assumptions that attacks {b}."""
    return all(attacks(aba, s, t) for t in subsets(aba.assumptions) if attacks(aba, t, {b}))


def conflict_free(aba, s: Ext) -> bool:
    return not attacks(aba, s, s)


def admissible(aba, s: Ext) -> bool:
    return conflict_free(aba, s) and all(defends(aba, s, b) for b in s)


def complete(aba, s: Ext) -> bool:
    return admissible(aba, s) and all(b in s for b in aba.assumptions if defends(aba, s, b))


def stable(aba, s: Ext) -> bool:
    return conflict_free(aba, s) and all(attacks(aba, s, {b}) for b in aba.assumptions - s)


def extensions(aba, code: str) -> frozenset[Ext]:
    candidates = subsets(aba.assumptions)
    if code == "CF":
        return frozenset(s for s in candidates if conflict_free(aba, s))
    if code == "AD":
        return frozenset(s for s in candidates if admissible(aba, s))
    if code == "CO":
        return frozenset(s for s in candidates if complete(aba, s))
    if code == "ST":
        return frozenset(s for s in candidates if stable(aba, s))
    if code == "PR":
        found = [s for s in candidates if admissible(aba, s)]
        return frozenset(s for s in found if not any(s < t for t in found))
    if code == "GR":
        found = [s for s in candidates if complete(aba, s)]
        least = [s for s in found if all(s <= t for t in found)]
        assert len(least) == 1, "a flat framework has one least complete set"
        return frozenset(least)
    raise ValueError(code)
