"""Test settings: the real settings with debug on, a fast hasher and a throwaway database."""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")

from timeline.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tasks run inline, so a test sees a background job finished when the request returns;
# tests/test_tasks.py switches to the database backend to run the real worker.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
