"""Stage 5, disclosure control: what may be shown, and the markers on what may not."""
