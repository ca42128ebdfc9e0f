"""Automatic assignment: the problem built from a plan, the CP-SAT formulation in stages, and the proposal a planner accepts."""
