"""tests/scheduler/solver"""
