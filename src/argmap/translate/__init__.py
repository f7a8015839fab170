"""Translations from an argument map to a Dung framework, each with a trace back to the map."""

from __future__ import annotations

import attrs

from argmap.errors import UnknownNameError
from argmap.map.model import MapModel
from argmap.translate.aspic import translate_aspic
from argmap.translate.bipolar import translate_bipolar, translate_flat
from argmap.translate.common import CancelledAttack, StructuredArgument, Translation

__all__ = [
    "LINKS",
    "TRANSLATIONS",
    "CancelledAttack",
    "StructuredArgument",
    "Translation",
    "resolve_translation",
    "translate",
]

#: Translation names, each with its aliases.
TRANSLATIONS = {
    "aspic": ("aspic", "aspic+", "structured"),
    "deductive": ("deductive", "bipolar-deductive"),
    "necessary": ("necessary", "bipolar-necessary"),
    "flat": ("flat",),
}
LINKS = ("weakest", "last")


def resolve_translation(name: str) -> str:
    """The canonical name of a translation.

    >>> resolve_translation("bipolar-deductive")
    'deductive'
    """
    key = name.strip().lower() if isinstance(name, str) else name
    for canonical, aliases in TRANSLATIONS.items():
        if key in aliases:
            return canonical
    raise UnknownNameError("translation", name, [a for al in TRANSLATIONS.values() for a in al])


def translate(
    model: MapModel, translation: str = "aspic", *, preferences: bool = True, link: str = "weakest"
) -> Translation:
    """Translate a map model with the named translation.

    The link principle lifts the strength of an ASPIC+ argument from its parts, for the
    preferences to compare; a principle other than the default where it has nothing to act
    on (preferences off, or one argument per claim) is noted, not silently dropped.
    """
    name = resolve_translation(translation)
    if link not in LINKS:
        raise UnknownNameError("link principle", link, LINKS)
    if name == "aspic":
        translated = translate_aspic(model, preferences=preferences, link=link)
    elif name == "flat":
        translated = translate_flat(model, preferences=preferences)
    else:
        translated = translate_bipolar(model, kind=name, preferences=preferences)
    if link != "weakest" and (name != "aspic" or not preferences):
        if not preferences:
            why = "preferences are off"
        else:
            why = f"the {name} translation builds one argument per claim, with no parts to lift"
        note = f"the {link}-link principle changes nothing here: {why}"
        translated = attrs.evolve(translated, notes=(*translated.notes, note))
    return translated
