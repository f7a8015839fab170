"""Reading the ICCMA 2015-2021 solution syntax: ``[[a,b],[c]]`` and ``[a,b]``."""

from __future__ import annotations


def parse_lists(text: str) -> list:
    """Parse nested bracket lists of bare names; several top-level lists give a list of them."""
    stack: list[list] = [[]]
    token = ""
    for char in text.strip():
        if char == "[":
            stack.append([])
        elif char in ",]":
            if token.strip():
                stack[-1].append(token.strip())
            token = ""
            if char == "]":
                done = stack.pop()
                stack[-1].append(done)
        elif not char.isspace():
            token += char
    assert len(stack) == 1, text
    return stack[0]


def as_extensions(value: list) -> frozenset[frozenset[str]]:
    return frozenset(frozenset(e) for e in value)
