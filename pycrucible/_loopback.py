"""Whether a host is this machine: the one check shared by the client (its plain-http warning)
and the local server (its bind warning). Standard library only, so the local server can use it
without importing anything of the client."""

from __future__ import annotations

import ipaddress

__all__ = ["is_loopback"]


def is_loopback(host: str) -> bool:
    """Whether a host name or address (IPv6 with or without brackets) is this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
