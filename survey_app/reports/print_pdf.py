"""HTML to a tagged PDF with WeasyPrint, loading nothing but the app's own static files.

WeasyPrint lays out the report's own accessible HTML with the print stylesheet and writes
PDF/UA-1: a structure tree of headings, lists, tables with header cells and figures with
alternative text (an SVG's ``<title>``), in reading order, with the document's language and
title. The report holds people's words, so the fetcher refuses every resource that is not a
file inside the static folder: no network request, and no file elsewhere on the server, can be
pulled into a PDF by anything in its HTML. The one exception is an image the app vouches for
by its exact ``data:`` URL (the authority's logo, which the app redrew itself): any other
``data:`` URL is refused.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import HTML  # type: ignore[import-untyped]
from weasyprint.urls import URLFetcher, URLFetcherResponse  # type: ignore[import-untyped]

PDF_VARIANT = "pdf/ua-1"


class RefusedResourceError(ValueError):
    """A document asked for a resource outside the static folder."""


class StaticFolderFetcher(URLFetcher):
    """Serves ``file:`` URLs inside ``root`` and the PNG images of ``images`` (their bytes by
    their exact ``data:`` URL), and refuses everything else."""

    def __init__(self, root: Path, images: Mapping[str, bytes] | None = None) -> None:
        super().__init__(allowed_protocols=("file",))
        self._root = root.resolve()
        self._images = dict(images or {})

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        """The vouched-for image ``url`` is, or the file it names inside the static folder."""
        if url in self._images:
            return URLFetcherResponse(url, self._images[url], {"Content-Type": "image/png"})
        path = self.static_path(url)
        mimetype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mimetype})

    def static_path(self, url: str) -> Path:
        """The file inside the static folder that ``url`` names; RefusedResourceError if
        ``url`` is not a ``file:`` URL, or resolves (through ``..`` or a link) outside it."""
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise RefusedResourceError(f"only static files may be loaded, not {url!r}")
        path = Path(unquote(parts.path)).resolve()
        if not path.is_relative_to(self._root) or not path.is_file():
            raise RefusedResourceError(f"{url!r} is not a file in the static folder")
        return path


def html_to_pdf(
    html: str, *, static_folder: Path, images: Mapping[str, bytes] | None = None
) -> bytes:
    """``html`` as tagged PDF/UA-1 bytes; relative URLs resolve inside ``static_folder``, and
    the PNG images of ``images`` may be named by their ``data:`` URLs."""
    document = HTML(
        string=html,
        base_url=f"{static_folder.resolve().as_uri()}/",
        url_fetcher=StaticFolderFetcher(static_folder, images),
    )
    return document.write_pdf(pdf_variant=PDF_VARIANT)
