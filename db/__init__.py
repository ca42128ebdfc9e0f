"""The SQLite store: schema, migrations, operations, and rows to scheduler objects."""
