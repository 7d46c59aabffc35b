"""Writes the same template in the syntax of each engine compared by
compare.sh: ten fields in the prose, a paragraph loop and a table-row loop
over the same rows. Run with Debian's python3-docx."""
import sys
from docx import Document

out = sys.argv[1]
FIELDS = ["title", "area", "date", "lead", "police", "health", "council", "review", "contact", "version"]

# Each engine's spelling of: a field, a field of the loop's row, the
# paragraph loop's tags, and the table-row loop's tags.
SYNTAX = {
    "mou": dict(field="{{%s}}", row="{{%s}}", popen="{{#each rows}}", pclose="{{/each}}", topen="{{#each rows}}", tclose="{{/each}}"),
    "docxtemplater": dict(field="{{%s}}", row="{{%s}}", popen="{{#rows}}", pclose="{{/rows}}", topen="{{#rows}}", tclose="{{/rows}}"),
    "docxtpl": dict(field="{{ %s }}", row="{{ r.%s }}", popen="{%p for r in rows %}", pclose="{%p endfor %}", topen=None, tclose=None),
}

for engine, s in SYNTAX.items():
    doc = Document()
    doc.add_heading(s["field"] % "title", level=1)
    for i in range(0, 10, 2):
        doc.add_paragraph("The partners of %s agree, on %s, to the arrangements below." % (s["field"] % FIELDS[i], s["field"] % FIELDS[i + 1]))
    doc.add_paragraph(s["popen"])
    doc.add_paragraph("%s contributes %s." % (s["row"] % "name", s["row"] % "amount"))
    doc.add_paragraph(s["pclose"])
    if engine == "docxtpl":
        t = doc.add_table(rows=4, cols=2)
        cells = [("Name", "Amount"), ("{%tr for r in rows %}", ""), ("{{ r.name }}", "{{ r.amount }}"), ("{%tr endfor %}", "")]
    else:
        t = doc.add_table(rows=2, cols=2)
        cells = [("Name", "Amount"), (s["topen"] + s["row"] % "name", s["row"] % "amount" + s["tclose"])]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            t.rows[r].cells[c].text = text
    doc.add_paragraph("End.")
    doc.save("%s/%s.docx" % (out, engine))
