"""Compute the principle table and write it into docs/principles.md (``make docs-principles``).

The test suite computes the same table and fails when the page is out of date or when an
entry disagrees with the literature.
"""

from __future__ import annotations

from pathlib import Path

from argmap.principles import principle_table, small_frameworks, table_markdown

PAGE = Path(__file__).resolve().parent / "principles.md"
START, END = "<!-- principle-table:start -->", "<!-- principle-table:end -->"


def table() -> str:
    return table_markdown(principle_table(small_frameworks(3)))


def updated(text: str, body: str) -> str:
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{body}\n{END}{tail}"


if __name__ == "__main__":
    PAGE.write_text(updated(PAGE.read_text(), table()))
    print(f"table written to {PAGE}")
