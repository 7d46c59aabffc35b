package partnership

import (
	"fmt"

	"mou/assemble/format"
)

// The year: what happened in the yearly report's period ([report] start to
// end), as the yearly report prints it. Each part has structure where
// published yearly reports show one — a count, a status, an amount per
// partner — so the report can print tables and sentences from it and the
// checks can add it up; anything else goes in [text] or [points] of the
// report's sections.

// ReportYear is the [year] table.
type ReportYear struct {
	Priorities []YearPriority `toml:"priorities" validate:"dive" doc:"What was done on each priority during the year, in order."`
	Reviews    *YearReviews   `toml:"reviews" doc:"Rapid reviews and child safeguarding practice reviews during the year, what was learnt and the actions taken."`
	Audits     []YearAudit    `toml:"audits" validate:"dive" doc:"Multi-agency audits completed during the year, with what they found."`
	Training   []Course       `toml:"training" validate:"dive" doc:"Multi-agency training delivered during the year, one entry per course."`
	Attendance []Attendance   `toml:"attendance" validate:"dive" doc:"Attendance at the partnership's meetings during the year, by partner."`
	Spending   *Spending      `toml:"spending" doc:"The budget agreed for the year against what was spent, by partner."`
	Scrutiny   *YearScrutiny  `toml:"scrutiny" doc:"What independent scrutiny found during the year, the partners' response, and the scrutineer's statement."`
	Voice      []Heard        `toml:"voice" validate:"dive" doc:"What children and families said during the year and what changed because of it."`
	Next       []Priority     `toml:"next_priorities" validate:"dive" doc:"The priorities for the next year, in order."`
}

// Progress on a priority, from most to least.
var Progress = map[string]string{
	"achieved": "achieved",
	"good":     "good progress",
	"some":     "some progress",
	"little":   "little or no progress",
}

// YearPriority is one priority's year.
type YearPriority struct {
	Title    string   `toml:"title" validate:"required,trimmed" doc:"The priority, as [[partnership.priorities]] names it."`
	Done     []string `toml:"done" doc:"What the partners did on it during the year, one entry per piece of work, each a sentence."`
	Progress string   `toml:"progress" validate:"omitempty,oneof=achieved good some little" doc:"How far it got: achieved, good, some or little (little or no progress)."`
	Why      string   `toml:"why" doc:"Where progress was some or little: why, and what will change, in a sentence or two."`
}

// Review action statuses.
var ActionStatuses = map[string]string{"done": "Done", "in-progress": "In progress", "planned": "Planned"}

// YearReviews is the year's reviews.
type YearReviews struct {
	Rapid        int            `toml:"rapid" validate:"gte=0" doc:"Rapid reviews held during the year."`
	Commissioned int            `toml:"commissioned" validate:"gte=0" doc:"Local child safeguarding practice reviews commissioned during the year."`
	Published    int            `toml:"published" validate:"gte=0" doc:"Local child safeguarding practice reviews published during the year."`
	National     int            `toml:"national" validate:"gte=0" doc:"National reviews (by the Child Safeguarding Practice Review Panel) whose recommendations the partners acted on during the year."`
	Themes       []string       `toml:"themes" doc:"The learning themes from the reviews, one per entry."`
	Actions      []ReviewAction `toml:"actions" validate:"dive" doc:"Actions taken or planned on the reviews' recommendations."`
}

// ReviewAction is one action on a review's recommendation.
type ReviewAction struct {
	Action string `toml:"action" validate:"required,trimmed" doc:"What the partners did or will do."`
	Review string `toml:"review" validate:"required,trimmed" doc:"The review it answers, e.g. \"Local review: Child R\" or a national review's title."`
	Status string `toml:"status" validate:"required,oneof=done in-progress planned" doc:"done, in-progress or planned."`
	Result string `toml:"result" doc:"The improvement that resulted, once known."`
}

// YearAudit is one audit and what it found.
type YearAudit struct {
	Name     string   `toml:"name" validate:"required,trimmed" doc:"The audit, e.g. \"Multi-agency audit of neglect\"."`
	Cases    int      `toml:"cases" validate:"gte=0" doc:"How many children's records it looked at."`
	Findings []string `toml:"findings" doc:"What it found, one finding per entry."`
}

// Course is one multi-agency training course and who came.
type Course struct {
	Course   string `toml:"course" validate:"required,trimmed" doc:"The course, e.g. \"Working together: an introduction\"."`
	Sessions int    `toml:"sessions" validate:"gte=0" doc:"Sessions delivered during the year."`
	Attended int    `toml:"attended" validate:"gte=0" doc:"People who attended, all sessions together."`
}

// Attendance is one partner's attendance at the partnership's meetings.
type Attendance struct {
	Partner  string `toml:"partner" validate:"required" doc:"Id of the partner."`
	Attended int    `toml:"attended" validate:"gte=0" doc:"Meetings the partner's representative attended."`
	Of       int    `toml:"of" validate:"gte=1" doc:"Meetings the partner was expected at."`
}

// Spending is the year's budget against what was spent.
type Spending struct {
	Rows        []SpendRow `toml:"rows" validate:"required,min=1,dive" doc:"One row per partner."`
	AgreedTotal *Money     `toml:"agreed_total" doc:"The total agreed, as published; checked against the rows."`
	SpentTotal  *Money     `toml:"spent_total" doc:"The total spent, as published; checked against the rows."`
	Note        string     `toml:"note" doc:"A remark on spending against the budget, printed under the table."`
}

// SpendRow is one partner's budget and spending.
type SpendRow struct {
	Partner string `toml:"partner" validate:"required" doc:"Id of the partner."`
	Agreed  Money  `toml:"agreed" doc:"What the partner agreed to contribute for the year, in pounds."`
	Spent   Money  `toml:"spent" doc:"What was spent of it, in pounds."`
}

// YearScrutiny is independent scrutiny's year.
type YearScrutiny struct {
	Findings  []string `toml:"findings" doc:"What independent scrutiny found during the year, one finding per entry."`
	Response  []string `toml:"response" doc:"What the partners did, or will do, about the findings, one entry each."`
	Statement string   `toml:"statement" doc:"The scrutineer's statement on the year, in their own words (blank lines between paragraphs); signed with the scrutineer named in [scrutiny]."`
	Date      *Date    `toml:"date" doc:"When the scrutineer gave the statement."`
}

// Heard is one thing children or families said, and what changed.
type Heard struct {
	From    string `toml:"from" validate:"required,trimmed" doc:"Who was heard, and how, e.g. \"Meresides Youth Voice, at two review days\"."`
	Heard   string `toml:"heard" validate:"required,trimmed" doc:"What they said, in a sentence."`
	Changed string `toml:"changed" doc:"What the partners changed because of it, in a sentence."`
}

// Totals adds up the rows: what was agreed and what was spent.
func (s *Spending) Totals() (agreed, spent Money) {
	for _, row := range s.Rows {
		agreed.pence += row.Agreed.Pence()
		spent.pence += row.Spent.Pence()
	}
	return agreed, spent
}

// year checks that the year's figures are sound and add up, and that what
// it refers to exists.
func (r *rules) year() {
	y := r.p.Year
	if y == nil {
		return
	}
	for i, a := range y.Attendance {
		path := fmt.Sprintf("year.attendance[%d]", i)
		r.resolve(a.Partner, path+".partner")
		if a.Attended > a.Of && a.Of > 0 {
			r.add(Error, "year.attendance", path+".attended",
				fmt.Sprintf("the partner attended %d meetings of %d: attendance cannot be more than the meetings held", a.Attended, a.Of),
				"correct attended or of")
		}
	}
	if s := y.Spending; s != nil {
		sound := true
		for i, row := range s.Rows {
			path := fmt.Sprintf("year.spending.rows[%d]", i)
			r.resolve(row.Partner, path+".partner")
			sound = r.amount(row.Agreed, path+".agreed") && sound
			sound = r.amount(row.Spent, path+".spent") && sound
		}
		agreed, spent := s.Totals()
		r.total(s.AgreedTotal, agreed, "year.spending.agreed_total", "agreed", sound)
		r.total(s.SpentTotal, spent, "year.spending.spent_total", "spent", sound)
	}
	if sc := y.Scrutiny; sc != nil && sc.Statement != "" {
		if s := r.p.Scrutiny; s == nil || s.Scrutineer == nil && s.Chair == nil {
			r.add(Error, "year.statement-by", "year.scrutiny.statement",
				"the scrutineer's statement names no one: [scrutiny] has no scrutineer or independent chair",
				`add scrutineer = { name = "…", title = "…" } under [scrutiny]`)
		}
	}
}

// total checks a published total against the sum of its rows.
func (r *rules) total(declared *Money, sum Money, path, what string, sound bool) {
	if declared == nil || !r.amount(*declared, path) || !sound || declared.Pence() == sum.Pence() {
		return
	}
	diff, more := declared.Pence()-sum.Pence(), "more"
	if diff < 0 {
		diff, more = -diff, "less"
	}
	r.add(Error, "year.total-mismatch", path,
		fmt.Sprintf("the total %s, %s, is not the sum of the rows, %s: it is %s %s",
			what, format.Pence(declared.Pence()), format.Pence(sum.Pence()), format.Pence(diff), more),
		"correct the rows or the total")
}
