"""A throwaway self-signed certificate for serving the app over HTTPS on loopback in tests.

Made with Debian's ``openssl`` command (``scripts/ensure-debian-packages`` installs it when
missing) for ``127.0.0.1`` and ``localhost``, valid for two days, with an unencrypted key: it
lives in a pytest temporary folder and never leaves the machine.
"""

from __future__ import annotations

import ssl
import subprocess
from dataclasses import dataclass
from pathlib import Path

SUBJECT_ALT_NAMES = "subjectAltName=IP:127.0.0.1,DNS:localhost"


@dataclass(frozen=True)
class TlsFiles:
    """A certificate and its private key, as PEM files."""

    certificate: Path
    key: Path

    def gunicorn_args(self) -> list[str]:
        """The gunicorn options that make it serve HTTPS with this certificate."""
        return ["--certfile", str(self.certificate), "--keyfile", str(self.key)]

    def client_context(self) -> ssl.SSLContext:
        """A client context that trusts this certificate alone (and still checks the name)."""
        return ssl.create_default_context(cafile=str(self.certificate))


def self_signed_certificate(directory: Path) -> TlsFiles:
    """Write a new P-256 key and self-signed certificate for loopback into ``directory``."""
    files = TlsFiles(certificate=directory / "certificate.pem", key=directory / "key.pem")
    command = ["openssl", "req", "-x509", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1"]
    command += ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"]
    command += ["-addext", SUBJECT_ALT_NAMES]
    command += ["-keyout", str(files.key), "-out", str(files.certificate)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return files
