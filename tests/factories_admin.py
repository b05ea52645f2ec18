"""Helpers for admin tests: users with or without the Editors group, and form data.

Kept apart from tests/factories.py (shared by every test module) because only the admin
tests need users, and only they post whole admin forms.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User

from tests.factories import make_article, make_event, make_evidence, make_timeline
from timeline.models import Article, Event
from timeline.roles import editors_group

PASSWORD = "correct horse battery staple"

SECOND_TEXT = (
    "Acme Corp's Leeds factory opened on March 3, 2024, with 300 jobs.\n\n"
    "Last month, Acme Corp bought Widget Ltd for $2 million."
)
"""A second article: one more report of the factory and a relative date ("Last month")."""


def make_editor(username: str = "editor") -> User:
    user = User.objects.create_user(username, password=PASSWORD, is_staff=True)
    user.groups.add(editors_group())
    return user


def make_staff_without_rights(username: str = "visitor") -> User:
    return User.objects.create_user(username, password=PASSWORD, is_staff=True)


def two_reports() -> tuple[Event, Event, Article, Article]:
    """Two events of one timeline, each cited by its own article's first sentence."""
    timeline = make_timeline()
    first = make_article(timeline)
    second = make_article(
        timeline, text=SECOND_TEXT, title="Acme buys Widget", file_name="widget.txt"
    )
    opening = make_event(timeline, title="Acme opens a factory in Leeds")
    purchase = make_event(
        timeline, title="Acme buys Widget Ltd", date=dt.date(2024, 2, 1), precision="month"
    )
    make_evidence(opening, first)
    make_evidence(purchase, second, "Last month, Acme Corp bought Widget Ltd for $2 million.")
    return opening, purchase, first, second


def change_form_data(response) -> dict:
    """The POST data of an admin change form exactly as the page shows it (inlines too)."""
    data: dict = {}
    forms = [response.context["adminform"].form]
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        forms.extend(formset.forms)
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None:
                continue
            if isinstance(value, list | tuple):
                data[form.add_prefix(name)] = [str(v) for v in value]
            else:
                data[form.add_prefix(name)] = value
    return {k: v for k, v in data.items() if v is not None}
