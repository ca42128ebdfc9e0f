"""tests/ui/assign"""
