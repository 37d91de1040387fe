"""Stage 4, comparison: the comparators (national benchmarks, other areas, the previous round),
which test each comparison needs, and the tiers the tests give."""
