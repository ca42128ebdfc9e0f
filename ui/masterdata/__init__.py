"""The master-data screens: the catalog the screens show, each section's table and add / edit dialog, a record's history, the hospital's settings."""
