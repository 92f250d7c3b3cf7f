from django.urls import path

from . import views

app_name = "planner"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("plans/new/", views.plan_create, name="plan_create"),
    path("plans/new/from-template/", views.plan_create_from_template, name="plan_from_template"),
    path("plans/import/", views.plan_import, name="plan_import"),
    path("plans/<int:pk>/", views.plan_detail, name="plan"),
    path("plans/<int:pk>/export/", views.plan_export, name="plan_export"),
    path("plans/<int:pk>/history/", views.plan_history_page, name="plan_history"),
    path("plans/<int:pk>/duplicate/", views.plan_duplicate, name="plan_duplicate"),
    path("plans/<int:pk>/archive/", views.plan_archive, name="plan_archive"),
    path("plans/<int:pk>/steps/<slug:step>/", views.wizard_step, name="step"),
    path("plans/<int:pk>/steps/<slug:step>/discard/", views.step_draft_discard, name="step_discard"),
    path("plans/<int:pk>/steps/<slug:step>/draft/", views.step_draft_autosave, name="step_autosave"),
    path("plans/<int:pk>/steps/<slug:step>/row/", views.step_row, name="step_row"),
]
