"""PDF rosters and sheets from scheduler objects (reportlab only here)."""


class ReportError(Exception):
    """A document cannot be made from this plan as it is; the message says why, in one line."""
