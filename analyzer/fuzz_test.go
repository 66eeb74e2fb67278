package analyzer

import (
	"encoding/json"
	"go/ast"
	"go/token"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// toAny renders a fully known Value as encoding/json would decode it.
func toAny(v *Value) any {
	switch v.Kind {
	case Object:
		m := map[string]any{}
		for _, mem := range v.Members {
			m[mem.Key] = toAny(mem.Value)
		}
		return m
	case Array:
		a := []any{}
		for _, e := range v.Elems {
			a = append(a, toAny(e))
		}
		return a
	case Null:
		return nil
	}
	return v.Const
}

// FuzzParseJSONText checks the JSON-in-string parser against encoding/json and that
// every position it maps stays inside the text.
func FuzzParseJSONText(f *testing.F) {
	for _, seed := range []string{
		`{"model": "deepseek-flash", "messages": [{"role": "user", "content": "hi"}], "temperature": 0.7}`,
		`{"a": {"b": [1, 2.5e3, -0, true, false, null, "\u00e9\n"]}, "a": 1}`,
		`[]`, `"x"`, `{"k":`, `{"k": tru}`, strings.Repeat("[", 300) + strings.Repeat("]", 300),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		base := token.Pos(1)
		v, err := parseJSONText(text, func(off int) token.Pos { return base + token.Pos(off) }, `"%s"`)
		var want any
		dec := json.NewDecoder(strings.NewReader(text))
		dec.UseNumber()
		stdErr := dec.Decode(&want)
		if stdErr == nil && dec.More() {
			stdErr = errFake
		}
		if err != nil {
			if stdErr == nil && !strings.Contains(err.Error(), "nesting deeper") && !strings.Contains(err.Error(), "trailing text") {
				t.Fatalf("parse %q: %v, but encoding/json accepts it", text, err)
			}
			return
		}
		if stdErr != nil {
			if json.Valid([]byte(text)) {
				return
			}
			t.Fatalf("parse %q succeeded, encoding/json says %v", text, stdErr)
		}
		if got := toAny(v); !reflect.DeepEqual(normalize(got), normalize(want)) {
			t.Fatalf("parse %q = %#v, encoding/json = %#v", text, got, want)
		}
		var check func(*Value)
		check = func(v *Value) {
			if v.Pos < base || v.End > base+token.Pos(len(text)) || v.End < v.Pos {
				t.Fatalf("position %d-%d outside %d-%d", v.Pos, v.End, base, base+token.Pos(len(text)))
			}
			for _, m := range v.Members {
				if m.KeyPos < v.Pos || m.KeyEnd > v.End {
					t.Fatalf("key %q at %d-%d outside its object %d-%d", m.Key, m.KeyPos, m.KeyEnd, v.Pos, v.End)
				}
				check(m.Value)
			}
			for _, e := range v.Elems {
				check(e)
			}
		}
		check(v)
	})
}

type fakeErr struct{}

func (fakeErr) Error() string { return "trailing data" }

var errFake = fakeErr{}

// normalize compares numbers by value.
func normalize(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			v[k] = normalize(x)
		}
	case []any:
		for i, x := range v {
			v[i] = normalize(x)
		}
	case json.Number:
		f, _ := v.Float64()
		return f
	}
	return v
}

// FuzzStringLitPositions checks that offsets into a string literal's value map to
// source positions inside the literal, in order, for raw and interpreted spellings.
func FuzzStringLitPositions(f *testing.F) {
	for _, seed := range []string{`{"model": "x"}`, "tab\there", "é\\u00e9\x00", "line\r\nbreak", ""} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		spellings := []string{strconv.Quote(s)}
		if strconv.CanBackquote(s) || !strings.Contains(s, "`") && !strings.ContainsRune(s, '\uFEFF') {
			spellings = append(spellings, "`"+s+"`")
		}
		for _, src := range spellings {
			lit := &ast.BasicLit{ValuePos: 10, Kind: token.STRING, Value: src}
			value, pos, _, ok := stringLitPositions(lit)
			if !ok {
				if _, err := strconv.Unquote(src); err == nil {
					t.Fatalf("%s: not mapped, but it unquotes", src)
				}
				continue
			}
			if u, _ := strconv.Unquote(src); u != value {
				t.Fatalf("%s: value %q, want %q", src, value, u)
			}
			prev := token.Pos(0)
			for i := 0; i <= len(value); i++ {
				p := pos(i)
				if p < lit.Pos()+1 || p > lit.End()-1 || p < prev {
					t.Fatalf("%s: offset %d maps to %d (literal %d-%d, previous %d)", src, i, p, lit.Pos(), lit.End(), prev)
				}
				prev = p
			}
		}
	})
}
