from allauth.account import views as account_views
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import include, path
from django.utils.http import url_has_allowed_host_and_scheme

from config.views import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    # Signing in and out is allauth's (with two-factor sign-in and rate limits), under the names
    # "login" and "logout" that LOGIN_URL and the templates use.
    path("accounts/login/", account_views.login, name="login"),
    path("accounts/logout/", account_views.logout, name="logout"),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("reports/", include("reports.urls")),
    path("", include("signoff.urls")),
    path("", include("teams.urls")),
    path("", include("planner.urls")),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)


# --- Error pages (templates/400.html, 403.html, 404.html, 500.html) ----------------------------
# 400, 403 and 404 are Django's own handlers with our templates.


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page, rendered without a request context: no context processor, no session and no
    query, so it shows while the database is down. Its "Back" link returns to the page the user came
    from, where the browser still holds what they typed."""
    back_url = request.META.get("HTTP_REFERER", "")
    try:
        same_site = url_has_allowed_host_and_scheme(back_url, {request.get_host()}, request.is_secure())
    except DisallowedHost:  # a page about an error must not fail on the Host header
        same_site = False
    return HttpResponseServerError(loader.get_template("500.html").render({"back_url": back_url if same_site else ""}))


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent with an outdated CSRF token (logged out meanwhile, an old tab): the app's 403 page
    says so, in the user's language (settings.CSRF_FAILURE_VIEW)."""
    return render(request, "403.html", {"csrf_failure": True}, status=403)


handler500 = "config.urls.server_error"
