"""tests/scheduler/calendar"""
