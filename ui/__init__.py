"""The PySide6 GUI: windows, models, dialogs and undo. The only place Qt is imported."""
