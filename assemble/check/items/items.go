// Package items holds what each edition of Working Together to Safeguard
// Children asks of a partnership's documents, as data: one embedded table
// (items.toml), each item with its editions, must or should, the date it
// applies from, its source, the data that evidences it and the section of the
// built document that carries it.
//
// The table is data so that a new edition, or the commencement of an Act,
// is an edit to items.toml. Items name data by the paths a data file uses
// (paths.go resolves them through the model's toml tags) and sections by
// their headings, not by Go fields. `mou check` (package check) reads the
// table, and so does the yearly report's appendix (package documents): the
// package depends only on the data model, so both may use it.
package items

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"
)

//go:embed items.toml
var table string

// Item is one requirement of the guidance.
type Item struct {
	ID       string    `toml:"id"`
	Group    string    `toml:"group"`
	Level    string    `toml:"level"`
	Editions []int     `toml:"editions"`
	About    string    `toml:"about"`
	Source   string    `toml:"source"`
	From     time.Time `toml:"from"`
	Starts   string    `toml:"starts"`
	When     string    `toml:"when"`
	WhenNot  string    `toml:"when_not"`
	Needs    []string  `toml:"needs"`
	Evidence []string  `toml:"evidence"`
	Add      string    `toml:"add"`
	Adds     []string  `toml:"adds"`
	Document string    `toml:"document"`
	Headings []string  `toml:"headings"`
	Shows    []string  `toml:"shows"`
}

// Levels and groups, in the order reports show them.
const (
	Must   = "must"
	Should = "should"
)

// Groups are the guidance's own parts, in order.
var Groups = []string{"partners", "arrangements", "report"}

// GroupTitles name the groups in reports.
var GroupTitles = map[string]string{
	"partners":     "The safeguarding partners",
	"arrangements": "The published arrangements",
	"report":       "The yearly report",
}

// Documents an item may name.
var Documents = []string{"mou", "arrangements", "report"}

// InEdition reports whether the item belongs to the edition.
func (it Item) InEdition(year int) bool { return slices.Contains(it.Editions, year) }

// AddFor is what to add when the item's i-th need is missing.
func (it Item) AddFor(i int) string {
	if i < len(it.Adds) && it.Adds[i] != "" {
		return it.Adds[i]
	}
	return it.Add
}

// Pending reports whether the item waits for a day not yet known.
func (it Item) Pending() bool { return it.Starts != "" && it.From.IsZero() }

var (
	once   sync.Once
	loaded []Item
	errAll error
)

// All returns the embedded table, in its order. The table is checked by
// Parse; a broken embedded table is a programming error and panics.
func All() []Item {
	once.Do(func() { loaded, errAll = Parse(table) })
	if errAll != nil {
		panic("items.toml: " + errAll.Error())
	}
	return loaded
}

// Parse reads an item table (the embedded one, or another for tests) and
// checks each item's fields.
func Parse(text string) ([]Item, error) {
	var doc struct {
		Item []Item `toml:"item"`
	}
	md, err := toml.Decode(text, &doc)
	if err != nil {
		return nil, err
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("unknown key %s", und[0])
	}
	seen := map[string]bool{}
	var problems []string
	for i, it := range doc.Item {
		bad := func(format string, a ...any) {
			problems = append(problems, fmt.Sprintf("item %d (%s): %s", i+1, it.ID, fmt.Sprintf(format, a...)))
		}
		switch {
		case it.ID == "":
			bad("no id")
		case seen[it.ID]:
			bad("id used twice")
		}
		seen[it.ID] = true
		if !slices.Contains(Groups, it.Group) {
			bad("group %q is not one of %s", it.Group, strings.Join(Groups, ", "))
		}
		if it.Level != Must && it.Level != Should {
			bad("level %q is not must or should", it.Level)
		}
		if len(it.Editions) == 0 {
			bad("no editions")
		}
		if it.About == "" || it.Source == "" {
			bad("about and source are both needed")
		}
		if !slices.Contains(Documents, it.Document) || len(it.Headings) == 0 {
			bad("document must be one of %s, with headings", strings.Join(Documents, ", "))
		}
		if (it.When == "") != (it.WhenNot == "") {
			bad("when and when_not go together")
		}
		switch {
		case len(it.Needs) == 0:
			// The template's own wording is the same for every partnership:
			// it cannot show that this one meets the item.
			bad("no needs: an item is met only by the data, so name the data that evidences it")
		case len(it.Adds) > 0 && len(it.Adds) != len(it.Needs):
			bad("%d adds for %d needs: give one add per need, or a single add", len(it.Adds), len(it.Needs))
		case it.Add == "" && len(it.Adds) == 0:
			bad("needs without add: say what to add when it is missing")
		}
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(problems, "; "))
	}
	return doc.Item, nil
}
