"""The conflicts panel and the watch that keeps the plan's conflicts up to date beside the window."""
