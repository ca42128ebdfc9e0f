"""tests/scheduler/demo"""
