"""The PDF's resource fetcher loads files from the static folder and nothing else: no network,
no file elsewhere on the server, whatever a document asks for."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from PIL import Image

from survey_app.reports.print_pdf import RefusedResourceError, StaticFolderFetcher, html_to_pdf
from tests.support.pdfs import image_count


@pytest.fixture
def static(tmp_path: Path) -> Path:
    folder = tmp_path / "static"
    (folder / "css").mkdir(parents=True)
    (folder / "css" / "print.css").write_text("p { color: #123456; }", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("not for a PDF", encoding="utf-8")
    return folder


def test_a_file_in_the_static_folder_is_served(static: Path) -> None:
    reply = StaticFolderFetcher(static).fetch((static / "css" / "print.css").as_uri())

    assert reply.read() == b"p { color: #123456; }"
    assert reply.content_type == "text/css"


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/logo.png",
        "http://169.254.169.254/latest/meta-data/",
        "ftp://example.org/file.css",
        "data:text/css,p{color:red}",
        "file://attacker.example/share/file.css",
        "file:///etc/passwd",
    ],
)
def test_network_and_other_schemes_and_system_files_are_refused(static: Path, url: str) -> None:
    with pytest.raises(RefusedResourceError):
        StaticFolderFetcher(static).fetch(url)


def test_a_path_climbing_out_of_the_static_folder_is_refused(static: Path) -> None:
    climbing = f"{static.as_uri()}/css/../../secret.txt"

    with pytest.raises(RefusedResourceError):
        StaticFolderFetcher(static).fetch(climbing)


def test_a_link_inside_the_static_folder_pointing_outside_is_refused(static: Path) -> None:
    (static / "escape.txt").symlink_to(static.parent / "secret.txt")

    with pytest.raises(RefusedResourceError):
        StaticFolderFetcher(static).fetch((static / "escape.txt").as_uri())


def _png(path: Path) -> Path:
    Image.new("RGB", (4, 4), "#12436d").save(path)
    return path


def _document(*image_urls: str) -> str:
    images = "".join(f'<img src="{url}" alt="A square">' for url in image_urls)
    return f'<html lang="en-GB"><head><title>T</title></head><body><p>{images}</p></body></html>'


def test_a_document_embeds_an_image_from_the_static_folder(static: Path) -> None:
    _png(static / "logo.png")

    assert image_count(html_to_pdf(_document("logo.png"), static_folder=static)) == 1


def test_a_document_cannot_pull_a_server_file_into_its_pdf(static: Path) -> None:
    outside = _png(static.parent / "outside.png")

    html = _document("../outside.png", outside.as_uri())

    assert image_count(html_to_pdf(html, static_folder=static)) == 0


def test_only_the_data_url_the_app_vouches_for_is_embedded(static: Path) -> None:
    png = _png(static.parent / "logo.png").read_bytes()
    vouched = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    other = "data:image/png;base64," + base64.b64encode(png + b"\0").decode("ascii")

    pdf = html_to_pdf(_document(vouched, other), static_folder=static, images={vouched: png})

    assert image_count(pdf) == 1
