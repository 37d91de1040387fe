"""Report building: statistics, disclosure control and rendering over pandas; no Flask, no ORM."""
