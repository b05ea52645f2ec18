"""Settings, read from the environment so one code base serves development and production.

Debug is off unless DJANGO_DEBUG asks for it, and a built-in secret key exists only in
debug mode: a production server without DJANGO_SECRET_KEY refuses to start rather
than run with a key that is public in this repository.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

from timeline.environment import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env_str("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=1 for development).")
    SECRET_KEY = "development-only-key-never-used-with-debug-off"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
    "timeline.apps.TimelineConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a lockout raised during sign-in into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "timeline.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "timeline.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while an ingest writes; IMMEDIATE transactions and a busy
    # timeout make two concurrent ingests queue instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

# Axes first: it refuses a locked-out sign-in before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

X_FRAME_OPTIONS = "DENY"

TIMELINE_DEFAULT_SLUG = env_str("TIMELINE_DEFAULT_SLUG", "meta-ai-2025")
TIMELINE_PUBLISH_RULE = env_str("TIMELINE_PUBLISH_RULE", "non-rejected")
if TIMELINE_PUBLISH_RULE not in ("approved", "non-rejected"):
    raise ImproperlyConfigured("TIMELINE_PUBLISH_RULE must be approved or non-rejected.")
# Larger article files are refused at ingest with a message naming this setting.
TIMELINE_MAX_ARTICLE_BYTES = env_int("TIMELINE_MAX_ARTICLE_BYTES", 5 * 1024 * 1024)
TIMELINE_DEFAULT_TITLE = env_str("TIMELINE_DEFAULT_TITLE", "Meta's 2025 AI pivot")
# Origins whose pages may frame /embed/ (its CSP frame-ancestors); every other page is DENY.
TIMELINE_EMBED_ALLOWED_ORIGINS = env_list("TIMELINE_EMBED_ALLOWED_ORIGINS", default=["*"])

# Background tasks -----------------------------------------------------------------------
# Large uploads and re-reads asked for in the admin run as tasks (django-tasks, the API
# Django 6 adopts). `database` queues them for `manage.py db_worker`; `immediate` runs them
# inside the request, so development (the default with DJANGO_DEBUG=1) needs no worker.
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TIMELINE_TASKS_BACKEND = env_str("TIMELINE_TASKS_BACKEND", "immediate" if DEBUG else "database")
if TIMELINE_TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured("TIMELINE_TASKS_BACKEND must be database or immediate.")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TIMELINE_TASKS_BACKEND]}}
# An admin upload of this many files, or of this many bytes in all, becomes a background job.
TIMELINE_BACKGROUND_THRESHOLD = env_int("TIMELINE_BACKGROUND_THRESHOLD", 20)
TIMELINE_BACKGROUND_THRESHOLD_BYTES = env_int(
    "TIMELINE_BACKGROUND_THRESHOLD_BYTES", 2 * 1024 * 1024
)

# Security -----------------------------------------------------------------------------
# Production (debug off) is https-only by default: the redirect, HSTS and secure cookies.
# A plain-http deployment (a private network, a benchmark) turns them off explicitly.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", default=False)
if not SECURE_HSTS_PRELOAD:
    # Preloading is a promise to browser vendors that takes months to withdraw: a site
    # opts in deliberately, so its absence is not a deployment warning.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
# Behind a TLS-terminating proxy, the header it sets on https requests, as "Name: value"
# (e.g. "X-Forwarded-Proto: https"). Only name a header the proxy always overwrites:
# a client could otherwise claim https itself.
if proxy_header := env_str("DJANGO_SECURE_PROXY_SSL_HEADER", ""):
    name, _, value = proxy_header.partition(":")
    if not value.strip():
        raise ImproperlyConfigured("DJANGO_SECURE_PROXY_SSL_HEADER must look like 'Name: value'.")
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + name.strip().upper().replace("-", "_"), value.strip())

# No inline script anywhere (templates load static files; the chart reads JSON), so
# scripts come only from this site. Plotly and htmx set inline styles, hence style-src;
# Plotly's "Download plot as a PNG" draws through a blob: image, hence img-src blob:.
# /embed/ replaces frame-ancestors with TIMELINE_EMBED_ALLOWED_ORIGINS.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Admin sign-in throttling (django-axes): after LIMIT failed attempts for one username
# from one address, that pair is refused for COOLOFF minutes; a success resets the count.
AXES_FAILURE_LIMIT = env_int("DJANGO_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("DJANGO_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "timeline.views.accounts.sign_in_locked"
# Behind N reverse proxies the reader's address is read from X-Forwarded-For (see
# timeline/client_address.py); 0 ignores the header, which a client can forge.
TIMELINE_TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "timeline.client_address.client_address"
