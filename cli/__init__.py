"""The command line: one function per sub-command, called by main.py."""
