__all__ = ("LOUD",)
LOUD = "LOUD"
QUIET = "quiet"
