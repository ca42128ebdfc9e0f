"""tests/scheduler/conflicts"""
