"""scheduler/plan"""
