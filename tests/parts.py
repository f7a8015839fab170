"""A strategy shared by the test modules: frameworks made of parts that no attack joins."""

from hypothesis import strategies as st

from argmap import Framework
from argmap.strategies import frameworks


@st.composite
def separate_parts(draw, *, parts: int = 3, max_arguments: int = 10) -> Framework:
    """Up to ``parts`` small frameworks side by side (their arguments renamed apart), beside,
    now and then, one attacked by a grounded argument. At most ``max_arguments`` arguments,
    few enough for the exhaustive reference."""
    pieces = draw(st.lists(frameworks(max_arguments=4, density=0.5), min_size=1, max_size=parts))
    arguments: set[str] = set()
    attacks: set[tuple[str, str]] = set()
    for k, piece in enumerate(pieces):
        arguments |= {f"p{k}{a}" for a in piece.arguments}
        attacks |= {(f"p{k}{a}", f"p{k}{b}") for a, b in piece.attacks}
    if arguments and draw(st.booleans()):
        # an unattacked argument joins a part to the grounded extension: the parts that
        # grounded leaves open then differ from those of the whole framework
        target = draw(st.sampled_from(sorted(arguments)))
        arguments.add("g")
        attacks.add(("g", target))
    names = sorted(arguments)[:max_arguments]
    kept = set(names)
    return Framework.from_attacks(
        {(a, b) for a, b in attacks if a in kept and b in kept}, arguments=names
    )
