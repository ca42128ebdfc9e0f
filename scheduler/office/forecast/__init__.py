"""The capacity forecast (its modules: figures, demand, supply, at_once, fixes, year, as_json;
docs/review-forecast.md says what it prints): for every qualification pool and month of a year, the hours the plan
needs against the hours the pool can give; the months and pools short; the lower bound on the most
hours one person must give in a month; and what would close each gap (visits moved within their
pairing's year to months with room, computed with CP-SAT, or the people of that pool needed).

Readings:
- A pool is the people who can meet a kind of need: (department, qualification) as the need names
  them (a station's department on turn standing for a need's missing department). The pools are
  checked one by one, each with every need only its people can meet (a pool of a qualification
  carries its needs of every department), so a month a pool is short in is a month no assignment
  fills (Hall's condition): places of that pool stay open.
- Demand: the occurrences planned in the year (not called off), each station's needs × its hours;
  plus, for each pairing, the visits its yearly target (pro rata to the days it runs in the year)
  still lacks beyond those planned, spread evenly over its months still to come, each visit
  needing what the pairing's past visits needed on average (its activities' stations and needs
  before the year; else those planned in it; else DEFAULT_VISIT).
- Supply: each active person gives at most their monthly cap (DEFAULT_CAP where none is set),
  and never more than the hours of the month they are not unavailable (the duty rosters' leave,
  duty, rest); in clinical time of working days (the official calendar) only the people of
  departments with more people than their minimum cover. Each is a bound no assignment can
  pass, so that a month flagged short is one no assignment fills; what the rosters say about a
  given moment is read by the check "at once" below.
- At once: for the occurrences already planned, the moment a pool's places outnumber its people
  free then (not unavailable; in clinical time of a working day, no more of a department than it
  keeps above its minimum cover) makes its month short too, whatever the hours: no assignment
  seats more people at one moment than are free (the visits not yet planned have no time yet).
- The bound: a pool's hours in a month shared equally among its people who can give any: the
  most one of them must give; the year's bound is the largest.
- Fixes: the visits not yet planned may move to other months of the pairing's year (those still
  to come while it runs); CP-SAT finds the spread with the fewest hours short, then the fewest
  visits moved. What is still short after that needs people: the hours over what one person of
  the pool gives in a month, rounded up."""
