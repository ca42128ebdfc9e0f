"""scheduler/conflicts"""
