"""Checks of the content staff edit (answers, training examples, held-out sets, dues
schedules), so a change to a data file is caught before it reaches visitors."""
