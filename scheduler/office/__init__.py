"""scheduler/office"""
