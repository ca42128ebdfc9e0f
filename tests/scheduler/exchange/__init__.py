"""tests/scheduler/exchange"""
