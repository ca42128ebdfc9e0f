"""Every conflict kind of the office's rules, found for the whole plan or only what an edit touched, and who could fill a place (candidates, matching)."""
