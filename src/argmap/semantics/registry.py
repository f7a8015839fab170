"""The catalogue of semantics: short codes, names, papers and complexity."""

from __future__ import annotations

from argmap._frozen import Frozen
from argmap.errors import UnknownNameError, UnknownSemanticsError

__all__ = ["SEMANTICS", "SemanticsInfo", "is_credulous", "resolve_semantics"]


class SemanticsInfo(Frozen):
    """What argmap knows about one semantics.

    ``unique`` semantics have exactly one extension on every framework. ``complexity`` states
    the complexity of credulous and sceptical acceptance (Dvořák and Dunne 2018, "Computational
    problems for abstract argumentation", Handbook of Formal Argumentation).
    """

    __slots__ = _fields = ("code", "name", "aliases", "reference", "complexity", "unique")
    code: str
    name: str
    aliases: tuple[str, ...]
    reference: str
    complexity: str
    unique: bool

    def __init__(
        self,
        code: str,
        name: str,
        aliases: tuple[str, ...],
        reference: str,
        complexity: str,
        unique: bool = False,
    ) -> None:
        self._set(
            code=code,
            name=name,
            aliases=aliases,
            reference=reference,
            complexity=complexity,
            unique=unique,
        )


SEMANTICS: dict[str, SemanticsInfo] = {
    info.code: info
    for info in (
        SemanticsInfo(
            "CF",
            "conflict-free",
            ("conflictfree", "cf"),
            "Dung (1995)",
            "credulous: linear; sceptical: trivial",
        ),
        SemanticsInfo(
            "AD",
            "admissible",
            ("adm",),
            "Dung (1995)",
            "credulous: NP-complete; sceptical: trivial",
        ),
        SemanticsInfo(
            "SAD",
            "strongly admissible",
            ("strongly-admissible", "strongly_admissible", "sad"),
            "Baroni and Giacomin (2007); Caminada (2014)",
            "credulous: P (the grounded extension); sceptical: trivial",
        ),
        SemanticsInfo(
            "CO",
            "complete",
            ("comp",),
            "Dung (1995)",
            "credulous: NP-complete; sceptical: P (equals grounded)",
        ),
        SemanticsInfo("GR", "grounded", ("grd",), "Dung (1995)", "linear time", unique=True),
        SemanticsInfo(
            "PR",
            "preferred",
            ("prf",),
            "Dung (1995)",
            "credulous: NP-complete; sceptical: Π2P-complete",
        ),
        SemanticsInfo(
            "ST",
            "stable",
            ("stb",),
            "Dung (1995)",
            "credulous: NP-complete; sceptical: coNP-complete",
        ),
        SemanticsInfo(
            "SST",
            "semi-stable",
            ("semistable", "semi_stable", "sem"),
            "Caminada (2006); Caminada, Carnielli and Dunne (2012)",
            "credulous and sceptical: Σ2P- and Π2P-complete",
        ),
        SemanticsInfo(
            "STG",
            "stage",
            ("stg",),
            "Verheij (1996)",
            "credulous and sceptical: Σ2P- and Π2P-complete",
        ),
        SemanticsInfo(
            "ID",
            "ideal",
            ("ideal",),
            "Dung, Mancarella and Toni (2007)",
            "computing the extension: in FP^NP||, hard for P^NP||",
            unique=True,
        ),
        SemanticsInfo(
            "EA",
            "eager",
            ("eag",),
            "Caminada (2007)",
            "computing the extension: FP^Σ2P||-hard",
            unique=True,
        ),
        SemanticsInfo(
            "NA",
            "naive",
            ("nai",),
            "Bondarenko, Dung, Kowalski and Toni (1997)",
            "credulous and sceptical: linear time",
        ),
        SemanticsInfo(
            "CF2",
            "cf2",
            ("cf2",),
            "Baroni, Giacomin and Guida (2005)",
            "credulous: NP-complete; sceptical: coNP-complete",
        ),
        SemanticsInfo(
            "STG2",
            "stage2",
            ("stage-2", "stg2"),
            "Dvořák and Gaggl (2016)",
            "credulous and sceptical: Σ2P- and Π2P-complete",
        ),
    )
}

_LOOKUP: dict[str, str] = {}
for _info in SEMANTICS.values():
    for _word in (_info.code, _info.name, *_info.aliases):
        _LOOKUP[_word.lower()] = _info.code


def resolve_semantics(name: str) -> str:
    """The short code of a semantics given by code or name, in any letter case.

    >>> resolve_semantics("preferred"), resolve_semantics("sst"), resolve_semantics("Stage2")
    ('PR', 'SST', 'STG2')
    >>> resolve_semantics("prefered")
    Traceback (most recent call last):
    ...
    argmap.errors.UnknownSemanticsError: unknown semantics: 'prefered' (did you mean 'preferred'?...
    """
    if not isinstance(name, str):
        raise UnknownSemanticsError(name, _valid_words())
    code = _LOOKUP.get(name.strip().lower())
    if code is None:
        raise UnknownSemanticsError(name, _valid_words())
    return code


def _valid_words() -> list[str]:
    return [
        *SEMANTICS,
        *(info.name for info in SEMANTICS.values() if info.name != info.code.lower()),
    ]


def is_credulous(mode: str) -> bool:
    """Whether an acceptance mode is credulous (else sceptical); an unknown mode is an error
    that lists the valid ones."""
    if mode == "credulous":
        return True
    if mode in ("sceptical", "skeptical"):
        return False
    raise UnknownNameError("acceptance mode", mode, ["credulous", "sceptical", "skeptical"])
