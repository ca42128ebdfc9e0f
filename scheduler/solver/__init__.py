"""scheduler/solver"""
