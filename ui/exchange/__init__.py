"""ui/exchange"""
