from django.urls import path

from . import views

app_name = "planner"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("plans/new/", views.plan_create, name="plan_create"),
    path("plans/<int:pk>/", views.plan_detail, name="plan"),
    path("plans/<int:pk>/steps/<slug:step>/", views.wizard_step, name="step"),
    path("plans/<int:pk>/steps/<slug:step>/discard/", views.step_draft_discard, name="step_discard"),
]
