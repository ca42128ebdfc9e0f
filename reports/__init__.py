"""PDF rosters and sheets from scheduler objects (reportlab only here)."""
