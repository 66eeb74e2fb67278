package schema

import (
	"errors"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// compileExt compiles a schema with the contract's extension keywords.
func compileExt(t *testing.T, schema string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	registerExtensions(c)
	if err := c.AddResource("test:///s.json", strings.NewReader(schema)); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("test:///s.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// leafErrors lists "instance keyword-suffix" for each leaf of a validation error.
func leafErrors(t *testing.T, s *jsonschema.Schema, doc string) []string {
	t.Helper()
	err := s.Validate(decode(t, doc))
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		t.Fatal(err)
	}
	var out []string
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			loc := e.KeywordLocation
			if i := strings.Index(loc, "/x-"); i >= 0 {
				loc = loc[i+1:]
			}
			out = append(out, e.InstanceLocation+" "+loc)
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	sort.Strings(out)
	return out
}

const callsSchema = `{"x-callsAnswered": {
	"call": {"required": ["calls"]}, "ids": "/calls/*/id",
	"answer": {"required": ["answers"]}, "id": "/answers",
	"close": {"required": ["close"]},
	"orphan": {}, "unanswered": {}
}}`

func TestCallsAnswered(t *testing.T) {
	s := compileExt(t, callsSchema)
	for _, tc := range []struct {
		name, doc string
		want      []string
	}{
		{"not an array", `{"a":1}`, nil},
		{"empty", `[]`, nil},
		{"answered in any order", `[{"calls":[{"id":"a"},{"id":"b"}]},{"answers":"b"},{"other":1},{"answers":"a"},{"close":1}]`, nil},
		{"answer without call", `[{"answers":"a"}]`, []string{"/0/answers x-callsAnswered/orphan"}},
		{"unanswered at close", `[{"calls":[{"id":"a"},{"id":"b"}]},{"answers":"a"},{"close":1}]`, []string{"/0/calls/1/id x-callsAnswered/unanswered"}},
		{"unanswered at end", `[{"calls":[{"id":"a"}]}]`, []string{"/0/calls/0/id x-callsAnswered/unanswered"}},
		{"answer after close", `[{"calls":[{"id":"a"}]},{"answers":"a"},{"close":1},{"answers":"a"}]`, []string{"/3/answers x-callsAnswered/orphan"}},
		{"close and call in one item", `[{"calls":[{"id":"a"}]},{"close":1,"calls":[{"id":"b"}]},{"answers":"b"}]`, []string{"/0/calls/0/id x-callsAnswered/unanswered"}},
		{"answered twice", `[{"calls":[{"id":"a"}]},{"answers":"a"},{"answers":"a"}]`, nil},
		{"ids that are not strings take no part", `[{"calls":[{"id":1},{"x":"y"}]},{"answers":2}]`, nil},
		{"escaped pointer steps", `[{"calls":[{"id":"a/b"}]},{"answers":"a/b"}]`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := leafErrors(t, s, tc.doc)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestKeysListed(t *testing.T) {
	s := compileExt(t, `{"x-keysListed": {"keysOf": "properties", "listedIn": "required"}}`)
	for _, tc := range []struct {
		name, doc string
		want      []string
	}{
		{"all listed", `{"properties":{"a":{},"b":{}},"required":["b","a"]}`, nil},
		{"none listed", `{"properties":{"a":{},"b/c":{}}}`, []string{"/properties/a x-keysListed/missing", "/properties/b~1c x-keysListed/missing"}},
		{"one missing", `{"properties":{"a":{},"b":{}},"required":["a"]}`, []string{"/properties/b x-keysListed/missing"}},
		{"no properties", `{"required":["a"]}`, nil},
		{"properties not an object", `{"properties":[1]}`, nil},
		{"required not an array", `{"properties":{"a":{}},"required":"a"}`, nil},
		{"not an object", `"x"`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := leafErrors(t, s, tc.doc)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestExtensionMeta(t *testing.T) {
	for _, bad := range []string{
		`{"x-callsAnswered": {"call": {}, "answer": {}, "close": {}, "ids": "/id"}}`,
		`{"x-callsAnswered": {"call": {}, "answer": {}, "close": {}, "ids": "id", "id": "/id"}}`,
		`{"x-keysListed": {"keysOf": "properties"}}`,
		`{"x-allButLast": 3}`,
	} {
		c := jsonschema.NewCompiler()
		c.Draft = jsonschema.Draft2020
		registerExtensions(c)
		c.AddResource("test:///s.json", strings.NewReader(bad))
		if _, err := c.Compile("test:///s.json"); err == nil {
			t.Errorf("%s compiled", bad)
		}
	}
}

// TestExtensionConditions checks that a failure of a cross-item keyword carries the
// keyword as a condition, and that ConditionPaths lists what the keyword reads, so
// the analyzer reports it only where the code shows every value it read.
func TestExtensionConditions(t *testing.T) {
	c := mustDefault(t)
	vs, err := c.Validate(Chat, decode(t, chatDoc(noThinking, user, `{"role":"tool","tool_call_id":"x","content":"r"}`)))
	if err != nil || len(vs) != 1 || vs[0].Rule.ID != "DS210" || len(vs[0].Conditions) != 1 {
		t.Fatalf("violations %+v, %v", vs, err)
	}
	cond := vs[0].Conditions[0]
	if cond.Instance != "/messages" || !strings.HasSuffix(cond.If, "/x-callsAnswered") {
		t.Errorf("condition %+v", cond)
	}
	var paths []string
	for _, p := range c.ConditionPaths(cond.If) {
		paths = append(paths, strings.Join(p, "."))
	}
	for _, want := range []string{"", "*", "*.role", "*.tool_calls", "*.tool_calls.*", "*.tool_calls.*.id", "*.tool_call_id"} {
		if !contains(paths, want) {
			t.Errorf("ConditionPaths(%s) = %q, lacks %q", cond.If, paths, want)
		}
	}

	vs, err = c.Validate(ChatBeta, decode(t, strictDoc(`{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false}`)))
	if err != nil || len(vs) != 1 || vs[0].Rule.ID != "DS108" {
		t.Fatalf("violations %+v, %v", vs, err)
	}
	var keysCond *Condition
	for i, cd := range vs[0].Conditions {
		if strings.HasSuffix(cd.If, "/x-keysListed") {
			keysCond = &vs[0].Conditions[i]
		}
	}
	if keysCond == nil || keysCond.Instance != "/tools/0/function/parameters" {
		t.Fatalf("conditions %+v", vs[0].Conditions)
	}
	paths = nil
	for _, p := range c.ConditionPaths(keysCond.If) {
		paths = append(paths, strings.Join(p, "."))
	}
	for _, want := range []string{"properties", "required", "required.*"} {
		if !contains(paths, want) {
			t.Errorf("ConditionPaths(%s) = %q, lacks %q", keysCond.If, paths, want)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
