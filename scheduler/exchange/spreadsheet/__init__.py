"""Spreadsheets in: staff, departments or partners from what a hospital's HR system exports, and
service requests from an online form's export (问卷星, 金数据, WeChat forms) (.xlsx, or CSV in
UTF-8 with or without BOM, or GBK). A sheet is read (workbook, guards, csvfile), its header row
found and each column guessed to be a field from its header (headers, columns), and each row made
a record with its problems (records, service_requests). Duty-roster grids are read by
scheduler.exchange.duty. What a developer needs from outside is in docs/sheets.md."""
