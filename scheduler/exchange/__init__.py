"""Files from and to the outside: the plan file, spreadsheets (HR exports, form platforms), duty rosters and their shift codes, field packages."""
