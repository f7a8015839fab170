"""An exhaustive reference, written straight from the definitions, for small frameworks only.

It shares no code with argmap's engines: it tries every subset of the arguments.
"""

from __future__ import annotations

from functools import cache
from itertools import combinations

from argmap import Framework

Ext = frozenset[str]


def subsets(items: frozenset[str]) -> list[Ext]:
    ordered = sorted(items)
    return [frozenset(c) for r in range(len(ordered) + 1) for c in combinations(ordered, r)]


def attacked_by(af: Framework, s: Ext) -> Ext:
    return frozenset(b for a, b in af.attacks if a in s)


def conflict_free(af: Framework, s: Ext) -> bool:
    return not any(a in s and b in s for a, b in af.attacks)


def acceptable(af: Framework, a: str, s: Ext) -> bool:
    """Dung 1995, Def. 6(1): s attacks every attacker of a."""
    plus = attacked_by(af, s)
    return all(b in plus for b, t in af.attacks if t == a)


def characteristic(af: Framework, s: Ext) -> Ext:
    return frozenset(a for a in af.arguments if acceptable(af, a, s))


def admissible(af: Framework, s: Ext) -> bool:
    return conflict_free(af, s) and all(acceptable(af, a, s) for a in s)


def complete(af: Framework, s: Ext) -> bool:
    return admissible(af, s) and characteristic(af, s) <= s


def maximal(sets: list[Ext], key=lambda s: s) -> frozenset[Ext]:
    return frozenset(s for s in sets if not any(key(s) < key(t) for t in sets))


def range_(af: Framework, s: Ext) -> Ext:
    return s | attacked_by(af, s)


def grounded(af: Framework) -> Ext:
    s: Ext = frozenset()
    while (nxt := characteristic(af, s)) != s:
        s = nxt
    return s


def restrict(af: Framework, keep: Ext) -> Framework:
    return Framework(keep, frozenset((a, b) for a, b in af.attacks if a in keep and b in keep))


def sccs(af: Framework) -> list[Ext]:
    """Strongly connected components by mutual reachability, in topological order."""
    reach = {a: {a} for a in af.arguments}
    changed = True
    while changed:
        changed = False
        for a, b in af.attacks:
            for x in af.arguments:
                if a in reach[x] and b not in reach[x]:
                    reach[x].add(b)
                    changed = True
    comps: list[Ext] = []
    for a in sorted(af.arguments):
        comp = frozenset(b for b in af.arguments if b in reach[a] and a in reach[b])
        if comp not in comps:
            comps.append(comp)

    def before(c: Ext, d: Ext) -> bool:  # c reaches d
        return any(next(iter(d)) in reach[x] for x in c)

    ordered: list[Ext] = []
    pending = list(comps)
    while pending:
        for c in pending:
            if not any(before(d, c) for d in pending if d != c):
                ordered.append(c)
                pending.remove(c)
                break
    return ordered


def scc_recursive(af: Framework, base) -> frozenset[Ext]:
    """Baroni, Giacomin and Guida 2005, Definition 20, checked set by set."""
    comps = sccs(af)
    if len(comps) <= 1:
        return base(af)
    result = set()
    for s in subsets(af.arguments):
        good = True
        for c in comps:
            outside = s - c
            up = c - attacked_by(af, outside)
            if not (s & c) <= up or (s & c) not in scc_recursive(restrict(af, up), base):
                good = False
                break
        if good:
            result.add(s)
    return frozenset(result)


def strongly_admissible(af: Framework) -> frozenset[Ext]:
    """Baroni and Giacomin 2007, Definition 7, over every subset: ``a`` is strongly defended
    by ``s`` when each attacker of ``a`` is attacked by some ``c`` in ``s - {a}`` strongly
    defended by ``s - {a}``; a set is strongly admissible when it strongly defends each of
    its members (nothing asks it to be conflict-free)."""

    @cache
    def strongly_defended(s: Ext, a: str) -> bool:
        rest = s - {a}
        return all(
            any((c, b) in af.attacks and strongly_defended(rest, c) for c in rest)
            for b, t in af.attacks
            if t == a
        )

    every = subsets(af.arguments)
    return frozenset(s for s in every if all(strongly_defended(s, a) for a in s))


def extensions(af: Framework, code: str) -> frozenset[Ext]:
    if code == "SAD":
        return strongly_admissible(af)
    every = subsets(af.arguments)
    cf = [s for s in every if conflict_free(af, s)]
    if code == "CF":
        return frozenset(cf)
    adm = [s for s in cf if admissible(af, s)]
    if code == "AD":
        return frozenset(adm)
    com = [s for s in adm if complete(af, s)]
    if code == "CO":
        return frozenset(com)
    if code == "GR":
        return frozenset({grounded(af)})
    if code == "PR":
        return maximal(adm)
    if code == "ST":
        return frozenset(s for s in cf if range_(af, s) == af.arguments)
    if code == "SST":
        return maximal(com, key=lambda s: range_(af, s))
    if code == "STG":
        return maximal(cf, key=lambda s: range_(af, s))
    if code == "NA":
        return maximal(cf)
    if code in ("ID", "EA"):
        sceptical = frozenset.intersection(*extensions(af, "PR" if code == "ID" else "SST"))
        return maximal([s for s in adm if s <= sceptical])
    if code == "CF2":
        return scc_recursive(af, lambda f: extensions(f, "NA"))
    if code == "STG2":
        return scc_recursive(af, lambda f: extensions(f, "STG"))
    raise ValueError(code)
