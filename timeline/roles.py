"""The Editors group as the code knows it today: what curating a timeline needs.

Migrations 0003 and 0005 create the group on a fresh database (they keep their own
frozen lists, as migrations must). This module is the current definition, used when an
editor account is made so that a group lost to a database flush or a hand edit is put
back complete rather than reported missing.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission

EDITORS = "Editors"
EDITOR_PERMISSIONS = (
    "view_timeline",
    "view_article",
    "add_article",
    "change_article",
    "view_event",
    "change_event",
    "view_evidence",
    "view_entity",
    "add_entity",
    "change_entity",
    "view_timelinejob",
)


def editors_group() -> Group:
    """The Editors group with exactly the curation permissions, created if missing."""
    group, _ = Group.objects.get_or_create(name=EDITORS)
    permissions = Permission.objects.filter(
        content_type__app_label="timeline", codename__in=EDITOR_PERMISSIONS
    )
    if set(group.permissions.all()) != set(permissions):
        group.permissions.set(permissions)
    return group
