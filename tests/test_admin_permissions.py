"""Who may do what in the admin: the Editors group, a staff user without rights, the
anonymous visitor; and `manage.py createeditor`, which makes editors."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from tests.factories_admin import (
    PASSWORD,
    make_editor,
    make_staff_without_rights,
    two_reports,
)
from timeline.models import Event
from timeline.roles import EDITOR_PERMISSIONS, editors_group

pytestmark = pytest.mark.django_db


def pages(event: Event) -> list[str]:
    return [
        reverse("admin:timeline_event_changelist"),
        reverse("admin:timeline_event_change", args=[event.pk]),
        reverse("admin:timeline_event_history", args=[event.pk]),
        reverse("admin:timeline_article_changelist"),
        reverse("admin:timeline_article_add"),
        reverse("admin:timeline_article_upload"),
        reverse("admin:timeline_evidence_changelist"),
    ]


def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    opening, _, _, _ = two_reports()
    for url in pages(opening):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("admin:login")), url


def test_staff_without_rights_gets_403(client):
    opening, purchase, _, _ = two_reports()
    client.force_login(make_staff_without_rights())
    for url in pages(opening):
        assert client.get(url).status_code == 403, url
    response = client.post(
        reverse("admin:timeline_event_changelist"),
        {"action": "merge", "_selected_action": [opening.pk, purchase.pk], "apply": "Merge"},
    )
    assert response.status_code == 403
    assert Event.objects.count() == 2


def test_an_editor_opens_every_page_but_deletes_nothing(client):
    opening, _, _, _ = two_reports()
    client.force_login(make_editor())
    for url in pages(opening):
        assert client.get(url).status_code == 200, url
    delete = reverse("admin:timeline_event_delete", args=[opening.pk])
    assert client.get(delete).status_code == 403


def test_a_view_only_user_sees_events_but_cannot_merge_them(client):
    opening, purchase, _, _ = two_reports()
    viewer = make_staff_without_rights()
    viewer.user_permissions.add(
        *Group.objects.get(name="Editors").permissions.filter(codename="view_event")
    )
    client.force_login(viewer)
    assert client.get(reverse("admin:timeline_event_changelist")).status_code == 200
    client.post(
        reverse("admin:timeline_event_changelist"),
        {
            "action": "merge",
            "_selected_action": [opening.pk, purchase.pk],
            "apply": "Merge",
            "target": opening.pk,
        },
    )
    assert Event.objects.count() == 2


def test_the_editors_group_holds_exactly_the_curation_permissions():
    codenames = set(
        Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)
    )
    assert codenames == {
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
    }
    assert codenames == set(EDITOR_PERMISSIONS), "the migrations and timeline.roles agree"


def test_a_lost_editors_group_is_rebuilt_complete():
    Group.objects.filter(name="Editors").delete()
    group = editors_group()
    assert set(group.permissions.values_list("codename", flat=True)) == set(EDITOR_PERMISSIONS)


def test_createeditor_reads_the_password_from_the_environment(monkeypatch, client):
    monkeypatch.setenv("EDITOR_PASSWORD", PASSWORD)
    out = io.StringIO()
    call_command("createeditor", "ada", "--password-from-env", "EDITOR_PASSWORD", stdout=out)
    user = User.objects.get(username="ada")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Editors"]
    response = client.post(reverse("admin:login"), {"username": "ada", "password": PASSWORD})
    assert response.status_code == 302
    assert "ada" in out.getvalue()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--password-from-env", "UNSET_VARIABLE"], "unset or empty"),
        ([], "No terminal"),
        (["--password-from-env", "WEAK_PASSWORD"], "too short"),
    ],
)
def test_createeditor_refuses_without_a_usable_password(monkeypatch, args, message):
    monkeypatch.setenv("WEAK_PASSWORD", "abc")
    monkeypatch.setattr("sys.stdin", io.StringIO())
    with pytest.raises(CommandError, match=message):
        call_command("createeditor", "ada", *args)
    assert not User.objects.filter(username="ada").exists()


def test_createeditor_leaves_an_existing_user_alone(monkeypatch):
    make_editor("ada")
    monkeypatch.setenv("EDITOR_PASSWORD", PASSWORD)
    with pytest.raises(CommandError, match="already exists"):
        call_command("createeditor", "ada", "--password-from-env", "EDITOR_PASSWORD")
