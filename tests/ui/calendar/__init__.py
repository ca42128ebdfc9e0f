"""tests/ui/calendar"""
