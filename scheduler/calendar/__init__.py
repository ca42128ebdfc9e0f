"""scheduler/calendar"""
