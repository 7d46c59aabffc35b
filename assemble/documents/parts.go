package documents

import (
	"reflect"
	"strings"
	"sync"

	"mou/assemble/partnership"
)

// Part is one section of the arrangements, in the order the partnership
// gives: exactly one flag is true, so the template, which loops over the
// parts, prints that section and no other. The flags have an is_ prefix so
// that inside the loop they never hide the data's own names.
type Part struct {
	ID                 string `toml:"part_id"`
	IsForeword         bool   `toml:"is_foreword"`
	IsBackground       bool   `toml:"is_background"`
	IsPartners         bool   `toml:"is_partners"`
	IsGeography        bool   `toml:"is_geography"`
	IsAims             bool   `toml:"is_aims"`
	IsLegislation      bool   `toml:"is_legislation"`
	IsGovernance       bool   `toml:"is_governance"`
	IsRelevantAgencies bool   `toml:"is_relevant_agencies"`
	IsBoards           bool   `toml:"is_boards"`
	IsEducation        bool   `toml:"is_education"`
	IsFunding          bool   `toml:"is_funding"`
	IsDisputes         bool   `toml:"is_disputes"`
	IsScrutiny         bool   `toml:"is_scrutiny"`
	IsData             bool   `toml:"is_data"`
	IsTraining         bool   `toml:"is_training"`
	IsReviews          bool   `toml:"is_reviews"`
	IsAudit            bool   `toml:"is_audit"`
	IsTaskGroups       bool   `toml:"is_task_groups"`
	IsVoice            bool   `toml:"is_voice"`
	IsProcedures       bool   `toml:"is_procedures"`
	IsThreshold        bool   `toml:"is_threshold"`
	IsYouthCustody     bool   `toml:"is_youth_custody"`
	IsChildDeath       bool   `toml:"is_child_death"`
	IsReview           bool   `toml:"is_review"`
	IsMilestones       bool   `toml:"is_milestones"`
	IsGlossary         bool   `toml:"is_glossary"`
	IsHistory          bool   `toml:"is_history"`
	IsStructure        bool   `toml:"is_structure"`
}

// parts returns the arrangements' sections in the partnership's order.
func parts(p *partnership.Partnership) []Part {
	var out []Part
	flags := partFlags()
	for _, id := range p.OrderedParts() {
		pt := Part{ID: id}
		if i, ok := flags["is_"+TextKey(id)]; ok {
			reflect.ValueOf(&pt).Elem().Field(i).SetBool(true)
		}
		out = append(out, pt)
	}
	return out
}

// partFlags maps each Is… field's TOML name to its index in Part: read
// from the struct tags once, not for every part of every partnership.
var partFlags = sync.OnceValue(func() map[string]int {
	t := reflect.TypeFor[Part]()
	flags := map[string]int{}
	for i := range t.NumField() {
		if name := t.Field(i).Tag.Get("toml"); strings.HasPrefix(name, "is_") {
			flags[name] = i
		}
	}
	return flags
})
