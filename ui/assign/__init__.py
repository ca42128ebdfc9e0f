"""Assigning people: the candidate list for one place and auto-assign from the calendar."""
