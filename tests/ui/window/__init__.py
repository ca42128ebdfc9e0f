"""tests/ui/window"""
