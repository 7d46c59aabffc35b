// Package documents builds a partnership's Word documents — the
// Memorandum of Understanding, the published arrangements, the yearly report
// skeleton and the endorsement pages — from its checked data and the default
// (or the user's) templates.
//
// Nothing is written unless everything succeeds: Plan checks every data
// file and renders every document in memory; Write stages every file (and
// its PDF) beside the output and moves them all into place only when all
// of them are ready. Build does both in one pass, staging each
// partnership's files while the next are rendering.
package documents

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"mou/assemble/a11y"
	"mou/assemble/htmledition"
	"mou/assemble/internal/names"
	"mou/assemble/partnership"
	"mou/assemble/wordtemplate"
	"mou/templates"
)

// Options tune a build.
type Options struct {
	Out               string   // the output folder; "out" when empty
	Only              []string // kinds to build (Kinds); all when empty
	SplitEndorsements bool     // also one file per signatory
	Templates         string   // a folder whose .docx files replace defaults of the same name
	Strict            bool     // warnings fail the build too
	Register          string   // the team's register of reorganisations (partnership.Options.Register)
	Today             time.Time
	Progress          io.Writer // one line per partnership; nil for none
	Compare           string    // an earlier version's data: also write <name>-changes.docx per document
	Warnings          io.Writer // problems that do not stop the build (--compare's history); nil for none
	Review            bool      // also write <name>-review.docx per document: a comment on each paragraph saying where it came from
	HTML              bool      // also write <name>.html beside the MOU, the arrangements and the yearly report: their HTML edition (htmledition), and accessibility-statement.html
	pdfEditions       bool      // the build writes PDFs too (Build sets it): the statement lists them
}

// File is one rendered document, not yet written.
type File struct {
	Path string
	Data []byte
}

// templateFor maps a kind to its template's file name.
var templateFor = map[string]string{
	MOU:          "mou.docx",
	Arrangements: "arrangements.docx",
	YearlyReport: "annual-report.docx",
	Endorsements: "endorsements.docx",
}

// ParseKinds reads a --only list such as "mou,report".
func ParseKinds(list string) ([]string, error) {
	var out []string
	for _, k := range strings.Split(list, ",") {
		k = strings.TrimSpace(k)
		if k == "" {
			continue
		}
		if _, ok := templateFor[k]; !ok {
			return nil, fmt.Errorf("unknown document %q: choose from %s", k, strings.Join(Kinds, ", "))
		}
		out = append(out, k)
	}
	return out, nil
}

// Failure is every reason a build stopped: data findings per data file and
// template problems. Nothing was written.
type Failure struct {
	Data      []DataFailure
	Templates wordtemplate.Errors
	Other     []string
}

// DataFailure is one data file's findings.
type DataFailure struct {
	Path     string
	Findings partnership.Findings
}

func (f *Failure) Error() string {
	n := len(f.Templates) + len(f.Other)
	for _, d := range f.Data {
		n += len(d.Findings)
	}
	return fmt.Sprintf("%d problem(s); nothing was written", n)
}

// WriteText prints every problem.
func (f *Failure) WriteText(w io.Writer) {
	for _, d := range f.Data {
		d.Findings.WriteText(w)
	}
	for _, e := range f.Templates {
		fmt.Fprintln(w, e.Error())
	}
	for _, s := range f.Other {
		fmt.Fprintln(w, s)
	}
	fmt.Fprintln(w, f.Error())
}

// Plan checks each partnership (a data file or folder per path), renders
// every requested document in memory and returns the files to write. Any
// problem in any partnership or template fails the whole plan.
func Plan(paths []string, opts Options) ([]File, error) {
	return plan(paths, opts, nil)
}

// Build is Plan and Write in one pass, all or nothing as they are: each
// partnership's files are staged as soon as they are rendered, while the
// others are still rendering, so the disk's time is spent beside the
// processor's rather than after it. On any failure, of the plan or of
// writing, the output folder is left exactly as it was. It returns the
// paths written, sorted.
func Build(paths []string, opts Options, wopts WriteOptions) ([]string, error) {
	if opts.Out == "" {
		opts.Out = "out"
	}
	wopts.Out = opts.Out
	wopts = wopts.withDefaults()
	opts.pdfEditions = wopts.PDF
	// One goroutine writes, in the order partnerships finish: files
	// created several at once contend in the file system and cost more
	// processor time than they save. The staging folder is made when the
	// first files arrive, so data that fails its checks (and then sends
	// none) never touches the output folder.
	var w *writer
	batches := make(chan []File, 16)
	var stageErr error
	staged := make(chan struct{})
	go func() {
		defer close(staged)
		for files := range batches {
			if w == nil && stageErr == nil {
				w, stageErr = openWriter(wopts)
			}
			for _, f := range files {
				if stageErr != nil {
					break // keep draining: the renderers must not block
				}
				if stageErr = checkNames([]File{f}, wopts.Out); stageErr == nil {
					stageErr = w.stage(f)
				}
			}
		}
	}()
	_, err := plan(paths, opts, func(files []File) { batches <- files })
	close(batches)
	<-staged
	if err == nil {
		err = stageErr
	}
	if err == nil && w == nil {
		w, err = openWriter(wopts) // nothing to write, but the commit still says so
	}
	if err != nil {
		if w != nil {
			w.st.Abort()
		}
		return nil, err
	}
	return w.finish()
}

// plan is Plan; when sink is not nil, it is given each partnership's files
// as soon as they are rendered (from several goroutines, one call per
// partnership), and the files plan returns hold no data.
func plan(paths []string, opts Options, sink func([]File)) ([]File, error) {
	kinds := opts.Only
	if len(kinds) == 0 {
		kinds = Kinds
	}
	if opts.Out == "" {
		opts.Out = "out"
	}
	fail := &Failure{}
	if opts.Compare != "" && len(paths) != 1 {
		return nil, &Failure{Other: []string{fmt.Sprintf("--compare compares one partnership with its earlier version, but %d were given: build them one at a time", len(paths))}}
	}
	if opts.Templates != "" {
		if st, err := os.Stat(opts.Templates); err != nil || !st.IsDir() {
			return nil, &Failure{Other: []string{fmt.Sprintf("the templates folder %s does not exist: check the path given to --templates", opts.Templates)}}
		}
		// A misnamed file would silently leave the default in use: say so.
		found, _ := filepath.Glob(filepath.Join(opts.Templates, "*.docx"))
		for _, f := range found {
			if !slices.Contains(templates.Names, filepath.Base(f)) && !strings.HasPrefix(filepath.Base(f), "~$") && opts.Progress != nil {
				fmt.Fprintf(opts.Progress, "note: %s replaces no default template (their names are %s)\n", f, strings.Join(templates.Names, ", "))
			}
		}
	}
	tmpls := map[string]*wordtemplate.Template{}
	for _, k := range withEndorsed(kinds) {
		data, from, err := templates.Read(opts.Templates, templateFor[k])
		if err != nil {
			fail.Other = append(fail.Other, err.Error())
			continue
		}
		t, err := wordtemplate.Parse(from, data)
		if err != nil {
			fail.Templates = append(fail.Templates, wordtemplate.AsErrors(err)...)
			continue
		}
		// Parts the engine does not fill (SmartArt, charts): said once per
		// template, not per partnership, as render and lint say it.
		for _, w := range t.Warnings() {
			if opts.Warnings != nil {
				fmt.Fprintln(opts.Warnings, "warning: "+w)
			}
		}
		// A template the partnership made itself is checked for what
		// would make its documents inaccessible (the defaults pass).
		if from != templateFor[k] && opts.Warnings != nil {
			if found, err := a11y.Check(from, data); err == nil {
				for _, f := range found {
					fmt.Fprintln(opts.Warnings, "warning: accessibility: "+f.String())
				}
			}
		}
		tmpls[k] = t
	}

	type result struct {
		path     string
		p        *partnership.Partnership
		findings partnership.Findings
		files    []File
		errs     wordtemplate.Errors
		other    string
		compare  *comparison
		old      *partnership.Partnership
		// local is a local partnership of the executive before it: its
		// data and findings are the executive's, reported once.
		local bool
	}
	results := make([]result, len(paths))
	var mu sync.Mutex
	progress := func(format string, args ...any) {
		if opts.Progress != nil {
			mu.Lock()
			fmt.Fprintf(opts.Progress, format+"\n", args...)
			mu.Unlock()
		}
	}
	// Every partnership is checked before any is rendered: files are named
	// after their partnership's folder, and folders after every partnership
	// of the build (two of one area are told apart by year).
	parallel(len(paths), func(i int) {
		r := &results[i]
		r.path = paths[i]
		p, findings, err := partnership.Check(partnership.Options{Today: opts.Today, Register: opts.Register}, r.path)
		if err != nil {
			r.other = err.Error()
			progress("%s: cannot be read", r.path)
			return
		}
		r.p, r.findings = p, findings
		// The earlier version is checked, and the history with it,
		// even when this one fails, so every problem shows at once.
		if opts.Compare != "" && p != nil {
			r.compare = &comparison{}
			r.old = r.compare.earlier(opts.Compare, p, opts)
		}
		if findings.Failed(opts.Strict) || p == nil {
			progress("%s: %s, not built", r.path, findings.Summary())
			return
		}
		if opts.Warnings != nil && findings.Warnings() > 0 {
			var b strings.Builder
			who := ""
			if len(paths) > 1 {
				who = p.Partnership.Name
			}
			writeWarnings(&b, who, r.path, findings)
			mu.Lock()
			io.WriteString(opts.Warnings, b.String())
			mu.Unlock()
		}
	})
	// A pan-area executive's local partnerships build documents of their
	// own, each in its own folder, after the executive's.
	var all []result
	for _, r := range results {
		all = append(all, r)
		if r.p == nil || r.findings.Failed(opts.Strict) || r.compare != nil {
			continue
		}
		for j := range r.p.Locals {
			all = append(all, result{path: r.path + " › " + r.p.Locals[j].Name, p: r.p.Local(j), findings: r.findings, local: true})
		}
	}
	results = all
	folders := folderNames(results, func(r result) *partnership.Partnership { return r.p })
	// A build with a failed partnership fails: its files go nowhere.
	for _, r := range results {
		if r.other != "" || r.findings.Failed(opts.Strict) || r.compare != nil && (r.compare.other != "" || r.compare.findings.Failed(false)) {
			sink = nil
		}
	}
	parallel(len(results), func(i int) {
		r := &results[i]
		p, path := r.p, r.path
		if p == nil || r.findings.Failed(opts.Strict) {
			return
		}
		if len(tmpls) < len(withEndorsed(kinds)) {
			return // a template is broken: the failure says which
		}
		var docs map[string]File
		r.files, docs, r.errs = renderAll(tmpls, p, kinds, opts.SplitEndorsements, opts.Review)
		if len(r.errs) > 0 {
			progress("%s: %d template problem(s), not built", path, len(r.errs))
			return
		}
		if opts.HTML {
			pages, err := htmlEditions(p, kinds, docs, opts.pdfEditions)
			if err != nil {
				r.other = fmt.Sprintf("%s: %v", path, err)
				progress("%s: the HTML edition failed, not built", path)
				return
			}
			r.files = append(r.files, pages...)
		}
		if r.local {
			progress("%s: %d document(s) ready", path, len(r.files))
		} else {
			progress("%s: %s; %d document(s) ready", path, r.findings.Summary(), len(r.files))
		}
		if c := r.compare; c != nil {
			c.compare(r.old, p, docs, kinds, tmpls)
			r.files = append(r.files, c.files...)
			progress("%s: compared with %s: %s", path, opts.Compare, strings.Join(c.summary, "; "))
			if c.history != nil && !opts.Strict && opts.Warnings != nil {
				var b strings.Builder
				partnership.Findings{*c.history}.WriteText(&b)
				mu.Lock()
				io.WriteString(opts.Warnings, b.String())
				mu.Unlock()
			}
		}
		if sink != nil && len(r.errs) == 0 {
			out := make([]File, len(r.files))
			for j, f := range r.files {
				out[j] = File{Path: filepath.Join(opts.Out, folders[i], f.Path), Data: f.Data}
				r.files[j].Data = nil // written by the sink: not kept until the end
			}
			sink(out)
		}
	})

	var files []File
	seenTemplateErr := map[string]bool{}
	for i, r := range results {
		if r.other != "" {
			fail.Other = append(fail.Other, r.other)
		}
		if r.findings.Failed(opts.Strict) && !r.local {
			fail.Data = append(fail.Data, DataFailure{Path: r.path, Findings: r.findings})
		}
		if c := r.compare; c != nil {
			if c.other != "" {
				fail.Other = append(fail.Other, c.other)
			}
			if c.findings.Failed(false) {
				fail.Data = append(fail.Data, DataFailure{Path: opts.Compare, Findings: c.findings})
			}
			if c.history != nil && opts.Strict {
				fail.Data = append(fail.Data, DataFailure{Path: r.path, Findings: partnership.Findings{*c.history}})
			}
			r.errs = append(r.errs, c.errs...)
		}
		for _, e := range r.errs {
			// The same template problem shows for every partnership: say it once.
			if key := e.Error(); !seenTemplateErr[key] {
				seenTemplateErr[key] = true
				fail.Templates = append(fail.Templates, e)
			}
		}
		for _, f := range r.files {
			files = append(files, File{Path: filepath.Join(opts.Out, folders[i], f.Path), Data: f.Data})
		}
	}
	if len(fail.Data)+len(fail.Templates)+len(fail.Other) > 0 {
		return nil, fail
	}
	if dup := duplicatePath(files); dup != "" {
		return nil, &Failure{Other: []string{fmt.Sprintf("two partnerships would both write %s: build them into different folders with --out", dup)}}
	}
	return files, nil
}

// listedWarnings is how many of a partnership's warnings a build lists;
// mou validate lists them all.
const listedWarnings = 10

// writeWarnings lists the warnings of a partnership that builds (its
// errors would have stopped it): the first listedWarnings, each with its
// hint, then how to see the rest. In a build of several partnerships, who
// names the partnership on every line.
func writeWarnings(w io.Writer, who, path string, fs partnership.Findings) {
	prefix := ""
	if who != "" {
		prefix = who + ": "
	}
	n := 0
	for _, f := range fs {
		if f.Severity != partnership.Warning {
			continue
		}
		if n++; n > listedWarnings {
			break
		}
		fmt.Fprintf(w, "%s%s\n", prefix, f)
		if f.Hint != "" {
			fmt.Fprintf(w, "%s    hint: %s\n", prefix, f.Hint)
		}
	}
	if total := fs.Warnings(); total > listedWarnings {
		fmt.Fprintf(w, "%sand %d more warning(s): `mou validate %s` lists them all\n", prefix, total-listedWarnings, path)
	}
}

// htmlKinds are the documents with an HTML edition: those a partnership
// publishes on its website. Endorsement pages are for signing, not reading
// on the web.
var htmlKinds = []string{MOU, Arrangements, YearlyReport}

// htmlEditions makes the HTML edition of each document asked for that has
// one, from the document as rendered (docs, by kind): <name>.html beside
// <name>.docx, staged with the other files so the build stays all or
// nothing.
func htmlEditions(p *partnership.Partnership, kinds []string, docs map[string]File, pdf bool) ([]File, error) {
	var out []File
	st := htmledition.StatementInput{Partnership: p.Partnership.Name, Contact: p.Partnership.Contact,
		Date: NewView(p, Arrangements).Partnership.Date.String(), PDF: pdf}
	for _, k := range htmlKinds {
		doc, ok := docs[k]
		if !ok || !slices.Contains(kinds, k) {
			continue
		}
		page, err := htmledition.FromDocx(doc.Data, htmledition.Options{Website: p.Partnership.Website, Docx: doc.Path})
		if err != nil {
			return nil, err
		}
		name := strings.TrimSuffix(doc.Path, ".docx")
		out = append(out, File{Path: name + ".html", Data: page})
		// The statement lists each edition and what the accessibility
		// check found in it.
		sd := htmledition.StatementDocument{Title: NewView(p, k).Document.Title, Editions: []htmledition.Edition{{Label: "web page", Href: name + ".html"}}}
		if pdf {
			sd.Editions = append(sd.Editions, htmledition.Edition{Label: "PDF", Href: name + ".pdf"})
		}
		sd.Editions = append(sd.Editions, htmledition.Edition{Label: "Word", Href: doc.Path})
		st.Documents = append(st.Documents, sd)
		found, err := a11y.Check(doc.Path, doc.Data)
		if err != nil {
			return nil, err
		}
		for _, f := range found {
			st.Findings = append(st.Findings, f.Message+" ("+sd.Title+"; WCAG "+f.Criterion+")")
		}
	}
	if len(st.Documents) > 0 {
		statement, err := htmledition.Statement(st)
		if err != nil {
			return nil, err
		}
		out = append(out, File{Path: "accessibility-statement.html", Data: statement})
	}
	return out, nil
}

// parallel calls fn for 0 … n-1, as many at once as there are processors:
// a few goroutines finishing one partnership after another, rather than
// one per partnership all finishing together at the end, so a sink can
// write the first while the last are still rendering.
func parallel(n int, fn func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// render fills one template for one partnership; endorsements may also be
// split into one file per signatory. It returns the files and the
// document's fingerprint.
func render(t *wordtemplate.Template, p *partnership.Partnership, kind string, split bool, fps map[string]string) ([]File, string, wordtemplate.Errors) {
	view := NewView(p, kind)
	// The page rules and the contents list are applied as the main part is
	// written, not by reading the finished package back.
	b, fp, err := stamped(t, view, fps, finishMain)
	if err != nil {
		return nil, "", wordtemplate.AsErrors(err)
	}
	files := []File{{Path: fileName(view, kind), Data: b}}
	if kind != Endorsements || !split {
		return files, fp, nil
	}
	all := view.Signatories
	for i, s := range all {
		view.Signatories = all[i : i+1]
		b, _, err := stamped(t, view, fps, nil)
		if err != nil {
			return nil, "", wordtemplate.AsErrors(err)
		}
		name := fmt.Sprintf("endorsement-%s-%02d-%s.docx", s.Document.Kind, i+1, names.Part(firstOf(s.Signatory, s.Organisation)))
		files = append(files, File{Path: name, Data: b})
	}
	return files, fp, nil
}

// fileName is a document's file name in its partnership's folder.
func fileName(v *View, kind string) string {
	if kind == YearlyReport && v.Report.Period != "" {
		return "annual-report-" + names.Part(v.Report.Period) + ".docx" // the period comes from the data: never a "/"
	}
	return templateFor[kind]
}

// folderNames names each partnership's output folder after its area
// (transliterated, else its short name, else a hash: see names.Folder),
// adding the year of its documents when two partnerships of one build share
// an area.
func folderNames[R any](rs []R, get func(R) *partnership.Partnership) []string {
	folders := make([]string, len(rs))
	count := map[string]int{}
	for i, r := range rs {
		if p := get(r); p != nil {
			folders[i] = names.Folder(p.Partnership.Area, p.Partnership.ShortName)
			count[folders[i]]++
		}
	}
	for i, r := range rs {
		if p := get(r); p != nil && count[folders[i]] > 1 {
			folders[i] += "-" + p.Partnership.Date.Time.Format("2006")
		}
	}
	return folders
}

func duplicatePath(files []File) string {
	seen := map[string]bool{}
	for _, f := range files {
		if seen[f.Path] {
			return f.Path
		}
		seen[f.Path] = true
	}
	return ""
}
