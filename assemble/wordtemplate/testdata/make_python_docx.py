"""Writes python-docx.docx: a template whose tags python-docx splits into
many runs, mid-tag, with different formatting on each piece, as Word does
after editing. Run with Debian's python3-docx: /usr/bin/python3 make_python_docx.py
"""
from docx import Document
from docx.shared import Pt

doc = Document()
doc.sections[0].header.paragraphs[0].text = "{{partnership.name}} - header"
doc.sections[0].footer.paragraphs[0].text = "Page footer for {{partnership.area}}"

doc.add_heading("Split tags", level=1)
p = doc.add_paragraph("Partnership: ")
for piece, bold, italic in [("{", False, False), ("{partner", True, False), ("ship.", False, True), ("name", True, True), ("}", False, False), ("}", True, False)]:
    r = p.add_run(piece)
    r.bold, r.italic = bold, italic
p.add_run(" and that is all.")

p = doc.add_paragraph()
for piece in ["Money: {{amo", "unt | mo", "ney}}; date: {{review | date \u201c2 Jan", "uary 2006\u201d}}."]:
    r = p.add_run(piece)
    r.font.size = Pt(12)

doc.add_paragraph("{{#each partners}}")
doc.add_paragraph("{{organisation}}", style="List Number")
doc.add_paragraph("{{/each}}")

table = doc.add_table(rows=2, cols=3)
table.style = "Table Grid"
table.rows[0].cells[0].text = "Id"
table.rows[0].cells[1].text = "Organisation"
table.rows[0].cells[2].text = "Delegate"
c = table.rows[1].cells
p = c[0].paragraphs[0]
for piece in ["{{#ea", "ch partners}}{{", "id}}"]:
    p.add_run(piece)
p = c[1].paragraphs[0]
p.add_run("{{organ").bold = True
p.add_run("isation}}")
p = c[2].paragraphs[0]
for piece in ["{{delegate.name | default \"", "vacant\"}}{{/e", "ach}}"]:
    p.add_run(piece)

doc.add_paragraph("{{#if none}}")
doc.add_paragraph("This paragraph is dropped.", style="List Bullet")
doc.add_paragraph("{{else}}")
doc.add_paragraph("There are no items.", style="List Bullet")
doc.add_paragraph("{{/if}}")
doc.add_paragraph("The end.")
doc.save("python-docx.docx")
