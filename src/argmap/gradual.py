"""DF-QuAD gradual strengths for the claims of a map.

Every claim and every support is a node of a quantitative bipolar framework. A claim's base
score is its assessed score (0.5 when nobody assessed it); a support's base score is its
assessed score, or 1 when unassessed (the inference holds unless something speaks against it).
Rebuttals, underminings and contradictions attack claims; undercuts attack supports. A
support lends its conclusion the strength ``σ(support) × min σ(premise)``, so a linked support
is as strong as its weakest premise.

The strength of a node with base score ``v0``, attackers ``A`` and supporters ``S`` is
``C(v0, F(σ(A)), F(σ(S)))`` with ``F(v1..vn) = 1 - Π(1 - vi)`` and
``C(v0, va, vs) = v0 - v0·(va - vs)`` if ``va >= vs``, else ``v0 + (1 - v0)·(vs - va)``.
Strengths are computed by synchronous iteration from the base scores, which is exact on
acyclic maps; on cyclic maps the iteration stops once nothing moves by more than 1e-9 or
after 1000 rounds, and the result says whether it settled.

Reference: Rago, A., Toni, F., Aurisicchio, M. and Baroni, P. (2016). Discontinuity-free
decision support with quantitative argumentation debates. KR 2016.
"""

from __future__ import annotations

import math

from argmap.map.model import AttackKind, MapModel

__all__ = ["dfquad_strengths"]


def _aggregate(values: list[float]) -> float:
    return 1.0 - math.prod(1.0 - v for v in values)


def _combine(base: float, attack: float, support: float) -> float:
    if attack >= support:
        return base - base * (attack - support)
    return base + (1.0 - base) * (support - attack)


def dfquad_strengths(
    model: MapModel, *, rounds: int = 1000, tolerance: float = 1e-9
) -> tuple[dict[str, float], bool]:
    """DF-QuAD strengths of every claim, and whether the iteration settled.

    >>> from argmap import ArgumentMap
    >>> m = ArgumentMap()
    >>> a, b = m.claim("a", "A"), m.claim("b", "B")
    >>> _ = m.rebut(a, b)
    >>> dfquad_strengths(m.model())
    ({'a': 0.5, 'b': 0.25}, True)
    """
    claim_base = {c.id: model.base_score(c.id) for c in model.claims}
    support_base = {}
    for s in model.supports:
        assessed = model.assessed_score(s.id)
        support_base[s.id] = 1.0 if assessed is None else assessed
    claim_attackers: dict[str, list[str]] = {c: [] for c in claim_base}
    support_attackers: dict[str, list[str]] = {s: [] for s in support_base}
    for attack in model.attacks:
        if attack.kind is AttackKind.UNDERCUT:
            support_attackers[attack.target].append(attack.attacker)
            continue
        claim_attackers[attack.target].append(attack.attacker)
        if attack.kind is AttackKind.CONTRADICT:
            claim_attackers[attack.attacker].append(attack.target)
    claims = dict(claim_base)
    supports = dict(support_base)
    settled = False
    for _ in range(rounds):
        new_supports = {
            s: _combine(base, _aggregate([claims[a] for a in support_attackers[s]]), 0.0)
            for s, base in support_base.items()
        }
        lent: dict[str, list[float]] = {c: [] for c in claim_base}
        for s in model.supports:
            lent[s.conclusion].append(supports[s.id] * min(claims[p] for p in s.premises))
        new_claims = {
            c: _combine(
                base, _aggregate([claims[a] for a in claim_attackers[c]]), _aggregate(lent[c])
            )
            for c, base in claim_base.items()
        }
        change = max(
            [abs(new_claims[c] - claims[c]) for c in claims]
            + [abs(new_supports[s] - supports[s]) for s in supports]
            + [0.0]
        )
        claims, supports = new_claims, new_supports
        if change <= tolerance:
            settled = True
            break
    return {c: round(v, 6) for c, v in claims.items()}, settled
