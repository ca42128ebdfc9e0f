"""ui/masterdata"""
