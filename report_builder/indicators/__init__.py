"""Stage 2, indicators: each indicator's numerator and base per LA, round and age band."""
