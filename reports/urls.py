from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("plan/<int:plan_pk>/new/", views.report_create, name="create"),
    path("plan/<int:plan_pk>/changes/", views.version_changes, name="changes"),
    path("<int:pk>/status/", views.report_status, name="status"),
    path("<int:pk>/retry/", views.report_retry, name="retry"),
    path("<int:pk>/download/", views.report_download, name="download"),
]
