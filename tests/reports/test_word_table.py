"""Word tables written as XML read back as python-docx and Word read them: every cell's text
(line breaks and tabs included), widths, shading, a heading row repeated on each page."""

import io

from docx import Document
from docx.shared import Cm

from actionplan.reports.render.word_table import Cell, add_table


def written(headings, rows, **options):
    doc = Document()
    add_table(doc, headings, rows, **options)
    out = io.BytesIO()
    doc.save(out)
    return Document(io.BytesIO(out.getvalue())).tables[0]


def test_cells_read_back_as_written_with_their_breaks_tabs_and_spaces():
    texts = [" Leading space", "Agency\nNamed Nurse", "a\tb\r\nc", "<&> \"quoted\""]
    table = written([Cell(f"H{n}", 8, bold=True) for n in range(4)], [[Cell(t, 7.5) for t in texts]])
    assert [cell.text for cell in table.rows[0].cells] == ["H0", "H1", "H2", "H3"]
    expected = [" Leading space", "Agency\nNamed Nurse", "a\tb\n\nc", "<&> \"quoted\""]  # \r\n: two breaks
    assert [cell.text for cell in table.rows[1].cells] == expected
    run = table.rows[1].cells[0].paragraphs[0].runs[0]
    assert run.font.size.pt == 7.5 and run.bold is False
    assert table.rows[0].cells[0].paragraphs[0].runs[0].bold is True


def test_widths_are_set_in_the_grid_and_in_every_cell_and_a_span_covers_them():
    widths = [Cm(2), Cm(5), Cm(3)]
    section = [Cell("Section", 9, fill="DEE0E2", span=3)]
    row = [Cell("1", 8), Cell("2", 8, colour="FFFFFF", fill="D4351C"), Cell("3", 8)]
    table = written([Cell("A", 8), Cell("B", 8), Cell("C", 8)], [section, row], widths=widths)
    grid = [int(col.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w"))
            for col in table._tbl.tblGrid.gridCol_lst]  # fmt: skip
    assert grid == [w.twips for w in widths]
    assert [cell.width.twips for cell in table.rows[2].cells] == grid
    spanned = table.rows[1].cells
    assert spanned[0].text == spanned[2].text == "Section" and spanned[0].width.twips == sum(grid)
    shaded = table.rows[2].cells[1]._tc.xml
    assert 'w:fill="D4351C"' in shaded and 'w:color w:val="FFFFFF"' in shaded
    assert "<w:tblHeader" in table.rows[0]._tr.xml and "<w:tblHeader" not in table.rows[1]._tr.xml


def test_a_table_without_headings_or_style_has_only_its_rows():
    table = written(None, [[Cell("Red", 8), Cell("Overdue", 8)]], columns=2, style=None)
    assert [[c.text for c in row.cells] for row in table.rows] == [["Red", "Overdue"]]
    assert table.style.name == "Normal Table"
