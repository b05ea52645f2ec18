"""Pure-Python extraction: article text -> passages -> time mentions -> events.

Nothing in this package imports Django, so it can be tested and benchmarked alone.
The Django side (`timeline.services`) stores what `pipeline.extract_timeline` returns.
"""
