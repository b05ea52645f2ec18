"""URLs of the site: the public timeline pages, the JSON API and the admin."""

from django.contrib import admin
from django.urls import include, path

from timeline.views import api, pages

site_patterns = [
    path("", pages.timeline_page, name="home"),
    path("t/<slug:slug>/", pages.timeline_page, name="timeline"),
    path("events/<int:pk>/", pages.event_detail, name="event-detail"),
    path("articles/<int:pk>/", pages.article_detail, name="article-detail"),
    path("api/events.json", api.events_json, name="events-json"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include((site_patterns, "timeline"))),
]
