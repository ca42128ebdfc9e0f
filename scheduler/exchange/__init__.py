"""scheduler/exchange"""
