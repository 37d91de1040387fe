"""Hypothesis strategies for hostile form posts, and the database fingerprint they must not move.

A fuzzed POST varies everything a client controls: field names (the form's own, look-alikes and
random ones), values (any Unicode including NUL and control characters, raw bytes, huge
strings, repeated fields), the encoding (URL-encoded, multipart with files, raw bytes under a
random or lying content type, JSON), the body size (up to beyond the 256 KB limit), the CSRF
token (valid, missing, wrong, or another session's), the query string and the Accept header.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.engine import Engine
from werkzeug.routing import Rule

from survey_app.db import Base

LIMIT = 256 * 1024
HOSTILE_IDS = (2**31 - 1, 2**31, 2**63, 10**400, 0, -1)
"""Ids a URL may carry: the largest PostgreSQL integer, just past it, past a 64-bit integer,
far past everything, zero and negative."""
_INT_ARGUMENT = re.compile(r"<int(?:\([^)]*\))?:(\w+)>")
TOKEN_KINDS = ("valid", "missing", "wrong", "other-session")
COMMON_FIELDS = ("answer", "action", "choice", "code", "email", "password", "name", "label")

_values = st.one_of(
    st.text(max_size=40),
    st.text(st.characters(codec="utf-8"), max_size=300),
    st.sampled_from(["", " ", "\x00", "\r\n", "skip", "continue", "1", "-1", "0" * 400]),
    st.integers(min_value=-(2**63), max_value=2**64).map(str),
    st.builds(lambda n: "x" * n, st.integers(min_value=1_000, max_value=5_000)),
)
# Bodies over the 256 KB limit, or just under it, are one shape in six: each costs real time.
_sizes = st.sampled_from([0, 0, 0, 0, 0, LIMIT - 2_000, LIMIT + 1])


@dataclass(frozen=True)
class HostilePost:
    """One POST as the test client will send it."""

    token: str
    fields: tuple[tuple[str, str], ...]
    padding: int
    encoding: str
    raw: bytes
    content_type: str
    query: str
    accept: str

    def send(self, client: Any, path: str, valid_token: str, other_token: str) -> Any:
        """Send this POST to ``path``; return the test client's response."""
        fields = list(self.fields)
        if self.padding:
            fields.append(("answer", "p" * self.padding))
        token = {"valid": valid_token, "other-session": other_token, "wrong": "x" * 91}
        if self.token in token:
            fields.insert(0, ("csrf_token", token[self.token]))
        kwargs: dict[str, Any] = {"headers": {"Accept": self.accept}}
        target = f"{path}?{self.query}" if self.query else path
        if self.encoding == "urlencoded":
            kwargs["data"] = _multi(fields)
        elif self.encoding == "multipart":
            # Werkzeug's test client spools multipart bodies over 500 KB to a temporary file it
            # never closes (a ResourceWarning, so an error here): these stay under that.
            kwargs["data"] = {**_multi(fields), "upload": (BytesIO(self.raw), "answers.csv")}
            kwargs["content_type"] = "multipart/form-data"
        elif self.encoding == "json":
            kwargs["data"] = json.dumps(dict(fields))
            kwargs["content_type"] = "application/json"
        else:
            kwargs["data"] = self.raw + b"r" * self.padding
            kwargs["content_type"] = self.content_type
        return client.post(target, **kwargs)


def _multi(fields: list[tuple[str, str]]) -> dict[str, list[str]]:
    data: dict[str, list[str]] = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return data


def hostile_posts(field_names: tuple[str, ...]) -> st.SearchStrategy[HostilePost]:
    """Posts built around the form's own ``field_names``, plus look-alikes and random names."""
    names = st.one_of(
        st.sampled_from(field_names or COMMON_FIELDS),
        st.sampled_from(COMMON_FIELDS),
        st.text(min_size=0, max_size=30),
    )
    return st.builds(
        HostilePost,
        token=st.sampled_from(TOKEN_KINDS),
        fields=st.lists(st.tuples(names, _values), max_size=6).map(tuple),
        padding=_sizes,
        encoding=st.sampled_from(["urlencoded", "urlencoded", "multipart", "json", "raw"]),
        raw=st.one_of(
            st.binary(max_size=2_000),
            st.sampled_from([b"\xff\xfe\x00answer=%ff%00", b"a=" + b"%" * 100, b"=&=&&"]),
        ),
        content_type=st.sampled_from(
            [
                "application/x-www-form-urlencoded",
                "application/x-www-form-urlencoded; charset=latin-1",
                "multipart/form-data; boundary=nothing-here",
                "multipart/form-data",
                "text/plain",
                "application/octet-stream",
                "application/json",
            ]
        ),
        query=st.sampled_from(["", "change=1", "next=//evil.example/", "lang=cy", "next=%00"]),
        accept=st.sampled_from(["text/html", "application/json", "*/*", ""]),
    )


def int_arguments(rule: Rule) -> list[str]:
    """The names of the rule's whole-number path arguments (``<int:...>``)."""
    return _INT_ARGUMENT.findall(rule.rule)


def hostile_id_paths(rule: Rule, arguments: dict[str, object]) -> list[str]:
    """The rule's path with each whole-number argument in turn set to each of ``HOSTILE_IDS``,
    the other arguments taken from ``arguments``."""
    valid = {key: arguments[key] for key in rule.arguments}
    return [
        rule.build({**valid, name: hostile})[1]
        for name in int_arguments(rule)
        for hostile in HOSTILE_IDS
    ]


def form_fields(html: str) -> tuple[str, ...]:
    """The names of the fields of the page's POST forms (what a browser would send)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    names = {
        str(tag["name"])
        for form in soup.find_all("form", method="post")
        for tag in form.find_all(["input", "textarea", "select", "button"])
        if tag.get("name") and tag["name"] != "csrf_token"
    }
    return tuple(sorted(names))


def fingerprint(engine: Engine, *, skip: frozenset[str] = frozenset()) -> dict[str, str]:
    """A digest of every row of every table (except ``skip``), to prove nothing was written."""
    digests = {}
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name in skip:
                continue
            rows = connection.execute(select(table).order_by(*table.primary_key)).all()
            digests[table.name] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return digests
