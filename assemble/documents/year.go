package documents

import (
	"fmt"
	"math"
	"strings"

	"mou/assemble/partnership"
)

// The yearly report's year ([year] in the data) as the report prints it:
// the totals of its tables worked out, counts in sentences whose grammar
// follows the count, and partners by name rather than id.

// Year is the year the yearly report looks back on.
type Year struct {
	Priorities []YearPriority `toml:"priorities"`
	// Slow are the priorities with some or little progress: the report's
	// section on where progress has been slow lists them.
	Slow []YearPriority `toml:"slow"`
	// SlowSentence says how many priorities made slow progress, when the
	// data gives every priority's progress: "No priority …" when none did.
	SlowSentence string              `toml:"slow_sentence"`
	Reviews      *YearReviews        `toml:"reviews"`
	Audits       []YearAudit         `toml:"audits"`
	Training     *Training           `toml:"training"`
	Attendance   []Attendance        `toml:"attendance"`
	Spending     *Spending           `toml:"spending"`
	Scrutiny     *YearScrutiny       `toml:"scrutiny"`
	Voice        []partnership.Heard `toml:"voice"`
	Next         []Priority          `toml:"next_priorities"`
}

// YearPriority is a priority's year, its progress in a sentence.
type YearPriority struct {
	partnership.YearPriority
	ProgressSentence string `toml:"progress_sentence"`
}

// YearReviews is the year's reviews, its counts in a sentence.
type YearReviews struct {
	partnership.YearReviews
	Sentence string `toml:"sentence"`
	// Actions carry their status in words.
	Actions []ReviewAction `toml:"actions"`
}

// ReviewAction is an action on a review, its status in words.
type ReviewAction struct {
	partnership.ReviewAction
	StatusText string `toml:"status_text"`
}

// YearAudit is an audit with how many records it looked at, in a lead-in.
type YearAudit struct {
	partnership.YearAudit
	FindingsLead string `toml:"findings_lead"`
}

// Training is the year's courses with their totals.
type Training struct {
	Courses  []partnership.Course `toml:"courses"`
	Sessions int                  `toml:"sessions"`
	Attended int                  `toml:"attended"`
}

// Attendance is one partner's attendance, with the partner's name and the
// share of meetings attended.
type Attendance struct {
	partnership.Attendance
	Name    string `toml:"name"`
	Percent string `toml:"percent"`
}

// Spending is the budget agreed against spent, with totals.
type Spending struct {
	Rows   []SpendRow        `toml:"rows"`
	Agreed partnership.Money `toml:"agreed"`
	Spent  partnership.Money `toml:"spent"`
	Note   string            `toml:"note"`
}

// SpendRow is one partner's budget and spending.
type SpendRow struct {
	partnership.SpendRow
	Name string `toml:"name"`
}

// YearScrutiny is scrutiny's year: the statement in paragraphs, and who
// gave it.
type YearScrutiny struct {
	Findings  []string          `toml:"findings"`
	Response  []string          `toml:"response"`
	Statement []string          `toml:"statement"`
	Date      *partnership.Date `toml:"date"`
	By        *Person           `toml:"by"`
}

// progressSentences follow the priority's heading, in activity and again
// where progress was slow: "It" is the priority.
var progressSentences = map[string]string{
	"achieved": "It was achieved during the year.",
	"good":     "It made good progress during the year.",
	"some":     "It made some progress during the year.",
	"little":   "It made little or no progress during the year.",
}

// yearView builds the year; nil when the data has no [year].
func yearView(p *partnership.Partnership, v *View) *Year {
	y := p.Year
	if y == nil {
		return nil
	}
	st := styler(p)
	out := &Year{}
	allKnown := len(y.Priorities) > 0
	for _, pr := range y.Priorities {
		yp := YearPriority{YearPriority: pr, ProgressSentence: progressSentences[pr.Progress]}
		out.Priorities = append(out.Priorities, yp)
		allKnown = allKnown && pr.Progress != ""
		if pr.Progress == "some" || pr.Progress == "little" {
			out.Slow = append(out.Slow, yp)
		}
	}
	if allKnown {
		if len(out.Slow) == 0 {
			out.SlowSentence = "Every priority was achieved or made good progress during the year."
		} else {
			out.SlowSentence = fmt.Sprintf("Of the partnership's %s, %s:", counted(len(y.Priorities), "priority", "priorities"),
				these(len(out.Slow), "one made less progress than planned", numberWord(len(out.Slow))+" made less progress than planned"))
		}
	}
	if r := y.Reviews; r != nil {
		out.Reviews = &YearReviews{YearReviews: *r, Sentence: reviewsSentence(*r)}
		for _, a := range r.Actions {
			out.Reviews.Actions = append(out.Reviews.Actions, ReviewAction{ReviewAction: a, StatusText: partnership.ActionStatuses[a.Status]})
		}
	}
	for _, a := range y.Audits {
		lead := "It found:"
		if a.Cases > 0 {
			lead = fmt.Sprintf("It looked at %s and found:", counted(a.Cases, "child's records", "children's records"))
		}
		out.Audits = append(out.Audits, YearAudit{YearAudit: a, FindingsLead: lead})
	}
	if len(y.Training) > 0 {
		t := &Training{Courses: y.Training}
		for _, c := range y.Training {
			t.Sessions += c.Sessions
			t.Attended += c.Attended
		}
		out.Training = t
	}
	for _, a := range y.Attendance {
		row := Attendance{Attendance: a, Name: a.Partner}
		if pt := p.Partner(a.Partner); pt != nil {
			row.Name = pt.Organisation
		}
		if a.Of > 0 {
			row.Percent = fmt.Sprintf("%d%%", int(math.Round(100*float64(a.Attended)/float64(a.Of))))
		}
		out.Attendance = append(out.Attendance, row)
	}
	if s := y.Spending; s != nil {
		sp := &Spending{Note: s.Note}
		sp.Agreed, sp.Spent = s.Totals()
		for _, r := range s.Rows {
			row := SpendRow{SpendRow: r, Name: r.Partner}
			if pt := p.Partner(r.Partner); pt != nil {
				row.Name = pt.Organisation
			}
			sp.Rows = append(sp.Rows, row)
		}
		out.Spending = sp
	}
	if s := y.Scrutiny; s != nil {
		ys := &YearScrutiny{Findings: s.Findings, Response: s.Response, Statement: paragraphs(s.Statement)}
		if s.Date != nil && !s.Date.IsZero() {
			d := st(*s.Date)
			ys.Date = &d
		}
		if v.Scrutiny != nil {
			ys.By = firstPerson(v.Scrutiny.Scrutineer, v.Scrutiny.Lead)
		}
		out.Scrutiny = ys
	}
	out.Voice = y.Voice
	for _, pr := range y.Next {
		out.Next = append(out.Next, Priority{Priority: pr, ActionsLead: leadFor(pr.Actions,
			"We will achieve this by:", "To achieve this we will:", "What we will do:")})
	}
	return out
}

// reviewsSentence states the year's reviews in one sentence, leaving out
// the counts that are nought; empty when all are.
func reviewsSentence(r partnership.YearReviews) string {
	var parts []string
	if r.Rapid > 0 {
		parts = append(parts, "held "+counted(r.Rapid, "rapid review", "rapid reviews"))
	}
	const local, locals = "local child safeguarding practice review", "local child safeguarding practice reviews"
	switch {
	case r.Commissioned > 0 && r.Published > 0:
		parts = append(parts, "commissioned "+counted(r.Commissioned, local, locals), "published "+numberWord(r.Published))
	case r.Commissioned > 0:
		parts = append(parts, "commissioned "+counted(r.Commissioned, local, locals))
	case r.Published > 0:
		parts = append(parts, "published "+counted(r.Published, local, locals))
	}
	s := ""
	if len(parts) > 0 {
		s = "During the year the partners " + list(parts) + "."
	}
	if r.National > 0 {
		n := "They acted on the recommendations of " + counted(r.National, "national review", "national reviews") + " by the Child Safeguarding Practice Review Panel."
		if s == "" {
			n = "During the year the partners acted on the recommendations of " + counted(r.National, "national review", "national reviews") + " by the Child Safeguarding Practice Review Panel."
		}
		s = strings.TrimSpace(s + " " + n)
	}
	return s
}

// paragraphs splits wording at blank lines.
func paragraphs(t string) []string {
	var out []string
	for _, para := range strings.Split(strings.ReplaceAll(t, "\r\n", "\n"), "\n\n") {
		if para = strings.TrimSpace(para); para != "" {
			out = append(out, para)
		}
	}
	return out
}
