package partnership

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-playground/validator/v10"

	"mou/assemble/format"
	"mou/assemble/internal/suggest"
	"mou/assemble/internal/tags"
)

// Options tune validation.
type Options struct {
	// Today is the date "in the future" is measured against; zero means now.
	Today time.Time
	// Register names the team's register of reorganisations; when empty,
	// Check reads reorganisations.toml beside the data if there is one.
	Register string
	// Reorganisations are added to the built-in register (Check reads
	// them from Register).
	Reorganisations []Reorganisation
}

// Check loads and validates in one step: the usual entry point.
func Check(opts Options, paths ...string) (*Partnership, Findings, error) {
	p, findings, err := Load(paths...)
	if err != nil {
		return p, findings, err
	}
	if reg := userRegister(opts.Register, paths); reg != "" {
		rs, fs, err := LoadRegister(reg)
		if err != nil {
			return nil, nil, err
		}
		findings = append(findings, fs...)
		opts.Reorganisations = append(slices.Clip(opts.Reorganisations), rs...)
	}
	if p == nil {
		findings.Sort()
		return p, findings, nil
	}
	findings = append(findings, p.Validate(opts)...)
	findings.Sort()
	return p, findings, nil
}

// Validate applies the field rules and the domain rules and returns every
// finding, sorted by file and line.
func (p *Partnership) Validate(opts Options) Findings {
	if opts.Today.IsZero() {
		opts.Today = time.Now()
	}
	var out Findings
	out = append(out, p.fieldRules()...)
	r := &rules{p: p, opts: opts}
	r.run()
	out = append(out, r.findings...)
	out.Sort()
	return out
}

var (
	validatorOnce sync.Once
	fieldValidate *validator.Validate
	slugRE        = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	finYearRE     = regexp.MustCompile(`^(\d{4})/(\d{2})$`)
)

func theValidator() *validator.Validate {
	validatorOnce.Do(func() {
		v := validator.New(validator.WithRequiredStructEnabled())
		v.RegisterTagNameFunc(func(f reflect.StructField) string {
			if n, ok := tags.Key(f); ok {
				return n
			}
			return "-"
		})
		must := func(err error) {
			if err != nil {
				panic(err)
			}
		}
		must(v.RegisterValidation("slug", func(fl validator.FieldLevel) bool {
			return slugRE.MatchString(fl.Field().String())
		}))
		must(v.RegisterValidation("finyear", func(fl validator.FieldLevel) bool {
			return validFinancialYear(fl.Field().String())
		}))
		must(v.RegisterValidation("trimmed", func(fl validator.FieldLevel) bool {
			s := fl.Field().String()
			return s == strings.TrimSpace(s)
		}))
		fieldValidate = v
	})
	return fieldValidate
}

// validFinancialYear accepts "2019/20" where the second year follows the first.
func validFinancialYear(s string) bool {
	m := finYearRE.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	y, _ := strconv.Atoi(m[1])
	next, _ := strconv.Atoi(m[2])
	return (y+1)%100 == next
}

// fieldRules runs the struct-tag rules and turns validator's errors into
// sentences; its raw "Key: … Error:Field validation" text never reaches a user.
func (p *Partnership) fieldRules() Findings {
	err := theValidator().Struct(p)
	var verrs validator.ValidationErrors
	if err == nil || !errors.As(err, &verrs) {
		return nil
	}
	var out Findings
	for _, fe := range verrs {
		path := validatorPath(fe.Namespace())
		if p.reported(path) {
			continue
		}
		if f, ok := p.fieldFinding(fe, path); ok {
			out = append(out, f)
		}
	}
	return out
}

// validatorPath turns "Partnership.partners[1].lead" into "partners[1].lead".
func validatorPath(ns string) string {
	_, rest, _ := strings.Cut(ns, ".")
	return rest
}

func (p *Partnership) fieldFinding(fe validator.FieldError, path string) (Finding, bool) {
	name := fe.Field()
	doc := docFor(fe)
	value := fmt.Sprint(fe.Value())
	var msg, hint string
	rule := "field." + fe.Tag()
	switch fe.Tag() {
	case "required":
		if p.src.defined(path) {
			if fe.Kind() == reflect.Struct && fe.Type() == moneyType {
				return Finding{}, false // an amount of 0 was written: that is a value
			}
			msg = fmt.Sprintf("%s is empty", name)
		} else {
			msg = fmt.Sprintf("%s is missing", name)
		}
		hint = fmt.Sprintf("add %s = %s", name, example(fe))
		if doc != "" {
			hint += " — " + doc
		}
	case "oneof":
		allowed := strings.Fields(fe.Param())
		msg = fmt.Sprintf("%s must be one of %s; found %q", name, strings.Join(quoteAll(allowed), ", "), value)
		if near := suggest.Nearest(value, allowed); near != "" {
			hint = fmt.Sprintf("did you mean %s = %q?", name, near)
		}
		if fe.Kind() == reflect.Int {
			msg = fmt.Sprintf("%s must be one of %s; found %s", name, strings.Join(allowed, ", "), value)
			hint = ""
		}
	case "min":
		msg = fmt.Sprintf("%s needs at least %s %s", name, fe.Param(), map[bool]string{true: "entry", false: "entries"}[fe.Param() == "1"])
		hint = doc
	case "url":
		msg = fmt.Sprintf("%s should be a full web address; found %q", name, value)
		hint = "write it with https://, e.g. https://www.example.org.uk"
	case "slug":
		msg = fmt.Sprintf("%s should be lower-case letters, digits and hyphens; found %q", name, value)
		hint = fmt.Sprintf("e.g. %s = %q", name, format.Slug(value))
	case "finyear":
		msg = fmt.Sprintf("%s should be a financial year such as \"2019/20\"; found %q", name, value)
	case "trimmed":
		msg = fmt.Sprintf("%s has a space at the start or end: %q", name, value)
		hint = fmt.Sprintf("write %s = %q", name, strings.TrimSpace(value))
		rule = "text.spaces"
	case "gte":
		msg = fmt.Sprintf("%s must not be negative; found %s", name, value)
	default:
		msg = fmt.Sprintf("%s does not satisfy the rule %q", name, fe.Tag())
	}
	return p.src.finding(Error, rule, path, msg, hint), true
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Quote(s)
	}
	return out
}

// docFor returns the doc tag of the failing field.
func docFor(fe validator.FieldError) string {
	// StructNamespace is "Partnership.Partners[1].Lead"; walk it by Go names.
	t := reflect.TypeOf(Partnership{})
	parts := strings.Split(fe.StructNamespace(), ".")[1:]
	var doc string
	for _, part := range parts {
		part, _, _ = strings.Cut(part, "[")
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return ""
		}
		f, ok := t.FieldByName(part)
		if !ok {
			return ""
		}
		doc, t = f.Tag.Get("doc"), f.Type
	}
	return doc
}

// example suggests a value of the right shape for a missing field.
func example(fe validator.FieldError) string {
	switch fe.Type() {
	case dateType:
		return "2019-09-10"
	case moneyType:
		return "0"
	}
	switch fe.Kind() {
	case reflect.Int:
		if strings.Contains(fe.Param(), "2018") || fe.Field() == "edition" {
			return "2023"
		}
		return "0"
	case reflect.Slice:
		return "[ … ]"
	case reflect.Pointer, reflect.Struct:
		return "{ … }"
	}
	return `"…"`
}
