"""ui/office"""
