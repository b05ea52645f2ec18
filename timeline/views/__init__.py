"""Views, split by audience: public pages, the JSON API."""
