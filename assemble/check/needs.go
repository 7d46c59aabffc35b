package check

import (
	"fmt"
	"slices"
	"strings"

	"mou/assemble/check/items"
	"mou/assemble/partnership"
)

// A need is one entry of an item's `needs`: alternatives separated by `|`,
// each a presence test (`geography`, `partners[].lead.name`), a value test
// (`partners[].kind = icb, ccg`) or a coverage test
// (`funding[].rows[].partner includes partners[].id`).
type need struct {
	alts []test
}

type test struct {
	path   string
	values []string // value test: some element equals one of these
	covers string   // coverage test: every value of covers is among path's
}

// miss is one place the data falls short, and what is wrong there.
type miss struct {
	path string
	msg  string
}

func parseNeed(s string) (need, error) {
	var n need
	for _, alt := range strings.Split(s, "|") {
		alt = strings.TrimSpace(alt)
		var t test
		if l, r, ok := strings.Cut(alt, " includes "); ok {
			t = test{path: strings.TrimSpace(l), covers: strings.TrimSpace(r)}
		} else if l, r, ok := strings.Cut(alt, "="); ok {
			t.path = strings.TrimSpace(l)
			for _, v := range strings.Split(r, ",") {
				t.values = append(t.values, strings.TrimSpace(v))
			}
		} else {
			t.path = alt
		}
		if t.path == "" || strings.ContainsAny(t.path, " =") {
			return need{}, fmt.Errorf("cannot read the need %q", s)
		}
		for _, p := range []string{t.path, t.covers} {
			if p == "" {
				continue
			}
			if err := items.CheckPattern(p); err != nil {
				return need{}, err
			}
		}
		n.alts = append(n.alts, t)
	}
	return n, nil
}

// eval returns the values that evidence the need when it holds, or the
// misses of its first alternative (the one the item's `add` describes).
func (n need) eval(p *partnership.Partnership) (evidence []items.Value, misses []miss) {
	for i, t := range n.alts {
		ev, ms := t.eval(p)
		if len(ms) == 0 {
			return ev, nil
		}
		if i == 0 {
			misses = ms
		}
	}
	return nil, misses
}

func (t test) eval(p *partnership.Partnership) ([]items.Value, []miss) {
	found, missing := items.Resolve(p, t.path)
	switch {
	case t.covers != "" && len(found) == 0:
		// Nothing to compare with: the list itself is missing, said once.
		return nil, []miss{{items.ListPath(t.path), items.ListPath(t.path) + " is not given"}}
	case t.covers != "":
		have := map[string]bool{}
		for _, f := range found {
			have[items.Text(f.V)] = true
		}
		wanted, _ := items.Resolve(p, t.covers)
		// A missing value is added where the list of t.path's last year or
		// table ends: the concrete parent list of its last value.
		where := items.ListPath(t.path)
		if i := strings.LastIndex(t.path, "[]"); i >= 0 {
			if parents, _ := items.Resolve(p, t.path[:i]); len(parents) > 0 {
				where = parents[len(parents)-1].Path
			}
		}
		var ms []miss
		for _, w := range wanted {
			if v := items.Text(w.V); !have[v] {
				ms = append(ms, miss{where, fmt.Sprintf("%s (%s) is not among %s", w.Path, v, t.path)})
			}
		}
		if len(ms) > 0 {
			return nil, ms
		}
		return found, nil
	case t.values != nil:
		// An element named by a placeholder (an endorsement signed "TBC")
		// is not the evidence: the value is in the data, the person is not.
		parents := map[string]items.Value{}
		if i := strings.LastIndex(t.path, "."); i >= 0 {
			ps, _ := items.Resolve(p, t.path[:i])
			for _, pv := range ps {
				parents[pv.Path] = pv
			}
		}
		var held []miss
		for _, f := range found {
			if !slices.Contains(t.values, items.Text(f.V)) {
				continue
			}
			if i := strings.LastIndex(f.Path, "."); i >= 0 {
				if ph, ok := items.NamedBy(parents[f.Path[:i]]); ok {
					held = append(held, placeholderMiss(ph))
					continue
				}
			}
			return []items.Value{f}, nil
		}
		if len(held) > 0 {
			return nil, held
		}
		return nil, []miss{{items.ListPath(t.path), fmt.Sprintf("no %s has %s = %s", items.ListPath(t.path), lastKey(t.path), strings.Join(t.values, " or "))}}
	}
	var ms []miss
	for _, m := range missing {
		ms = append(ms, miss{m, m + " is not given"})
	}
	// A value that is only a placeholder ("A. Person", "TBC") is not given.
	for _, f := range found {
		if blank, phs := items.Blank(f); blank && len(phs) > 0 {
			ms = append(ms, placeholderMiss(phs[0]))
		}
	}
	if len(ms) > 0 {
		return nil, ms
	}
	return found, nil
}

func placeholderMiss(ph items.Value) miss {
	return miss{ph.Path, fmt.Sprintf("%s looks like a placeholder (%q), so it counts as not given", ph.Path, ph.V.String())}
}

func lastKey(pattern string) string {
	if i := strings.LastIndex(pattern, "."); i >= 0 {
		return pattern[i+1:]
	}
	return pattern
}
