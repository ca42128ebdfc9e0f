"""tests/ui/masterdata"""
