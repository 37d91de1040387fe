"""Stage 1, inputs: the frame contracts (column names), their checks, and small shared helpers."""
