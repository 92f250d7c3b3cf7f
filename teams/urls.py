from django.urls import path

from . import views

app_name = "teams"

urlpatterns = [
    path("organizations/new/", views.organization_create, name="organization_create"),
    path("organizations/switch/", views.organization_switch, name="switch"),
    path("organizations/<int:pk>/settings/", views.organization_settings, name="settings"),
    path("organizations/<int:pk>/members/", views.members, name="members"),
    path("organizations/<int:pk>/invitations/", views.invitation_create, name="invite"),
    path("organizations/<int:pk>/export/", views.organization_export, name="export"),
    path("organizations/<int:pk>/delete/", views.organization_delete, name="delete"),
    path("invitations/<int:pk>/revoke/", views.invitation_revoke, name="invitation_revoke"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("invitations/<str:token>/accept/", views.invitation_accept, name="invitation_accept"),
    path("memberships/<int:pk>/role/", views.membership_role, name="membership_role"),
    path("memberships/<int:pk>/remove/", views.membership_remove, name="membership_remove"),
]
