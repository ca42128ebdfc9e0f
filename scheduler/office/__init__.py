"""The office's own work and figures: service requests (点单), recording, own-branch leads, statistics, the week in review and the capacity forecast."""
