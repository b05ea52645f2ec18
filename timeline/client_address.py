"""The reader's network address, as the sign-in throttle should count it.

Behind a reverse proxy every request arrives from the proxy, so counting failed sign-ins
per `REMOTE_ADDR` would lock a username out for every reader at once. Each proxy appends
the address it received the request from to `X-Forwarded-For`; a client can write
anything at the left of that header, so only the entries the deployment's own proxies
added are believed: with `DJANGO_TRUSTED_PROXY_COUNT` proxies in front of the site the
reader is the entry that many places from the right. With no trusted proxy (the default)
the header is ignored entirely.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The address of the reader who sent `request` (see the module docstring)."""
    remote = request.META.get("REMOTE_ADDR", "")
    hops = settings.TIMELINE_TRUSTED_PROXY_COUNT
    if hops <= 0:
        return remote
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    forwarded = [part.strip() for part in header.split(",") if part.strip()]
    if len(forwarded) < hops:
        # Fewer entries than proxies: a request that bypassed a proxy, or a proxy that
        # does not append; nothing in the header can be trusted.
        return remote
    candidate = forwarded[-hops]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
