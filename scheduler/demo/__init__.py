"""scheduler/demo"""
