package schema

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// Violation is one failing leaf of a validation, attributed to a rule.
type Violation struct {
	// Instance is the JSON pointer of the failing value ("/messages/2/role").
	Instance string
	// Keyword is the failing keyword ("type", "enum", "not", "required", …).
	Keyword string
	// SchemaLocation is the absolute location of the failing keyword.
	SchemaLocation string
	// Rule is the rule the violation belongs to; Annotation is the x-deepseekvet
	// object that chose it, if any.
	Rule       *Rule
	Annotation *Annotation
	// Expected describes what the keyword wanted: types, allowed values, a range or
	// the missing field names.
	Expected string
	// Missing lists the absent property names of a "required" failure.
	Missing []string
	// Conditions lists the "if" schemas whose outcome led to this violation (it
	// failed inside their "then" or "else"), with the instance each was applied to.
	Conditions []Condition
}

// Condition is an "if" applied to an instance.
type Condition struct {
	If       string // absolute location of the "if" schema
	Instance string // JSON pointer of the instance it tested
}

// Validate validates a JSON instance (as decoded with UseNumber, or built from
// map[string]any, []any, string, json.Number, float64, bool and nil) against an
// endpoint's schema and returns its violations, sorted by instance and rule.
func (c *Contract) Validate(ep Endpoint, instance any) ([]Violation, error) {
	sch, err := c.root(ep)
	if err != nil {
		return nil, err
	}
	err = sch.Validate(instance)
	if err == nil {
		return nil, nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return nil, err
	}
	var out []Violation
	c.leaves(ve, nil, &out)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Instance != out[j].Instance {
			return out[i].Instance < out[j].Instance
		}
		return out[i].Rule.ID < out[j].Rule.ID
	})
	return dedupe(out), nil
}

func (c *Contract) leaves(ve *jsonschema.ValidationError, conds []Condition, out *[]Violation) {
	loc := ve.AbsoluteKeywordLocation
	if strings.HasSuffix(loc, "/then") || strings.HasSuffix(loc, "/else") {
		conds = append(conds[:len(conds):len(conds)], Condition{If: loc[:strings.LastIndexByte(loc, '/')] + "/if", Instance: ve.InstanceLocation})
	}
	if extensionKeyword(loc) != "" {
		// A cross-item keyword fails because of what it read across the instance: the
		// keyword itself is the condition (ConditionPaths knows what it reads).
		conds = append(conds[:len(conds):len(conds)], Condition{If: loc, Instance: ve.InstanceLocation})
	}
	if len(ve.Causes) > 0 && !strings.HasSuffix(loc, "/contains") && !strings.HasSuffix(loc, "/minContains") {
		// A failed "contains" is one problem of the array, not one per item.
		causes := ve.Causes
		if strings.HasSuffix(loc, "/anyOf") || strings.HasSuffix(loc, "/oneOf") {
			if v, ok := c.collapseTypes(ve, conds); ok {
				*out = append(*out, v)
				return
			}
			causes = []*jsonschema.ValidationError{bestMatch(causes)}
		}
		for _, cause := range causes {
			c.leaves(cause, conds, out)
		}
		return
	}
	*out = append(*out, c.violation(ve, conds))
}

func (c *Contract) violation(ve *jsonschema.ValidationError, conds []Condition) Violation {
	keyword := ve.KeywordLocation[strings.LastIndexByte(ve.KeywordLocation, '/')+1:]
	if strings.HasPrefix(ve.Message, "not allowed") && !strings.HasSuffix(ve.AbsoluteKeywordLocation, "/not") {
		keyword = "false"
	}
	v := Violation{Instance: ve.InstanceLocation, Keyword: keyword, SchemaLocation: ve.AbsoluteKeywordLocation, Conditions: conds}
	v.Annotation, _ = c.AnnotationAt(ve.AbsoluteKeywordLocation)
	if v.Annotation != nil {
		v.Rule = c.rules[v.Annotation.Rule]
	} else {
		v.Rule = c.rules[fallbackRule[keyword]]
	}
	if v.Rule == nil {
		v.Rule = c.rules["DS105"]
	}
	v.Expected, v.Missing = c.expected(keyword, ve)
	return v
}

// collapseTypes turns an anyOf/oneOf whose branches all fail on the type of the same
// instance into one type violation listing every accepted type.
func (c *Contract) collapseTypes(ve *jsonschema.ValidationError, conds []Condition) (Violation, bool) {
	var leaves []*jsonschema.ValidationError
	var walk func(*jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			leaves = append(leaves, e)
		}
		for _, x := range e.Causes {
			walk(x)
		}
	}
	walk(ve)
	var expected []string
	for _, l := range leaves {
		if !strings.HasSuffix(l.KeywordLocation, "/type") || l.InstanceLocation != ve.InstanceLocation {
			return Violation{}, false
		}
		e, _ := c.expected("type", l)
		expected = append(expected, e)
	}
	v := c.violation(leaves[0], conds)
	v.Expected = strings.Join(expected, " or ")
	return v, true
}

// bestMatch picks, among failing alternatives, the branch the value was meant to
// match: one it fails on something other than its type (an array of 17 stop strings
// fails maxItems, not "type: string"), then the one whose error goes deepest.
func bestMatch(causes []*jsonschema.ValidationError) *jsonschema.ValidationError {
	best, score := causes[0], -1
	for _, cause := range causes {
		d := maxDepth(cause) * 2
		if !typeOnly(cause) {
			d++
		}
		if d > score {
			best, score = cause, d
		}
	}
	return best
}

// typeOnly reports whether every leaf of an error is a type mismatch.
func typeOnly(e *jsonschema.ValidationError) bool {
	if len(e.Causes) == 0 {
		return strings.HasSuffix(e.KeywordLocation, "/type")
	}
	for _, c := range e.Causes {
		if !typeOnly(c) {
			return false
		}
	}
	return true
}

func maxDepth(e *jsonschema.ValidationError) int {
	d := strings.Count(e.InstanceLocation, "/")
	for _, x := range e.Causes {
		d = max(d, maxDepth(x))
	}
	return d
}

// fallbackRule picks a rule from the failing keyword when no annotation does.
var fallbackRule = map[string]string{
	"type": "DS103", "enum": "DS104", "const": "DS104",
	"minimum": "DS105", "maximum": "DS105", "exclusiveMinimum": "DS105", "exclusiveMaximum": "DS105",
	"minLength": "DS105", "maxLength": "DS105", "pattern": "DS105", "maxItems": "DS105", "minItems": "DS105",
	"required": "DS106", "not": "DS502", "false": "DS502",
}

// expected renders what a failing keyword wanted, from the schema itself.
func (c *Contract) expected(keyword string, ve *jsonschema.ValidationError) (string, []string) {
	loc := ve.AbsoluteKeywordLocation
	raw := c.SchemaAt(loc)
	switch keyword {
	case "type":
		switch t := raw.(type) {
		case string:
			return article(t), nil
		case []any:
			var parts []string
			for _, x := range t {
				if s, ok := x.(string); ok && s != "null" {
					parts = append(parts, article(s))
				}
			}
			return strings.Join(parts, " or "), nil
		}
	case "enum":
		if list, ok := raw.([]any); ok {
			var parts []string
			for _, x := range list {
				parts = append(parts, jsonText(x))
			}
			return strings.Join(parts, ", "), nil
		}
	case "const":
		return jsonText(raw), nil
	case "minimum":
		return "the minimum is " + jsonText(raw), nil
	case "maximum":
		return "the maximum is " + jsonText(raw), nil
	case "exclusiveMinimum":
		return "it must be greater than " + jsonText(raw), nil
	case "exclusiveMaximum":
		return "it must be less than " + jsonText(raw), nil
	case "maxItems":
		return "at most " + jsonText(raw) + " items are allowed", nil
	case "minItems":
		return "at least " + jsonText(raw) + " items are needed", nil
	case "maxLength":
		return "at most " + jsonText(raw) + " characters are allowed", nil
	case "minLength":
		return "at least " + jsonText(raw) + " characters are needed", nil
	case "pattern":
		return "it must match " + jsonText(raw), nil
	case "required":
		// v5 says: missing properties: "a", "b"
		msg := strings.TrimPrefix(ve.Message, "missing properties: ")
		var names []string
		for _, n := range strings.Split(msg, ", ") {
			names = append(names, strings.Trim(n, `"`))
		}
		return strings.Join(names, ", "), names
	}
	return "", nil
}

func article(t string) string {
	switch t {
	case "integer", "object", "array":
		return "an " + t
	case "null":
		return "null"
	}
	return "a " + t
}

func jsonText(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("%q", v)
	case nil:
		return "null"
	}
	return fmt.Sprint(v)
}

func dedupe(vs []Violation) []Violation {
	seen := map[string]bool{}
	out := vs[:0]
	for _, v := range vs {
		k := v.Instance + "\x00" + v.Rule.ID + "\x00" + v.SchemaLocation
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, v)
	}
	return out
}

// ConditionPaths lists the instance paths an "if" schema reads, relative to the
// instance it is applied to; "*" stands for any array item. The analyzer trusts an
// "if" only when the code shows every value on these paths. A condition may also be
// a cross-item extension keyword (x-callsAnswered, x-keysListed): its paths are what
// the keyword reads.
func (c *Contract) ConditionPaths(ifLocation string) [][]string {
	c.loaded()
	if v, ok := c.condPaths.Load(ifLocation); ok {
		return v.([][]string)
	}
	var paths [][]string
	if kw := extensionKeyword(ifLocation); kw != "" {
		spec, _ := c.SchemaAt(ifLocation).(map[string]any)
		paths = append(paths, nil)
		walk := func(s any, prefix []string) { paths = append(paths, c.schemaPaths(ifLocation, s, prefix)...) }
		paths = append(paths, extensionPaths(kw, spec, walk)...)
	} else {
		paths = c.schemaPaths(ifLocation, c.SchemaAt(ifLocation), nil)
	}
	c.condPaths.Store(ifLocation, paths)
	return paths
}

// extensionKeyword returns the extension keyword a schema location ends with, or "".
func extensionKeyword(loc string) string {
	for _, kw := range extensionKeywords {
		if strings.HasSuffix(loc, "/"+kw) {
			return kw
		}
	}
	return ""
}

// schemaPaths lists the instance paths a schema reads, under prefix; refs resolve in
// the file of location.
func (c *Contract) schemaPaths(location string, schema any, prefix []string) [][]string {
	var paths [][]string
	var walk func(s any, prefix []string)
	walk = func(s any, prefix []string) {
		m, ok := s.(map[string]any)
		if !ok {
			return
		}
		if ref, ok := m["$ref"].(string); ok && strings.HasPrefix(ref, "#") {
			file := strings.TrimPrefix(location, baseURL)
			file, _, _ = strings.Cut(file, "#")
			if target, ok := Pointer(c.docs[file], strings.TrimPrefix(ref, "#")); ok {
				walk(target, prefix)
			}
		}
		paths = append(paths, prefix)
		if props, ok := m["properties"].(map[string]any); ok {
			for name, p := range props {
				walk(p, append(prefix[:len(prefix):len(prefix)], name))
			}
		}
		if req, ok := m["required"].([]any); ok {
			for _, name := range req {
				if s, ok := name.(string); ok {
					paths = append(paths, append(prefix[:len(prefix):len(prefix)], s))
				}
			}
		}
		for _, k := range []string{"items", "contains", "not", "if", "then", "else", "x-allButLast"} {
			if sub, ok := m[k]; ok {
				p := prefix
				if k == "items" || k == "contains" || k == "x-allButLast" {
					p = append(prefix[:len(prefix):len(prefix)], "*")
				}
				walk(sub, p)
			}
		}
		for _, k := range []string{"allOf", "anyOf", "oneOf"} {
			if list, ok := m[k].([]any); ok {
				for _, sub := range list {
					walk(sub, prefix)
				}
			}
		}
	}
	walk(schema, prefix)
	return paths
}
