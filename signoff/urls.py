from django.urls import path

from . import views

app_name = "signoff"

urlpatterns = [
    path("plans/<int:pk>/review/", views.review_page, name="review"),
    path("plans/<int:pk>/review/request/", views.review_request, name="review_request"),
    path("plans/<int:pk>/review/<int:request_pk>/decide/", views.decide, name="decide"),
    path("plans/<int:pk>/comments/new/", views.comment_create, name="comment_create"),
    path("comments/<int:pk>/answer/", views.comment_answer, name="comment_answer"),
    path("comments/<int:pk>/resolve/", views.comment_resolve, name="comment_resolve"),
    path("plans/<int:pk>/share/", views.share_links, name="share_links"),
    path("plans/<int:pk>/share/new/", views.share_create, name="share_create"),
    path("share-links/<int:pk>/revoke/", views.share_revoke, name="share_revoke"),
    path("share/<str:token>/", views.shared, name="shared"),
    path("share/<str:token>/pdf/", views.shared_pdf, name="shared_pdf"),
    path("plans/<int:pk>/progress/", views.progress, name="progress"),
    path("plans/<int:pk>/kpis/<int:kpi_pk>/checkins/", views.checkin_create, name="checkin_create"),
    path("plans/<int:pk>/reviews/new/", views.review_hold, name="review_hold"),
    path("plans/<int:pk>/calendar.ics", views.calendar_download, name="calendar_download"),
    path("plans/<int:pk>/calendar/address/", views.calendar_feed_create, name="calendar_feed_create"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
]
