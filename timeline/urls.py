"""URLs of the site: the public timeline pages, the JSON API and the admin."""

from django.contrib import admin
from django.urls import include, path

from timeline import views

site_patterns = [
    path("", views.timeline_page, name="home"),
    path("t/<slug:slug>/", views.timeline_page, name="timeline"),
    path("events/<int:pk>/", views.event_detail, name="event-detail"),
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
    path("api/events.json", views.events_json, name="events-json"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include((site_patterns, "timeline"))),
]
