"""How a tagged PDF is laid out, read back with pdfplumber: each page's structure elements in
reading order, so tests can ask what a page ends with and where a table was split.

WeasyPrint writes one structure subtree per page, so an element that runs onto a second page
(a table, say) appears on each page it occupies, holding only that page's part.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pdfplumber

HEADINGS = frozenset({"H1", "H2", "H3", "H4", "H5", "H6"})
INLINE = frozenset({"Span", "NonStruct", "Link", "Lbl"})
"""Elements that sit inside a block and never end a page on their own."""

Element = dict[str, Any]


@dataclass(frozen=True)
class TablePart:
    """The part of a table on one page."""

    page: int
    has_caption: bool
    body_rows: int


@dataclass(frozen=True)
class PageLayout:
    """One page: its block elements in reading order, and the tables on it."""

    number: int
    blocks: tuple[str, ...]
    tables: tuple[TablePart, ...]

    @property
    def last_block(self) -> str | None:
        return self.blocks[-1] if self.blocks else None

    @property
    def ends_inside_a_table(self) -> bool:
        return self.last_block in {"TR", "TH", "TD"}


def page_layouts(pdf: bytes) -> list[PageLayout]:
    """Every page of ``pdf``, from its structure tree."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [_layout(page.page_number, page.structure_tree) for page in document.pages]


def pages_ending_with_a_heading(pdf: bytes) -> list[int]:
    """Page numbers whose last block is a heading or a caption, stranded away from what it
    introduces."""
    stranded = HEADINGS | {"Caption"}
    return [page.number for page in page_layouts(pdf) if page.last_block in stranded]


def table_splits(pdf: bytes) -> list[tuple[TablePart, TablePart]]:
    """Each table that runs from one page onto the next, as (the part before the break, the
    part after it): a page ends inside a table and the next begins with a table part that has
    no caption, the caption being printed only above a table's first part."""
    pages = page_layouts(pdf)
    splits = []
    for before, after in zip(pages, pages[1:], strict=False):
        if before.ends_inside_a_table and after.tables and not after.tables[0].has_caption:
            splits.append((before.tables[-1], after.tables[0]))
    return splits


def _layout(number: int, roots: list[Element]) -> PageLayout:
    elements = list(_depth_first(roots))
    blocks = tuple(e["type"] for e in elements if e["type"] not in INLINE)
    tables = tuple(_table_part(number, e) for e in elements if e["type"] == "Table")
    return PageLayout(number, blocks, tables)


def _table_part(page: int, table: Element) -> TablePart:
    children = table.get("children", [])
    bodies = [c for c in children if c["type"] == "TBody"]
    rows = sum(1 for body in bodies for row in body.get("children", []) if row["type"] == "TR")
    return TablePart(page, any(c["type"] == "Caption" for c in children), rows)


def _depth_first(elements: list[Element]) -> Iterator[Element]:
    for element in elements:
        yield element
        yield from _depth_first(element.get("children", []))
