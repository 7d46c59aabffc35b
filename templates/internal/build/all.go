package build

// makers are the default templates by file name.
var makers = map[string]func() *doc{
	"mou.docx":           mou,
	"arrangements.docx":  arrangements,
	"annual-report.docx": report,
	"endorsements.docx":  endorsements,
}

// Files returns every default template by file name. The bytes depend only
// on this package's code, so regenerating gives identical files.
func Files() (map[string][]byte, error) {
	out := map[string][]byte{}
	for name, make := range makers {
		b, err := make().bytes()
		if err != nil {
			return nil, err
		}
		out[name] = b
	}
	return out, nil
}

// Law returns, for each default template by file name, the legal basis of
// each paragraph of general wording, by the paragraph's number in the
// template (from 1, in document order, table cells included).
func Law() map[string]map[int]string {
	out := map[string]map[int]string{}
	for name, make := range makers {
		d := make()
		out[name] = d.law
	}
	return out
}
