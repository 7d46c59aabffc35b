"""Writes the corpus of Word-shaped templates (corpus-*.docx) with Debian's
python3-docx, in the shapes Word gives real documents: section breaks of each
type ending in a block tag's paragraph, a landscape section, headers that
differ on the first page, page breaks before and after loops, a picture
beside a loop tag, content controls, and (corpus-notes) a footnote, a text
box beside a loop tag and comments, each holding tags, and a footnote mark
and a comment inside a loop.

    /usr/bin/python3 make_corpus.py

python-docx ends a section with an empty paragraph of its own; Word puts the
section's properties in the last paragraph of the section, which is where a
template's block tag often is, so each break is moved there."""
import base64, copy
from docx import Document
from docx.enum.section import WD_SECTION, WD_ORIENT
from docx.oxml.ns import qn
from docx.oxml import parse_xml
from docx.shared import Mm

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
# A one-pixel PNG, so the corpus needs no image file beside it.
PIXEL = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


def section_break(doc, start, into):
    """Adds a section of the given start type, its break carried by paragraph into."""
    sec = doc.add_section(start)
    body = doc.element.body
    carrier = body[-2]  # the paragraph python-docx added to hold the break
    sectPr = carrier.pPr.find(qn("w:sectPr"))
    into._p.get_or_add_pPr().append(sectPr)
    body.remove(carrier)
    return sec


def page_break_run(p):
    p.add_run().add_break(7)  # WD_BREAK.PAGE


def sections():
    doc = Document()
    s1 = doc.sections[0]
    s1.different_first_page_header_footer = True
    s1.first_page_header.paragraphs[0].text = "First page of {{partnership.name}}"
    s1.header.paragraphs[0].text = "Partners of {{partnership.area}}"
    doc.add_paragraph("Cover: {{partnership.name}}")
    p = doc.add_paragraph()
    page_break_run(p)
    p.add_run("{{#each partners}}")
    doc.add_paragraph("Partner page: {{organisation}}")
    end1 = doc.add_paragraph("{{/each}}")
    s2 = section_break(doc, WD_SECTION.NEW_PAGE, end1)
    s2.orientation = WD_ORIENT.LANDSCAPE
    s2.page_width, s2.page_height = Mm(297), Mm(210)
    s2.header.is_linked_to_previous = False
    s2.header.paragraphs[0].text = "Funding (landscape)"
    doc.add_paragraph("Funding of {{partnership.name}}")
    t = doc.add_table(rows=2, cols=2)
    t.style = "Table Grid"
    t.rows[0].cells[0].text, t.rows[0].cells[1].text = "Partner", "Amount"
    t.rows[1].cells[0].text, t.rows[1].cells[1].text = "{{#each partners}}{{organisation}}", "{{amount | money}}{{/each}}"
    doc.add_paragraph("{{#if partners}}")
    doc.add_paragraph("Total: {{total | money}}")
    end2 = doc.add_paragraph("{{/if}}")
    s3 = section_break(doc, WD_SECTION.ODD_PAGE, end2)
    s3.orientation = WD_ORIENT.PORTRAIT
    s3.page_width, s3.page_height = Mm(210), Mm(297)
    s3.header.is_linked_to_previous = False
    s3.header.paragraphs[0].text = "Signatures"
    s3.footer.is_linked_to_previous = False
    s3.footer.paragraphs[0].text = "Signed for {{partnership.area}}"
    doc.add_paragraph("{{#each partners}}")
    sig = doc.add_paragraph("Signed for {{organisation}}")
    s4 = section_break(doc, WD_SECTION.CONTINUOUS, sig)
    doc.add_paragraph("{{/each}}")
    p = doc.add_paragraph("{{#if none}}")
    doc.add_paragraph("Never shown")
    doc.add_paragraph("{{/if}}")
    p = doc.add_paragraph("{{#each partners}}")
    doc.add_paragraph("Column for {{organisation}}")
    p = doc.add_paragraph("{{/each}}")
    p.add_run().add_break(8)  # WD_BREAK.COLUMN, once after the loop
    doc.add_paragraph("The end.")
    doc.save("corpus-sections.docx")


def objects():
    import io
    doc = Document()
    doc.sections[0].footer.paragraphs[0].text = "Objects footer"
    doc.add_paragraph("Logo beside each partner:")
    p = doc.add_paragraph()
    p.add_run().add_picture(io.BytesIO(PIXEL), width=Mm(5))
    p.add_run("{{#each partners}} ")
    doc.add_paragraph("{{organisation}}")
    p = doc.add_paragraph("{{/each}}")
    page_break_run(p)
    doc.add_paragraph("After the loop, on a new page.")
    # A content control holding a loop, as corporate templates have.
    body = doc.element.body
    sdt = parse_xml(
        '<w:sdt %s><w:sdtPr><w:alias w:val="Partner list"/><w:id w:val="501"/></w:sdtPr><w:sdtContent>'
        '<w:p><w:r><w:t>{{#each partners}}</w:t></w:r></w:p>'
        '<w:p><w:r><w:t xml:space="preserve">Control: {{organisation}}</w:t></w:r></w:p>'
        '<w:sdt><w:sdtPr><w:id w:val="502"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t xml:space="preserve">Inner {{id}}</w:t></w:r></w:p></w:sdtContent></w:sdt>'
        '<w:p><w:r><w:t>{{/each}}</w:t></w:r></w:p>'
        '</w:sdtContent></w:sdt>' % W)
    body.insert(len(body) - 1, sdt)
    p = doc.add_paragraph()
    r = p.add_run("{{#if partners}}")
    bm = parse_xml('<w:bookmarkStart %s w:id="9" w:name="partners"/>' % W)
    p._p.insert(1, bm)
    p._p.append(parse_xml('<w:bookmarkEnd %s w:id="9"/>' % W))
    doc.add_paragraph("Bookmarked: {{partnership.name}}")
    doc.add_paragraph("{{/if}}  ")
    doc.save("corpus-objects.docx")


NS = (W + ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
      ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
      ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')


def add_part(doc, name, content_type, reltype, xml):
    """Adds a part python-docx has no API for, with its relationship from the
    main document; saving writes its content type."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    part = Part(PackURI(name), content_type, xml.encode("utf-8"), doc.part.package)
    doc.part.relate_to(part, reltype)


def notes():
    """A footnote, a text box and a comment, each with tags, as Word writes
    them: the parts python-docx cannot make are written here as Word's XML."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT, CONTENT_TYPE as CT
    doc = Document()
    doc.sections[0].footer.paragraphs[0].text = "Notes footer for {{partnership.area}}"
    # A footnote: Word's two separators (ids -1 and 0), then the note.
    add_part(doc, "/word/footnotes.xml", CT.WML_FOOTNOTES, RT.FOOTNOTES,
             '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<w:footnotes %s>'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
             '<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
             '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
             '<w:r><w:t xml:space="preserve"> Figures for {{partnership.area}}, </w:t></w:r>'
             '<w:r><w:rPr><w:b/></w:rPr><w:t>{{total | money}}</w:t></w:r>'
             '<w:r><w:t xml:space="preserve"> in all.</w:t></w:r></w:p></w:footnote>'
             '<w:footnote w:id="2"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
             '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
             '<w:r><w:t xml:space="preserve"> Each partner of {{partnership.area}} signs.</w:t></w:r></w:p></w:footnote>'
             '</w:footnotes>' % W)
    p = doc.add_paragraph("Funding of {{partnership.name}}")
    p._p.append(parse_xml('<w:r %s><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>' % W))
    # A text box with a tag inside, in the paragraph of a loop's opening tag:
    # it is repeated at the start of each copy.
    p = doc.add_paragraph()
    p._p.append(parse_xml(
        '<w:r %s><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        '<wp:extent cx="1800000" cy="360000"/><wp:docPr id="7" name="Text Box 7"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1800000" cy="360000"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        '<wps:txbx><w:txbxContent><w:p><w:r><w:t xml:space="preserve">Box: {{partnership.area}}</w:t></w:r></w:p></w:txbxContent></wps:txbx>'
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t"><a:noAutofit/></wps:bodyPr>'
        '</wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>' % NS))
    p.add_run("{{#each partners}}")
    # A footnote mark and a comment inside the loop: Word allows each one
    # place in the text, so the first copy keeps them.
    # (LibreOffice 7.4 mixes up the notes of a document whose comment comes
    # before a footnote mark, so the comment here follows the mark.)
    p = doc.add_paragraph("Signs for {{id}}")
    p._p.append(parse_xml('<w:r %s><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="2"/></w:r>' % W))
    p = doc.add_paragraph()
    p._p.append(parse_xml('<w:commentRangeStart %s w:id="0"/>' % W))
    p.add_run("Boxed partner: {{organisation}}")
    p._p.append(parse_xml('<w:commentRangeEnd %s w:id="0"/>' % W))
    p._p.append(parse_xml('<w:r %s><w:commentReference w:id="0"/></w:r>' % W))
    doc.add_paragraph("{{/each}}")
    # A comment with a tag inside, on a paragraph with a tag.
    add_part(doc, "/word/comments.xml", CT.WML_COMMENTS, RT.COMMENTS,
             '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<w:comments %s><w:comment w:id="1" w:author="Reviewer" w:date="2024-05-01T10:00:00Z" w:initials="R">'
             '<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:annotationRef/></w:r>'
             '<w:r><w:t xml:space="preserve">Check the name: {{partnership.name}}</w:t></w:r></w:p>'
             '</w:comment><w:comment w:id="0" w:author="Reviewer" w:date="2024-05-01T10:05:00Z" w:initials="R">'
             '<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:annotationRef/></w:r>'
             '<w:r><w:t xml:space="preserve">One partner of {{partners | count}}?</w:t></w:r></w:p>'
             '</w:comment></w:comments>' % W)
    p = doc.add_paragraph()
    p._p.append(parse_xml('<w:commentRangeStart %s w:id="1"/>' % W))
    p.add_run("Reviewed for {{partnership.area}}")
    p._p.append(parse_xml('<w:commentRangeEnd %s w:id="1"/>' % W))
    p._p.append(parse_xml('<w:r %s><w:commentReference w:id="1"/></w:r>' % W))
    doc.add_paragraph("The end.")
    doc.save("corpus-notes.docx")


sections()
objects()
notes()
