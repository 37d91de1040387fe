"""A tagged PDF's structure tree and catalogue read with pikepdf, as assistive technology
reads them: element types (H1, Table, TH, Figure ...), alternative text, language and title."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

import pikepdf


@dataclass(frozen=True)
class Tagged:
    """One structure element: its type without the slash, its alternative text, its children."""

    type: str
    alt: str | None
    children: tuple[Tagged, ...]

    def walk(self) -> Iterator[Tagged]:
        """This element and everything under it, depth first (reading order)."""
        yield self
        for child in self.children:
            yield from child.walk()

    def count(self, kind: str) -> int:
        return sum(1 for element in self.walk() if element.type == kind)


@dataclass(frozen=True)
class TaggedPdf:
    """What a reader's software learns about the document before showing a page."""

    root: Tagged
    language: str | None
    title: str | None
    is_marked: bool
    shows_title: bool
    pdfua_part: str | None

    def elements(self, kind: str) -> list[Tagged]:
        return [element for element in self.root.walk() if element.type == kind]


def read_tagged_pdf(pdf: bytes) -> TaggedPdf:
    """The structure tree and the accessibility entries of ``pdf``'s catalogue."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        catalogue = document.Root
        tree = catalogue.get("/StructTreeRoot")
        with document.open_metadata() as metadata:
            part = metadata.get("pdfuaid:part")
            title = metadata.get("dc:title")
        preferences = catalogue.get("/ViewerPreferences", {})
        return TaggedPdf(
            root=_element("StructTreeRoot", tree.get("/K")) if tree else Tagged("None", None, ()),
            language=str(catalogue["/Lang"]) if "/Lang" in catalogue else None,
            title=title,
            is_marked=bool(catalogue.get("/MarkInfo", {}).get("/Marked", False)),
            shows_title=bool(preferences.get("/DisplayDocTitle", False)),
            pdfua_part=part,
        )


def _element(kind: str, kids: object) -> Tagged:
    return Tagged(kind, None, tuple(_children(kids)))


def _children(kids: object) -> Iterator[Tagged]:
    """Structure elements among ``kids`` (a dictionary, an array, or marked-content ids)."""
    if isinstance(kids, pikepdf.Array):
        for kid in kids:
            yield from _children(kid)
    elif isinstance(kids, pikepdf.Dictionary) and "/S" in kids:
        alt = kids.get("/Alt")
        yield Tagged(
            str(kids["/S"]).lstrip("/"),
            str(alt) if alt is not None else None,
            tuple(_children(kids.get("/K"))),
        )
