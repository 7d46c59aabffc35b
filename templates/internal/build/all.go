package build

// Files returns every default template by file name. The bytes depend only
// on this package's code, so regenerating gives identical files.
func Files() (map[string][]byte, error) {
	out := map[string][]byte{}
	for name, make := range map[string]func() *doc{
		"mou.docx":           mou,
		"arrangements.docx":  arrangements,
		"annual-report.docx": report,
		"endorsements.docx":  endorsements,
	} {
		b, err := make().bytes()
		if err != nil {
			return nil, err
		}
		out[name] = b
	}
	return out, nil
}
