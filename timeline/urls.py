"""URLs of the site: the public timeline pages, the JSON API and the admin."""

from django.contrib import admin
from django.urls import include, path

from timeline.views import api, embed, exports, pages

site_patterns = [
    path("", pages.timeline_page, name="home"),
    path("t/<slug:slug>/", pages.timeline_page, name="timeline"),
    path("events/<int:pk>/", pages.event_detail, name="event-detail"),
    path("articles/<int:pk>/", pages.article_detail, name="article-detail"),
    path("api/events.json", api.events_json, name="events-json"),
    path("embed/", embed.embed, name="embed"),
    path("oembed", embed.oembed, name="oembed"),
    path("export/events.json", exports.export_events, {"fmt": "json"}, name="export-json"),
    path("export/events.csv", exports.export_events, {"fmt": "csv"}, name="export-csv"),
    path("export/events.ics", exports.export_events, {"fmt": "ics"}, name="export-ics"),
    path(
        "export/timelinejs.json",
        exports.export_events,
        {"fmt": "timelinejs"},
        name="export-timelinejs",
    ),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include((site_patterns, "timeline"))),
]
