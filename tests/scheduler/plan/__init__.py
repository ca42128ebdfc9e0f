"""tests/scheduler/plan"""
