"""Services: the typed, keyword-only functions that write several models at once.

Views, admin actions and management commands call these; none of them writes events or
evidence by hand.
"""
