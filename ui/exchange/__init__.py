"""Files in and out from the window: plan files, spreadsheet import, printing and PDF preview, backups, a rejected file's problems."""
