"""The main window's frame: starting the app, the window and its screens, menus (File, Settings, Help), roles on the office server."""
