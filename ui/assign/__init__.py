"""ui/assign"""
