"""The plan file (docs/plan-file.md): reading a document into a Plan with every problem listed,
and writing a Plan back into a document.

Every file is hostile until read: `guard.load_json` refuses what JSON allows but a plan cannot
hold (duplicate keys in one object, NUL characters, lone surrogates, NaN and Infinity, numbers
of absurd size, nesting deeper than MAX_DEPTH), naming each place, before anything else looks
at the document. Ids are trimmed and NFC-normalised where they are read and where they are
referred to, and two ids of one section equal after that are a problem. Dates and times lie
between validation.EARLIEST_DATE and LATEST_DATE; numbers have the maxima of validation.py.

The rooms: problems (Problem, PlanError), guard (the hostile-JSON guard), reader (the
primitives reading one value), sections (the readers of the flat sections, derived from
scheduler/plan/fields.py), activities and records (their nested parts read by hand),
references (what ids refer to), document (parse_document, parse_plan), writer."""
