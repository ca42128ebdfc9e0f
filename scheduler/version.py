"""The app's version, said once: setup.cfg reads it (attr:), `main.py --version` and Help ▸ About show it."""

VERSION = "0.1.0"
