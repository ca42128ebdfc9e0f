"""tests/scheduler/office"""
