"""Gradual degrees of acceptability for the arguments of a framework: the h-categoriser.

Where the extension-based semantics accept or reject, a gradual semantics gives each argument
a degree in [0, 1] and so ranks the arguments from the least to the most weakened by their
attackers. The h-categoriser gives argument ``a`` of weight ``w(a)`` (1 unless given) the
degree

    Deg(a) = w(a) / (1 + the sum of Deg(b) over the attackers b of a)

An unattacked argument keeps its weight; each attacker takes away more the stronger it is,
and attackers add up. The equations have exactly one solution on every finite framework,
cycles and self-attacks included (Pu et al. 2014 without weights, Amgoud et al. 2017 with).

It is computed component by component of the attack graph, attackers' components first, as
a lower and an upper bound on each degree. The map from degrees to new degrees is antitone
(stronger attackers, weaker targets), so bounds on the attackers' degrees give bounds on the
target's: the weight over one plus the sum of their upper bounds from below, over one plus
the sum of their lower bounds from above. An argument outside every cycle gets its bounds at
once from its attackers'. Within a strongly connected component the bounds start at 0 and at
the weights and close in, round by round (from the weights, the iteration's own iterates
fall below and rise above the solution in turn), until they stop narrowing. Each degree
returned is the middle of its bounds; were any pair of bounds wider than twice the
tolerance, as the looseness of earlier components' bounds can make it, the whole is worked
out again a thousand times finer. So every degree lies within the tolerance of the exact
one, whatever the cycles.

References
----------
Besnard, P. and Hunter, A. (2001). A logic-based theory of deductive arguments. Artificial
Intelligence 128: the categoriser, on trees of arguments.
Pu, F., Luo, J., Zhang, Y. and Luo, G. (2014). Argument ranking with categoriser function.
KSEM 2014: existence and uniqueness of the degrees on every finite framework.
Amgoud, L. and Ben-Naim, J. (2013). Ranking-based semantics for argumentation frameworks.
SUM 2013: the h-categoriser as a ranking-based semantics, and its principles.
Amgoud, L., Ben-Naim, J., Doder, D. and Vesic, S. (2017). Acceptability semantics for
weighted argumentation frameworks. IJCAI 2017: weights, the weighted h-categoriser.
"""

from __future__ import annotations

import math
import sys
from numbers import Real

from argmap.errors import UnknownArgumentError
from argmap.framework import Framework, natural_key
from argmap.semantics.deadline import check_deadline
from argmap.semantics.split import components

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["DEFAULT_TOLERANCE", "MIN_TOLERANCE", "categoriser", "explain_degree", "ranked"]

#: How far, at most, a degree that :func:`categoriser` returns lies from the exact one.
DEFAULT_TOLERANCE = 1e-9

#: The finest tolerance: a thousand times the rounding of double precision near 1, so that
#: rounding cannot move a degree past its bounds by a share of it worth counting.
MIN_TOLERANCE = 1e-12


def categoriser(
    af: Framework,
    weights: Mapping[str, float] | None = None,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
) -> dict[str, float]:
    """The h-categoriser degree of every argument of ``af`` (see the module's text), each
    within ``tolerance`` of the exact one. ``weights`` gives some arguments a weight in
    [0, 1] other than 1.

    >>> af = Framework.from_attacks([("a", "b"), ("b", "c"), ("d", "d")])
    >>> {name: round(degree, 4) for name, degree in sorted(categoriser(af).items())}
    {'a': 1.0, 'b': 0.5, 'c': 0.6667, 'd': 0.618}
    >>> categoriser(af, {"a": 0.5})["b"]
    0.6666666666666666
    """
    if not (isinstance(tolerance, Real) and MIN_TOLERANCE <= tolerance < 1):
        raise ValueError(
            f"the tolerance must lie in [{MIN_TOLERANCE:g}, 1), got {tolerance!r}: floating "
            "point gives no finer"
        )
    names = af.sorted_arguments
    weight = [1.0] * len(names)
    for name, value in (weights or {}).items():
        if name not in af:
            raise UnknownArgumentError(name, af.arguments)
        if isinstance(value, bool) or not isinstance(value, Real) or not 0 <= value <= 1:
            raise ValueError(f"argument {name!r}: a weight lies in [0, 1], got {value!r}")
        weight[af.index[name]] = float(value)
    attackers = af.attackers_of
    parts = components(af, range(len(names)))
    step = tolerance
    while True:
        lower, upper = _bounds(parts, attackers, weight, step)
        if all(high - low <= 2 * tolerance for low, high in zip(lower, upper, strict=True)):
            middle = ((low + high) / 2 for low, high in zip(lower, upper, strict=True))
            return dict(zip(names, middle, strict=True))
        step /= 1000
        if step < sys.float_info.min:  # floating point leaves the bounds no room to narrow
            raise ArithmeticError("the degrees could not be bounded within the tolerance")


def _bounds(
    parts: list[list[int]],
    attackers: tuple[tuple[int, ...], ...],
    weight: list[float],
    step: float,
) -> tuple[list[float], list[float]]:
    """A lower and an upper bound on every degree (see the module's text): component by
    component, iterating within a cycle until the bounds lie within ``2 * step`` of each
    other or stop narrowing."""
    lower = [0.0] * len(weight)
    upper = weight[:]
    fsum, lower_of, upper_of = math.fsum, lower.__getitem__, upper.__getitem__

    def below(i: int) -> float:
        return weight[i] / (1.0 + fsum(map(upper_of, attackers[i])))

    def above(i: int) -> float:
        return weight[i] / (1.0 + fsum(map(lower_of, attackers[i])))

    for part in parts:
        if len(part) == 1 and part[0] not in attackers[part[0]]:
            i = part[0]  # outside every cycle: its attackers' bounds are final
            lower[i], upper[i] = below(i), above(i)
            continue
        width = math.inf
        while True:
            check_deadline()
            low, high = [below(i) for i in part], [above(i) for i in part]
            for i, a, b in zip(part, low, high, strict=True):
                lower[i], upper[i] = max(lower[i], a), min(upper[i], b)
            narrowed = max(upper[i] - lower[i] for i in part)
            if narrowed <= 2 * step or narrowed >= width:
                break
            width = narrowed
    return lower, upper


def ranked(degrees: Mapping[str, float], digits: int = 9) -> list[list[str]]:
    """The arguments from the strongest to the weakest, in tiers of equal degree (equal when
    rounded to ``digits`` decimal places, as degrees computed to a tolerance are told apart
    no finer); within a tier, in natural order.

    >>> ranked(categoriser(Framework.from_attacks([("a", "b"), ("c", "d")])))
    [['a', 'c'], ['b', 'd']]
    """
    tiers: dict[float, list[str]] = {}
    for name in sorted(degrees, key=natural_key):
        tiers.setdefault(round(degrees[name], digits), []).append(name)
    return [tiers[value] for value in sorted(tiers, reverse=True)]


def explain_degree(
    af: Framework,
    name: str,
    weights: Mapping[str, float] | None = None,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
) -> str:
    """Why ``name`` has its h-categoriser degree, in words and figures: its weight over one
    plus its attackers' degrees, each attacker with its own degree and what weakens it, and
    the cycle that makes degrees solve one another's equations, if it is in one.

    >>> af = Framework.from_attacks([("a", "b"), ("b", "c"), ("e", "c")])
    >>> print(explain_degree(af, "c"))
    c has degree 0.400 = 1 / (1 + 1.500), its weight over one plus the sum of its
    attackers' degrees:
    - b 0.500, attacked by a
    - e 1.000, unattacked: it keeps its weight
    """
    import textwrap

    if name not in af:
        raise UnknownArgumentError(name, af.arguments)
    degrees = categoriser(af, weights, tolerance=tolerance)
    weight = {} if weights is None else dict(weights)
    attackers = sorted(af.attackers(name), key=natural_key)
    own = _figure(weight.get(name, 1.0))
    if not attackers:
        kept = f"nothing attacks it, so it keeps its weight ({own})."
        return f"{name} has degree {degrees[name]:.3f}: {kept}"
    total = math.fsum(degrees[b] for b in attackers)
    head = (
        f"{name} has degree {degrees[name]:.3f} = {own} / (1 + {total:.3f}), its weight over one "
        "plus the sum of its attackers' degrees:"
    )
    lines = textwrap.wrap(head, width=88)
    for b in attackers:
        theirs = sorted(af.attackers(b), key=natural_key)
        why = "itself" if theirs == [b] else ", ".join(theirs)
        why = f"attacked by {why}" if theirs else "unattacked: it keeps its weight"
        lines.append(f"- {b} {degrees[b]:.3f}, {why}")
    cycle = _cycle_through(af, name)
    if cycle == [name]:
        lines.append(f"{name} attacks itself: its degree solves its own equation.")
    elif cycle:
        lines += textwrap.wrap(
            f"{name} is in a cycle of attacks with {', '.join(cycle)}: the degrees in the "
            "cycle solve one another's equations, and are found together.",
            width=88,
        )
    return "\n".join(lines)


def _figure(value: float) -> str:
    """A weight as given: 1 rather than 1.000."""
    return f"{value:g}"


def _cycle_through(af: Framework, name: str) -> list[str]:
    """The other arguments of the strongly connected component that holds ``name`` (itself
    alone if it attacks itself), in natural order; empty if it is in no cycle."""
    position = af.index[name]
    for part in components(af, range(len(af.sorted_arguments))):
        if position in part:
            others = [af.sorted_arguments[i] for i in part if i != position]
            if not others and name in af.attackers(name):
                return [name]
            return sorted(others, key=natural_key)
    return []
