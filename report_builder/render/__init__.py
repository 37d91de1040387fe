"""Renderers: a ``Report`` in, bytes (or SVG text) out. Nothing here decides what to show;
``build_report`` has already applied disclosure control, and these only lay it out."""
