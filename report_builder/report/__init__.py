"""Stage 6, report: the report model, its words in English and Welsh, and ``build_report``,
the one entry point that runs every stage in order."""
