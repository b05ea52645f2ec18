"""The Editors group, with exactly the permissions curating a timeline needs.

Editors read timelines; add articles (upload, paste) and correct their title, source,
url and date; change events (approve, reject, merge, split, re-date, edit, revert);
see evidence and its history; and keep entities tidy. They delete nothing: an event
is rejected, a wrong passage is split off and rejected, so every decision can be undone.

Permissions are created after migrations by default; this migration creates them first
so that the group is complete on a fresh database too.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
PERMISSIONS = [
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
]


def create_editors(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="timeline", codename__in=PERMISSIONS)
    )


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0002_history"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors, remove_editors)]
