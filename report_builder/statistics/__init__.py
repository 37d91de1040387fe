"""Stage 3, statistics: percentages, confidence intervals, significance tests and the
Benjamini-Hochberg adjustment, computed for many comparisons at once."""
