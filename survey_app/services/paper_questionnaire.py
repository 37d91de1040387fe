"""The printable blank questionnaire: one A4 PDF per instrument version and language.

Questions are numbered as on the entry form (``paper_layout``), each with a tick box per answer
and the answer's words, faces drawn beside the words where the question uses faces, and routing
written out ("If you answered “No”, go to question 9"). The first page names the local
authority, the round and the age group, says when to hand it back, and leaves a line for the code
batch, so a returned copy can be traced to the batch it was given out with (never to a child).

Wording comes from the questionnaire file; the copy's own words (``PaperWording``) come from the
caller, already in the copy's language. Names typed by staff are escaped (``escape_markup``).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from questionnaires import InstrumentVersion, Item, LocalisedText
from report_builder.render.fonts import sans_fonts
from report_builder.render.untrusted_text import escape_markup
from survey_app.services.paper_faces import Face
from survey_app.services.paper_layout import (
    go_to_route,
    item_text,
    joined,
    only_if_routes,
    option_label,
    question_numbers,
)

MARGIN = 16 * mm
NUMBER_WIDTH = 10 * mm
BOX = 4.5 * mm
GREY = HexColor("#505a5f")
BODY = A4[0] - 2 * MARGIN - NUMBER_WIDTH


@dataclass(frozen=True)
class PaperWording:
    """The copy's own words in its language. Routing templates take ``%(answers)s`` and
    ``%(number)s``; ``page`` takes ``%(page)s``."""

    language: str
    authority: str
    round_name: str
    age_group: str
    hand_back: str
    code_batch: str
    reference: str
    instructions: str
    tick_all: str
    write_here: str
    go_to: str
    go_to_end: str
    only_if: str
    or_word: str
    page: str
    thanks: str


@dataclass(frozen=True)
class _Styles:
    title: ParagraphStyle
    body: ParagraphStyle
    question: ParagraphStyle
    note: ParagraphStyle
    route: ParagraphStyle
    number: ParagraphStyle
    option: ParagraphStyle


def _styles() -> _Styles:
    regular, bold = sans_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=10.5, leading=14)
    return _Styles(
        title=ParagraphStyle("title", body, fontName=bold, fontSize=18, leading=23),
        body=body,
        question=ParagraphStyle("question", body, fontName=bold, fontSize=11, leading=14.5),
        note=ParagraphStyle("note", body, fontSize=9.5, leading=12.5, textColor=GREY),
        route=ParagraphStyle("route", body, fontName=bold, fontSize=10, leading=13),
        number=ParagraphStyle("number", body, fontName=bold, fontSize=11, leading=14.5),
        option=ParagraphStyle("option", body, fontSize=10, leading=12.5),
    )


class TickBox(Flowable):
    """An empty square to tick, ``BOX`` wide."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return BOX, BOX

    def draw(self) -> None:
        self.canv.setLineWidth(0.9)
        self.canv.rect(0, 0, BOX, BOX, stroke=1, fill=0)


class WriteBox(Flowable):
    """A tall box to write an answer in."""

    def __init__(self, width: float, height: float) -> None:
        super().__init__()
        self.box_width, self.box_height = width, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.box_width, self.box_height

    def draw(self) -> None:
        self.canv.setLineWidth(0.9)
        self.canv.rect(0, 0, self.box_width, self.box_height, stroke=1, fill=0)


def blank_questionnaire_pdf(version: InstrumentVersion, wording: PaperWording) -> bytes:
    """The blank questionnaire of ``version`` in ``wording.language`` as PDF bytes."""
    styles = _styles()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 6 * mm,
        title=_text(version.title, wording.language),
        author="Care Voices",
        lang=wording.language,
        invariant=True,
    )
    story = [*_header(version, wording, styles)]
    story += [_question(version, item, wording, styles) for item in version.items]
    story += [Spacer(1, 6 * mm), Paragraph(escape_markup(wording.thanks), styles.question)]

    def footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        _footer(canvas, doc, version, wording)

    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def _text(text: LocalisedText, language: str) -> str:
    """``text`` in ``language``, English when untranslated."""
    return text.get(language) if text.has(language) else text.en


def _header(version: InstrumentVersion, wording: PaperWording, styles: _Styles) -> list[Flowable]:
    """Title, who it is from and for, when to hand it back, the code batch line and the intro."""
    lines = [
        f"{wording.authority} · {wording.round_name}",
        wording.age_group,
        wording.hand_back,
    ]
    office = Table(
        [[Paragraph(escape_markup(wording.code_batch), styles.body), ""]],
        colWidths=[70 * mm, A4[0] - 2 * MARGIN - 70 * mm],
        rowHeights=[10 * mm],
        style=TableStyle(
            [
                ("LINEBELOW", (1, 0), (1, 0), 0.9, "black"),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
            ]
        ),
    )
    return [
        Paragraph(escape_markup(_text(version.title, wording.language)), styles.title),
        *(Paragraph(escape_markup(line), styles.body) for line in lines),
        office,
        Spacer(1, 4 * mm),
        Paragraph(escape_markup(_text(version.intro, wording.language)), styles.body),
        Spacer(1, 2 * mm),
        Paragraph(escape_markup(wording.instructions), styles.body),
        Spacer(1, 4 * mm),
    ]


def _question(
    version: InstrumentVersion, item: Item, wording: PaperWording, styles: _Styles
) -> Flowable:
    """One numbered question, kept on one page: routing, wording, hint, answers, "go to"."""
    language = wording.language
    number = question_numbers(version)[item.id]
    parts: list[Flowable] = [
        Paragraph(escape_markup(_only_if(route.answers, route.number, wording)), styles.route)
        for route in only_if_routes(version, item, language)
    ]
    parts.append(Paragraph(escape_markup(item_text(item, language)), styles.question))
    if item.hint is not None:
        parts.append(Paragraph(escape_markup(_text(item.hint, language)), styles.note))
    parts += _answers(item, wording, styles)
    route = go_to_route(version, item, language)
    if route is not None:
        template = wording.go_to if route.number is not None else wording.go_to_end
        sentence = template % {
            "answers": joined(route.answers, wording.or_word),
            "number": route.number,
        }
        parts.append(Paragraph("→ " + escape_markup(sentence), styles.route))
    block = Table(
        [[Paragraph(f"{number}.", styles.number), parts]],
        colWidths=[NUMBER_WIDTH, BODY],
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                ("LINEABOVE", (0, 0), (-1, 0), 0.4, GREY),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
            ]
        ),
    )
    return KeepTogether([block])


def _only_if(answers: tuple[str, ...], number: int | None, wording: PaperWording) -> str:
    return wording.only_if % {"answers": joined(answers, wording.or_word), "number": number}


def _answers(item: Item, wording: PaperWording, styles: _Styles) -> list[Flowable]:
    """The answer area: a writing box, faces, a 0-10 row, or tick boxes with words."""
    language = wording.language
    if item.type == "free_text":
        note = Paragraph(escape_markup(wording.write_here), styles.note)
        return [note, Spacer(1, 1 * mm), WriteBox(BODY - 4 * mm, 32 * mm)]
    if item.type == "faces" and any(option.image for option in item.options):
        return [_faces(item, language, styles)]
    if item.type == "scale_0_10":
        return _scale(item, language, styles)
    labels = [option_label(option, language) for option in item.options]
    boxes = _tick_boxes(labels, styles)
    if item.type == "multi_choice":
        return [Paragraph(escape_markup(wording.tick_all), styles.note), boxes]
    return [boxes]


def _tick_boxes(labels: Sequence[str], styles: _Styles) -> Table:
    """Boxes with their words: on one line when they fit, else one answer per line."""
    font, size = styles.option.fontName, styles.option.fontSize
    widths = [BOX + 3 * mm + stringWidth(label, font, size) + 6 * mm for label in labels]
    if sum(widths) <= BODY - 4 * mm:
        cells = [[cell for label in labels for cell in (TickBox(), _option(label, styles))]]
        columns = [w for width in widths for w in (BOX + 3 * mm, width - BOX - 3 * mm)]
    else:
        cells = [[TickBox(), _option(label, styles)] for label in labels]
        columns = [BOX + 3 * mm, BODY - BOX - 7 * mm]
    return Table(cells, colWidths=columns, hAlign="LEFT", style=_ANSWER_STYLE)


_ANSWER_STYLE = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
)


def _option(label: str, styles: _Styles) -> Paragraph:
    return Paragraph(escape_markup(label), styles.option)


def _faces(item: Item, language: str, styles: _Styles) -> Table:
    """A column per answer: the face (if it has one), its words, and a tick box under them."""
    centred = ParagraphStyle("centred", styles.option, alignment=1)
    column = min(30 * mm, (BODY - 4 * mm) / len(item.options))
    faces = [
        Face(option.image, 13 * mm) if option.image else Spacer(13 * mm, 13 * mm)
        for option in item.options
    ]
    words = [Paragraph(escape_markup(option_label(o, language)), centred) for o in item.options]
    boxes = [TickBox() for _ in item.options]
    style = TableStyle([*_ANSWER_STYLE.getCommands(), ("ALIGN", (0, 0), (-1, -1), "CENTER")])
    return Table([faces, words, boxes], colWidths=[column] * len(faces), hAlign="LEFT", style=style)


def _scale(item: Item, language: str, styles: _Styles) -> list[Flowable]:
    """Numbers 0 to 10 over their boxes, the end labels under them, then any other answer."""
    points = [option for option in item.options if option.value.isdigit()]
    others = [option_label(option, language) for option in item.options if option not in points]
    column = (BODY - 4 * mm) / len(points)
    centred = ParagraphStyle("centred", styles.option, alignment=1)
    numbers = [Paragraph(option.value, centred) for option in points]
    style = TableStyle([*_ANSWER_STYLE.getCommands(), ("ALIGN", (0, 0), (-1, -1), "CENTER")])
    row = Table(
        [numbers, [TickBox() for _ in points]],
        colWidths=[column] * len(points),
        hAlign="LEFT",
        style=style,
    )
    ends = [
        f"{option.value} = {option_label(option, language)}" for option in points if option.label
    ]
    parts: list[Flowable] = [row, Paragraph(escape_markup(" · ".join(ends)), styles.note)]
    if others:
        parts.append(_tick_boxes(others, styles))
    return parts


def _footer(
    canvas: Canvas, doc: SimpleDocTemplate, version: InstrumentVersion, wording: PaperWording
) -> None:
    """The version key (so a returned copy is keyed with the right form), page and reference."""
    regular, _bold = sans_fonts()
    canvas.saveState()
    canvas.setFont(regular, 8.5)
    canvas.setFillColor(GREY)
    bottom = MARGIN - 2 * mm
    canvas.drawString(MARGIN, bottom, f"{version.key} · {wording.page % {'page': doc.page}}")
    canvas.drawRightString(A4[0] - MARGIN, bottom, wording.reference + " ______________")
    canvas.restoreState()
