"""Duty rosters in: a department's duty grid (排班表 / 值班表) read into unavailability. grid reads
one sheet (read_duty_grid) or a workbook's sheets; layout finds the headers, dates places their
days, legend reads the codes a roster states, people finds each row's person, shifts turns
cells into unavailability, merge brings a roster into what is held; codes are the office's shift
codes; roster holds what a read gives. docs/duty-rosters.md says it for the office."""
