"""tests/ui/office"""
