package documents

import (
	"slices"
	"strings"

	"mou/assemble/fingerprint"
	"mou/assemble/partnership"
	"mou/assemble/wordtemplate"
)

// withEndorsed adds to kinds the documents the endorsement pages print the
// fingerprint of, endorsements last: they are rendered first (and written
// only when asked for).
func withEndorsed(kinds []string) []string {
	if !slices.Contains(kinds, Endorsements) {
		return kinds
	}
	var out []string
	for _, k := range Kinds {
		if k == MOU || k == Arrangements || slices.Contains(kinds, k) && k != Endorsements {
			out = append(out, k)
		}
	}
	return append(out, Endorsements)
}

// renderAll renders a partnership's documents of the given kinds, each
// stamped with its fingerprint, the endorsement pages with the fingerprints
// of the documents they endorse. It returns the files to write and each
// kind's document. With review, each document asked for is followed by its
// review copy, <name>-review.docx (review.go).
func renderAll(tmpls map[string]*wordtemplate.Template, p *partnership.Partnership, kinds []string, split, review bool) ([]File, map[string]File, wordtemplate.Errors) {
	fps := map[string]string{}
	docs := map[string]File{}
	var files []File
	var errs wordtemplate.Errors
	for _, k := range withEndorsed(kinds) {
		fs, fp, es := render(tmpls[k], p, k, split, fps)
		errs = append(errs, es...)
		if len(es) > 0 {
			continue
		}
		docs[k] = fs[0]
		fps[k] = fp
		if slices.Contains(kinds, k) {
			files = append(files, fs...)
			if review {
				b, err := reviewCopy(tmpls[k], p, k, fps)
				if err != nil {
					errs = append(errs, wordtemplate.AsErrors(err)...)
					continue
				}
				files = append(files, File{Path: strings.TrimSuffix(fs[0].Path, ".docx") + "-review.docx", Data: b})
			}
		}
	}
	return files, docs, errs
}

// stamped renders a view with the fingerprint placeholder, finishes the
// main part (main may be nil), works out the fingerprint of what was
// rendered and prints it in place, recording it in the properties as the
// package is written: the package is deflated once. It returns the
// package and the fingerprint.
//
// A yearly report also carries each section's guidance in a comment on
// its heading (guidance.go); comments hold no words, so the fingerprint
// is the same with or without them.
func stamped(t *wordtemplate.Template, view *View, fps map[string]string, main func(string) string) ([]byte, string, error) {
	g := newGuidance(t, view)
	return stampedWith(t, view, fps, g.main(main), nil, g.finish(nil))
}

// stampedWith is stamped with the engine's trace (nil for none) and a last
// change to the package after the fingerprint's (nil for none).
func stampedWith(t *wordtemplate.Template, view *View, fps map[string]string, main func(string) string, trace func(wordtemplate.Para), finish func(map[string][]byte) error) ([]byte, string, error) {
	view.Document.Fingerprint = fingerprint.Placeholder
	for i := range view.Signatories {
		view.Signatories[i].Document.Fingerprint = fps[view.Signatories[i].Document.Kind]
	}
	var fp string
	var fpErr error
	var pics charts
	b, err := t.RenderWith(view, wordtemplate.RenderOptions{
		Trace: trace,
		Main: func(doc string) []byte {
			if main != nil {
				doc = main(doc)
			}
			doc = pics.insert(doc, view)
			fp, fpErr = fingerprint.OfMain(doc)
			return replaceAll(doc, fingerprint.Placeholder, fp)
		},
		Finish: func(parts map[string][]byte) error {
			if fpErr != nil {
				return fpErr
			}
			if err := pics.add(t, parts); err != nil {
				return err
			}
			if finish != nil {
				if err := finish(parts); err != nil {
					return err
				}
			}
			return fingerprint.StampParts(t.Entries(), parts, func(name string) ([]byte, error) {
				b, _, err := t.Entry(name)
				return b, err
			}, fp)
		},
	})
	if err != nil {
		return nil, "", err
	}
	return b, fp, nil
}

// replaceAll is strings.ReplaceAll made straight into the bytes a package
// is written from: one copy of a document's main part, not two.
func replaceAll(s, old, new string) []byte {
	out := make([]byte, 0, len(s)+strings.Count(s, old)*(len(new)-len(old)))
	for {
		i := strings.Index(s, old)
		if i < 0 {
			return append(out, s...)
		}
		out = append(append(out, s[:i]...), new...)
		s = s[i+len(old):]
	}
}
