"""ui/calendar"""
