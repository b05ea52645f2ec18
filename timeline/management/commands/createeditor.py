"""`manage.py createeditor USERNAME`: a staff account in the Editors group.

The password is asked for on a terminal (twice, never echoed) or, for scripts, read
from the environment variable named by `--password-from-env`: it is never a command
line argument, which other users of the machine could read. Django's password
validators apply either way. An existing user is left alone.
"""

import getpass
import os
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from timeline.roles import editors_group


class Command(BaseCommand):
    help = "Create a staff user in the Editors group, who can curate timelines in /admin/."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--password-from-env",
            metavar="VAR",
            help="Read the password from this environment variable instead of asking.",
        )

    def handle(self, *args, username: str, email: str, password_from_env: str | None, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"A user named {username!r} already exists.")
        editors = editors_group()
        user = User(username=username, email=email, is_staff=True)
        password = self._password(password_from_env)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        user.set_password(password)
        with transaction.atomic():
            user.save()
            user.groups.add(editors)
        self.stdout.write(f"Editor {username!r} created; they can sign in at /admin/.")

    def _password(self, variable: str | None) -> str:
        if variable:
            password = os.environ.get(variable, "")
            if not password:
                raise CommandError(f"The environment variable {variable} is unset or empty.")
            return password
        if not sys.stdin.isatty():
            raise CommandError("No terminal to ask for a password: use --password-from-env VAR.")
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("The two passwords differ.")
        return password
