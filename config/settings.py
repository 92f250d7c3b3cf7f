"""One settings module, read from the environment (see .env.example)."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), not {value!r}")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}") from exc


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-used-with-debug"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",  # allauth's MFA templates use it
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "csp",
    "import_export",
    "checklists",
    "planner",
    "reports",
    "signoff",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=envint("DB_CONN_MAX_AGE", 0))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable database host fails a request (or the worker's bookkeeping) in seconds, not minutes.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = envint("DB_CONNECT_TIMEOUT", 5)
if os.environ.get("TEST_DATABASE_NAME"):
    # Lets parallel test runs on one server use separate throwaway databases.
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Accounts, e-mail, two-factor sign-in, single sign-on, history (teams/, docs/deploy.md) ---------
# django-allauth: sign-up with a verified e-mail address, password reset, rate limits, TOTP with
# recovery codes and passkeys (WebAuthn), OIDC and SAML from the environment. django-auditlog: the
# history of plans, memberships and roles. The teams app: organizations, invitations, members.
INSTALLED_APPS += [
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "auditlog",
    "teams",
]
MIDDLEWARE += [
    "allauth.account.middleware.AccountMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    # The organization a user works in; two-factor sign-in where an organization requires it.
    "teams.middleware.OrganizationMiddleware",
]
TEMPLATES[0]["OPTIONS"]["context_processors"].append("teams.context_processors.organizations")
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "planner:dashboard"
LOGOUT_REDIRECT_URL = "login"

ACCOUNT_ADAPTER = "teams.adapter.AccountAdapter"
ACCOUNT_FORMS = {"login": "teams.forms.LoginForm"}
ACCOUNT_LOGIN_METHODS = {"email", "username"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False  # a mail scanner that follows links confirms nothing
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = None  # "stay signed in" is the user's choice
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Strategieplaner] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
# Sign-in throttling, by time: five failed attempts for one login in five minutes, or ten from one
# address in a minute, pause further attempts until the window has passed; a real user is never
# locked out for good. Counted in the cache, which must be shared by every web process (CACHE_URL).
ACCOUNT_RATE_LIMITS = {
    "login_failed": os.environ.get("LOGIN_RATE_LIMIT", "10/m/ip,5/5m/key"),
}
# The client's address (sign-in throttling, the log of a share link's uses): behind this many proxies
# that append to X-Forwarded-For (nginx in docs/deploy.md: 1), the address they saw; else the
# connection's, which behind a proxy is the proxy's.
ALLAUTH_TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 0)

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
# Passkeys are a second factor; signing in with a passkey alone would put allauth's JSON data island
# (<script type="application/json">) on the login page, which our no-inline-script rule refuses.
MFA_PASSKEY_LOGIN_ENABLED = False
MFA_TOTP_ISSUER = os.environ.get("MFA_TOTP_ISSUER", "Strategieplaner")
# Browsers allow WebAuthn on http://localhost only; bin/start runs there.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG

# Single sign-on from the environment (docs/deploy.md, "Single sign-on"): one OpenID Connect
# provider and one SAML identity provider at most, each shown on the login page when configured.
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True  # the company's identity provider vouches for the address
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_PROVIDERS: dict[str, dict] = {}
if os.environ.get("OIDC_CLIENT_ID"):
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "OAUTH_PKCE_ENABLED": True,
        "VERIFIED_EMAIL": True,
        "APPS": [
            {
                "provider_id": os.environ.get("OIDC_PROVIDER_ID", "sso"),
                "name": os.environ.get("OIDC_NAME", "Single sign-on"),
                "client_id": os.environ["OIDC_CLIENT_ID"],
                "secret": os.environ.get("OIDC_CLIENT_SECRET", ""),
                "settings": {"server_url": os.environ.get("OIDC_SERVER_URL", ""), "fetch_userinfo": True},
            }
        ],
    }
if os.environ.get("SAML_IDP_ENTITY_ID"):
    _saml_idp = {"entity_id": os.environ["SAML_IDP_ENTITY_ID"]}
    if os.environ.get("SAML_IDP_METADATA_URL"):
        _saml_idp["metadata_url"] = os.environ["SAML_IDP_METADATA_URL"]
    else:
        _saml_idp["sso_url"] = os.environ.get("SAML_IDP_SSO_URL", "")
        _saml_idp["x509cert"] = os.environ.get("SAML_IDP_X509CERT", "")
    SOCIALACCOUNT_PROVIDERS["saml"] = {
        "VERIFIED_EMAIL": True,
        "APPS": [
            {
                "client_id": os.environ.get("SAML_SLUG", "company"),
                "name": os.environ.get("SAML_NAME", "SAML single sign-on"),
                "settings": {
                    "idp": _saml_idp,
                    "attribute_mapping": {
                        "uid": os.environ.get("SAML_ATTRIBUTE_UID", "uid"),
                        "email": os.environ.get("SAML_ATTRIBUTE_EMAIL", "email"),
                        "first_name": os.environ.get("SAML_ATTRIBUTE_FIRST_NAME", "first_name"),
                        "last_name": os.environ.get("SAML_ATTRIBUTE_LAST_NAME", "last_name"),
                    },
                },
            }
        ],
    }

# The single sign-on apps (and their URLs, /accounts/oidc/ and /accounts/saml/) only where configured;
# `manage.py migrate` creates their tables when they are first switched on.
if SOCIALACCOUNT_PROVIDERS:
    INSTALLED_APPS += ["allauth.socialaccount"]
    INSTALLED_APPS += [f"allauth.socialaccount.providers.{provider}" for provider in SOCIALACCOUNT_PROVIDERS]

# E-mail through Django's e-mail framework: SMTP from the environment in production; bin/start
# writes each message to a file in var/mail; the tests read Django's in-memory outbox.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Strategieplaner <planner@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The cache holds the sign-in rate limits: one Redis for every web process in production
# (CACHE_URL, e.g. redis://redis.internal:6379/1), this process's memory otherwise.
if os.environ.get("CACHE_URL"):
    _redis_cache = "django.core.cache.backends.redis.RedisCache"
    CACHES = {"default": {"BACKEND": _redis_cache, "LOCATION": os.environ["CACHE_URL"]}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Invitations: how long a link is valid.
INVITATION_VALID_DAYS = envint("INVITATION_VALID_DAYS", 7)
# Organization logos: at most this many bytes (PNG or JPEG), shown on the report cover.
ORGANIZATION_LOGO_MAX_BYTES = envint("ORGANIZATION_LOGO_MAX_BYTES", 1_000_000)

LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "de")
LANGUAGES = [("de", _("German")), ("en", _("English"))]
MODELTRANSLATION_DEFAULT_LANGUAGE = "de"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("de", "en")
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Berlin")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))

# Report files go through the storage API: the local disk by default, S3-compatible
# object storage (django-storages) when AWS_STORAGE_BUCKET_NAME is set.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    _report_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    _report_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _report_storage,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Celery: Redis as broker and result backend.
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_QUEUE", "planner")
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# The worker's own limits: messages carry none, so the worker's environment decides.
REPORT_SOFT_TIME_LIMIT = envint("REPORT_SOFT_TIME_LIMIT", 120)
# A full report is laid out in two processes at once where the machine has two CPUs (reports/parts.py).
REPORT_RENDER_IN_PARTS = envbool("REPORT_RENDER_IN_PARTS", True)
REPORT_HARD_TIME_LIMIT = envint("REPORT_HARD_TIME_LIMIT", 150)
if not 0 <= REPORT_SOFT_TIME_LIMIT < REPORT_HARD_TIME_LIMIT:
    # Celery starts the hard limit's clock when the soft one runs out, and refuses to send a task
    # whose soft limit exceeds its hard one.
    raise ImproperlyConfigured("REPORT_SOFT_TIME_LIMIT must be below REPORT_HARD_TIME_LIMIT (0 turns it off)")
# The visibility timeout must exceed the hard limit, or a long render is delivered twice.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": REPORT_HARD_TIME_LIMIT + 150}
REPORT_STALE_QUEUED_SECONDS = envint("REPORT_STALE_QUEUED_SECONDS", 180)
REPORT_MAX_DELIVERIES = envint("REPORT_MAX_DELIVERIES", 3)
# Beat's sweep: lost messages are queued again, renders past the hard limit are failed (when
# the worker could not record why: docs/deploy.md, "Why nothing is lost").
REPORT_SWEEP_SECONDS = envint("REPORT_SWEEP_SECONDS", 30)
# A report queued longer than this says "waiting for a worker".
REPORT_WAITING_SECONDS = envint("REPORT_WAITING_SECONDS", 10)
# Reports one person may have queued or rendering at once.
REPORT_MAX_PENDING_PER_USER = envint("REPORT_MAX_PENDING_PER_USER", 4)
CELERY_BEAT_SCHEDULE = {
    "sweep-reports": {
        "task": "reports.tasks.sweep_reports",
        "schedule": float(REPORT_SWEEP_SECONDS),
    },
}
# Sign-off (docs/signoff.md): the owners of plans whose review is due get an e-mail, once per due date;
# its link points at SITE_URL, the address people open the planner at.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
REVIEW_REMINDER_SECONDS = envint("REVIEW_REMINDER_SECONDS", 3600)
CELERY_BEAT_SCHEDULE["review-reminders"] = {
    "task": "signoff.tasks.send_review_reminders",
    "schedule": float(REVIEW_REMINDER_SECONDS),
}

# --- Security headers (docs/deploy.md, "Security headers: HSTS and CSP") -------------------
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if not DEBUG:
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
    # A load balancer probes /healthz over plain HTTP on the internal network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz/?$"]
    SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", True)
    # HSTS: a browser that saw the header refuses plain HTTP for this many seconds. Off unless set,
    # because it cannot be taken back: start with 3600, then a year (31536000), see .env.example.
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (django-csp): scripts only from our own static files, never inline and
# never eval'd (htmx is configured for that in base.html's htmx-config); <style> elements only from
# our files, style="" attributes allowed (progress bars); no plugins, frames, <base> or foreign forms.
# The middleware skips the header on DEBUG's own 404 and 500 pages only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-elem": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],  # Bootstrap draws form controls' icons as data: SVGs
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# A form posted with an outdated CSRF token (an expired session) gets the app's 403 page.
CSRF_FAILURE_VIEW = "config.urls.csrf_failure"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
