"""Writes the same one-table template in the syntax of each engine compared
by compare.sh. Run with Debian's python3-docx."""
import sys
from docx import Document

out = sys.argv[1]

def table_template(path, rows):
    doc = Document()
    doc.add_paragraph("Funding of the partnership")
    t = doc.add_table(rows=len(rows), cols=2)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            t.rows[r].cells[c].text = text
    doc.add_paragraph("End.")
    doc.save(path)

table_template(out + "/mou.docx", [("Name", "Amount"), ("{{#each rows}}{{name}}", "{{amount}}{{/each}}")])
table_template(out + "/docxtemplater.docx", [("Name", "Amount"), ("{{#rows}}{{name}}", "{{amount}}{{/rows}}")])
table_template(out + "/docxtpl.docx", [("Name", "Amount"), ("{%tr for r in rows %}", ""), ("{{ r.name }}", "{{ r.amount }}"), ("{%tr endfor %}", "")])
