"""tests/ui/exchange"""
