"""Credentials for a SPARQL server: from the environment only, never from the command line
(where `ps` and shell history would show them), and never over plain HTTP except to this
machine (loopback), where nothing crosses a network.
"""
from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from graphbuild.errors import UsageError

SCHEMES = ("basic", "digest")


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str
    scheme: str = "basic"  # basic | digest (Virtuoso's /sparql-graph-crud-auth wants digest)

    def __repr__(self) -> str:  # never show the password in a traceback or log
        return f"Credentials(user={self.user!r}, password=***, scheme={self.scheme!r})"

    def requests_auth(self):
        from requests.auth import HTTPBasicAuth, HTTPDigestAuth

        return (HTTPDigestAuth if self.scheme == "digest" else HTTPBasicAuth)(self.user, self.password)


def is_loopback(url: str) -> bool:
    """Whether `url` points at this machine (localhost, 127.0.0.0/8, ::1)."""
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str) -> str:
    """`url` if it is an absolute http(s) URL with a host."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError("GB224", url=url)
    return url


def from_environment(var: str | None, url: str, scheme: str = "basic",
                     environ: Mapping[str, str] | None = None) -> Credentials | None:
    """The credentials in environment variable `var` ("user:password") for `url`, or None
    when no variable is named. Refused over plain HTTP unless `url` is loopback."""
    if scheme not in SCHEMES:
        raise UsageError("GB217", flag="--auth-scheme", value=scheme, choices="basic or digest")
    if var is None:
        return None
    environ = os.environ if environ is None else environ
    value = environ.get(var)
    if not value:
        raise UsageError("GB225", var=var)
    user, sep, password = value.partition(":")
    if not sep or not user:
        raise UsageError("GB226", var=var)
    if urlsplit(url).scheme != "https" and not is_loopback(url):
        raise UsageError("GB227", var=var, hostname=urlsplit(url).hostname)
    return Credentials(user, password, scheme)


__all__ = ["Credentials", "SCHEMES", "check_url", "from_environment", "is_loopback"]
