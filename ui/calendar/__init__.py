"""The calendar: month, week and agenda views, the details beside them, the planner's edits, the activity editor, rotations, the patrol plan, the official holidays."""
