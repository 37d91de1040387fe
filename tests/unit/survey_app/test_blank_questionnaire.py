"""The printed questionnaire writes routing out in words and draws its faces as vectors."""

from __future__ import annotations

import pytest

from questionnaires import load_catalogue
from survey_app.services.paper_faces import face_shapes
from survey_app.services.paper_questionnaire import PaperWording, blank_questionnaire_pdf
from tests.support.pdfs import image_count, pdf_text, shows

CATALOGUE = load_catalogue()
WORDING = PaperWording(
    language="en",
    authority="Bro Ŵyŷ Council <b>",
    round_name="Spring 2027 & beyond",
    age_group="Children in care aged 11 to 17",
    hand_back="Please hand this back by 31 March 2027.",
    code_batch="Code batch:",
    reference="Office use: reference",
    instructions="Tick one box for each question.",
    tick_all="Tick all that are true.",
    write_here="Write your answer in the box.",
    go_to="If you answered %(answers)s, go to question %(number)s.",
    go_to_end="If you answered %(answers)s, you have finished.",
    only_if="Answer this only if you answered %(answers)s to question %(number)s.",
    or_word="or",
    page="Page %(page)s",
    thanks="Thank you.",
)


def test_routing_is_written_both_after_the_question_and_on_its_follow_ups() -> None:
    text = pdf_text(blank_questionnaire_pdf(CATALOGUE.get("cic-11-17@v1"), WORDING))

    assert shows("If you answered “No” or “I don't know”, go to question 9.", text)
    assert shows("Answer this only if you answered “Yes” to question 5.", text)


def test_names_typed_by_staff_print_as_typed() -> None:
    text = pdf_text(blank_questionnaire_pdf(CATALOGUE.get("cic-8-10@v1"), WORDING))

    assert shows("Bro Ŵyŷ Council <b> · Spring 2027 & beyond", text)
    assert shows("Please hand this back by 31 March 2027.", text)


def test_faces_are_drawn_as_shapes_not_embedded_images() -> None:
    pdf = blank_questionnaire_pdf(CATALOGUE.get("cic-4-7@v1"), WORDING)

    assert image_count(pdf) == 0
    assert shows("Very sad", pdf_text(pdf))


@pytest.mark.parametrize("image", ["very-sad.svg", "sad.svg", "in-between.svg", "happy.svg"])
def test_each_face_file_gives_a_face_two_eyes_and_a_mouth(image: str) -> None:
    circles, mouths = face_shapes(image)

    assert len(circles) == 3
    assert circles[0].fill.startswith("#")
    assert [step[0] for step in mouths[0].steps][0] == "M"
