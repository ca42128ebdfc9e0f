"""tests/ui/conflicts"""
