"""Settings for the pledge portal.

One module for every environment: everything deployment-specific comes from the
environment, with defaults that suit a local checkout (SQLite, local media).
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


def env_bool(name: str, default: bool = False) -> bool:
    """A yes/no setting; a value that is neither (a typo such as "ture") stops start-up."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    word = value.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name}={value!r} is not a yes/no value: use one of "
        f"{', '.join(sorted(TRUE_WORDS | FALSE_WORDS))}."
    )


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def env_float(name: str, default: float) -> float:
    value = os.environ.get(name)
    return float(value) if value else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# Demo mode: the README's run command. Creates demo accounts and a development
# certificate; never set it in production.
DEMO_MODE = env_bool("PORTAL_DEMO", False)


def _secret_key() -> str:
    key = env_str("SECRET_KEY")
    key_file = env_str("SECRET_KEY_FILE")
    if not key and key_file and Path(key_file).is_file():
        key = Path(key_file).read_text().strip()
    if key:
        return key
    if DEBUG:
        # A throw-away key for a developer's DEBUG run; sessions end with the process.
        from django.core.management.utils import get_random_secret_key

        return get_random_secret_key()
    raise ImproperlyConfigured("Set SECRET_KEY (or SECRET_KEY_FILE) when DEBUG is off.")


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "simple_history",
    "axes",
    "portal",
    "agreements",
    "pledges",
    "followup",
    "django_tasks",
    "django_tasks_db",
    "notifications",
    "opendata",
    "following",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Early: a NUL or invalid UTF-8 in the path, query or form gets a 400, never a query.
    "portal.middleware.RejectInvalidTextMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Sealed PDFs by hash, like static files: before sessions, users and URL resolution.
    "portal.documents.downloads.DocumentDownloadMiddleware",
    # Public pages from the shared cache, before sessions, users and templates.
    "portal.page_cache.PageCacheMiddleware",
    # Above sessions: it sees the session cookie and Vary header set on the way out.
    "portal.middleware.PrivateCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the path alone (/en/… English, everything else Swedish).
    "portal.languages.PathLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

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
                "portal.context_processors.portal",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Public pages: how long a browser or a CDN in front may keep one (seconds), and how long
# the shared cache keeps an entry that no write has made stale (portal/page_cache.py).
PUBLIC_PAGE_MAX_AGE = env_int("PUBLIC_PAGE_MAX_AGE", 60)
PAGE_CACHE_TIMEOUT = env_int("PAGE_CACHE_TIMEOUT", 3600)
# Off only to measure the pages without it (bench/).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)

CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env_str("CACHE_URL")}
        if env_str("CACHE_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Swedish at the addresses without a prefix, English under /en/ (portal/urls.py). The
# names are each language's own name for itself: the language switch shows them.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska"), ("en", "English")]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", False)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# How long a download's link into S3-compatible storage works (seconds).
PDF_STORAGE_LINK_SECONDS = env_int("PDF_STORAGE_LINK_SECONDS", 300)
# S3-compatible media in production: with several app servers, every one of them must read
# the PDFs that another stored. django-storages reads these AWS_* settings; credentials
# left unset fall back to boto3's own chain (its environment variables, an instance role).
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    # Another provider than AWS (MinIO, Ceph, a cloud's S3 API) or a local test server.
    AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME") or None
    AWS_ACCESS_KEY_ID = env_str("AWS_ACCESS_KEY_ID") or None
    AWS_SECRET_ACCESS_KEY = env_str("AWS_SECRET_ACCESS_KEY") or None
    # "path" for servers addressed by IP or without wildcard DNS; unset lets boto3 choose.
    AWS_S3_ADDRESSING_STYLE = env_str("AWS_S3_ADDRESSING_STYLE") or None
    # Stored PDFs are frozen: a file is never replaced by another of the same name (the
    # storage picks a new name instead, as on disk), and the bucket stays private.
    AWS_S3_FILE_OVERWRITE = False
    AWS_DEFAULT_ACL = None
# Tests and one-off commands may run without collectstatic.
WHITENOISE_USE_FINDERS = env_bool("WHITENOISE_USE_FINDERS", True)

# Security headers. Every page is self-contained: nothing from another origin.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG and not DEMO_MODE)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("SECURE_PROXY_SSL", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    # The portal's own domain, HTTPS everywhere below it too: set false where a subdomain
    # still answers over plain HTTP.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGIN_URL = "login"
# Only coordinators, signatories and editors log in: their start page, unless `next` says.
LOGIN_REDIRECT_URL = "followup:start"
LOGOUT_REDIRECT_URL = "pledges:home"

# Login and signing-password guessing: django-axes locks a username from a client address
# after repeated failures.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours: a locked login opens again after 15 minutes
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
# Reverse proxies in front of the portal that append the client's address to
# X-Forwarded-For (README, "Production"). 0: the header is ignored, REMOTE_ADDR is the
# client. Lockouts and rate limits count per client address (portal/clients.py).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be 0 or a positive number of proxies.")
# Our own reader rather than django-ipware's (not installed): it reads TRUSTED_PROXY_COUNT
# per request and takes the entry our outermost proxy wrote, never one the client sent.
AXES_CLIENT_IP_CALLABLE = "portal.clients.forwarded_client_ip"

# A password reset link works once, for a day.
PASSWORD_RESET_TIMEOUT = 24 * 60 * 60

# E-mail: the console in the demo (messages appear in the terminal), SMTP otherwise.
# Tests use Django's locmem backend (pytest-django sets it), read through mail.outbox.
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEMO_MODE
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Medborgarlöften <noreply@localhost>")

# Background tasks (mail): django-tasks, the interface Django itself adopts (django.tasks in
# Django 6), with its database backend: the queue lives in the database we already run
# (SQLite or PostgreSQL), and `manage.py db_worker` works it off. The demo runs each task at
# once in the request (ImmediateBackend), so that mail prints in `make run`'s terminal
# without a second process. Tests use the immediate backend too (tests/conftest.py).
TASKS = {
    "default": {
        "BACKEND": env_str(
            "TASKS_BACKEND",
            "django_tasks.backends.immediate.ImmediateBackend"
            if DEMO_MODE
            else "django_tasks_db.DatabaseBackend",
        ),
    }
}

# LOG_FORMAT=json in production: one JSON object per line (portal/logging.py) for the log
# collector; "text" (the default) for the demo, tests and a terminal.
LOG_FORMAT = env_str("LOG_FORMAT", "text").strip().lower() or "text"
if LOG_FORMAT not in {"text", "json"}:
    raise ImproperlyConfigured(f"LOG_FORMAT={LOG_FORMAT!r}: use text or json.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"},
        "json": {"()": "portal.logging.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Documents and seals
# Issued PDFs are sealed with the portal's organisational certificate (PKCS#12). In
# production set PORTAL_SEAL_PKCS12 and PORTAL_SEAL_PASSPHRASE (or _PASSPHRASE_FILE); the
# demo uses the development certificate that `manage.py create_dev_certificate` writes.
PORTAL_DEV_SEAL_PKCS12 = VAR_DIR / "certs" / "dev-seal.p12"
PORTAL_DEV_SEAL_PASSPHRASE_FILE = VAR_DIR / "certs" / "dev-seal.passphrase"
PORTAL_SEAL_PKCS12 = env_str("PORTAL_SEAL_PKCS12", str(PORTAL_DEV_SEAL_PKCS12) if DEMO_MODE else "")
PORTAL_SEAL_PASSPHRASE = env_str("PORTAL_SEAL_PASSPHRASE")
PORTAL_SEAL_PASSPHRASE_FILE = env_str(
    "PORTAL_SEAL_PASSPHRASE_FILE", str(PORTAL_DEV_SEAL_PASSPHRASE_FILE) if DEMO_MODE else ""
)
# Largest PDF accepted by the verification page and the scanned-original upload.
PORTAL_DOCUMENT_MAX_UPLOAD_BYTES = env_int("PORTAL_DOCUMENT_MAX_UPLOAD_BYTES", 20 * 1024 * 1024)
# The verification page (/kontrollera/) checks a seal in a worker process, killed after this
# many seconds, and takes at most this many checks per client address and minute.
VERIFY_TIME_LIMIT_SECONDS = env_float("VERIFY_TIME_LIMIT_SECONDS", 5.0)
VERIFY_CHECKS_PER_MINUTE = env_int("VERIFY_CHECKS_PER_MINUTE", 10)
# Models an editor may attach a scanned original to, as "app_label.model".
PORTAL_DOCUMENT_MODELS = ["pledges.pledge", "agreements.agreement"]
