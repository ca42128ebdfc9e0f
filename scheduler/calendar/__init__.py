"""Dates and times: recurrence rules and their expansion, the working-day calendar (holidays, make-up workdays), the calendar's window queries and the annual patrol plan."""
