"""The office's daily screens: the requests inbox, recording at the venue, field packages, notices, statistics, time bank, week in review and forecast."""
