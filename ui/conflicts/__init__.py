"""ui/conflicts"""
