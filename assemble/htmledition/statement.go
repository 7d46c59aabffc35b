package htmledition

import (
	"bytes"
	"html/template"
)

// StatementInput is what the accessibility statement says: whose
// documents, which editions, what the automated check found, and whom to
// ask for another format.
type StatementInput struct {
	Partnership string
	Documents   []StatementDocument
	Findings    []string // the accessibility check's findings, in plain words
	Contact     string   // from [partnership] contact; "" prints a placeholder
	Date        string   // the documents' date
	PDF         bool     // the documents have PDF editions
}

// StatementDocument is one document and its editions.
type StatementDocument struct {
	Title    string
	Editions []Edition
}

// Edition is one file of a document, linked from the statement.
type Edition struct {
	Label string // "web page", "PDF", "Word"
	Href  string // relative to the statement
}

var statementTemplate = template.Must(template.New("statement.html.tmpl").ParseFS(pageFiles, "page/statement.html.tmpl", "page/style.css"))

// Statement writes a draft accessibility statement for the documents, in
// the sections of the GOV.UK model statement: what it applies to, how
// accessible the documents are (from the check), what is not yet known,
// how to ask for another format, enforcement and technical information.
// Every sentence is about the documents as checked; nothing is claimed
// that the check did not find.
func Statement(in StatementInput) ([]byte, error) {
	var b bytes.Buffer
	if err := statementTemplate.Execute(&b, in); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
