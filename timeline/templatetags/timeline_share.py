"""`{% share_links subject as share %}`: the share link and embed codes for a page's subject.

A tag rather than view context so the Share partial can sit in any template that has
the request (every page, the htmx event panel, the embed) without each view building it.
"""

from __future__ import annotations

from django import template

from timeline import sharing
from timeline.models import Event, Timeline

register = template.Library()


@register.simple_tag(takes_context=True)
def share_links(context: template.Context, subject: Timeline | Event) -> sharing.ShareLinks:
    return sharing.share_links(context["request"], subject)
