"""The faces on printed questionnaires, drawn by ReportLab from the same SVG files as the web."""

from __future__ import annotations

import io

from reportlab.platypus import SimpleDocTemplate

from survey_app.services import paper_faces
from survey_app.services.paper_faces import Circle, Face


def test_a_circle_without_a_fill_is_drawn_as_an_outline(monkeypatch):
    ring = Circle(x=50, y=50, r=40, fill="none", stroke_width=2)
    monkeypatch.setattr(paper_faces, "face_shapes", lambda image: ((ring,), ()))
    pdf = io.BytesIO()
    SimpleDocTemplate(pdf).build([Face("ring.svg", 40)])
    assert pdf.getvalue().startswith(b"%PDF")
