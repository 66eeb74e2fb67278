package schema

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// The contract's own keywords. JSON Schema cannot relate one array item to another, or
// the keys of one member to the items of another; these keywords can, and the facts
// (which items, which fields, which rule) stay in the schema files. Each is registered
// on the compiler by registerExtensions.

func registerExtensions(c *jsonschema.Compiler) {
	c.RegisterExtension("x-allButLast", allButLastMeta(), allButLastCompiler{})
	c.RegisterExtension("x-callsAnswered", callsAnsweredMeta(), callsAnsweredCompiler{})
	c.RegisterExtension("x-keysListed", keysListedMeta(), keysListedCompiler{})
}

// The keywords' meta-schemas compile when a contract is loaded, not at package
// initialization: every go vet process links this package, and most never load the
// schemas.

// extensionKeywords are the keywords above whose failures depend on more of the
// instance than the failing value: Validate records them as conditions (see
// ConditionPaths), so the analyzer reports them only when it knows what they read.
var extensionKeywords = []string{"x-callsAnswered", "x-keysListed"}

// x-allButLast applies a schema to every item of an array except the last. JSON Schema
// cannot say "only the last message may have prefix: true"; this keyword can, and the
// rule itself stays in the schema.
var allButLastMeta = sync.OnceValue(func() *jsonschema.Schema {
	return jsonschema.MustCompileString("deepseekvet:///meta/x-allButLast.json", `{
	"properties": {"x-allButLast": {"type": ["object", "boolean"]}}
}`)
})

type allButLastCompiler struct{}

type allButLastSchema struct{ item *jsonschema.Schema }

func (allButLastCompiler) Compile(ctx jsonschema.CompilerContext, m map[string]any) (jsonschema.ExtSchema, error) {
	if _, ok := m["x-allButLast"]; !ok {
		return nil, nil
	}
	item, err := ctx.Compile("x-allButLast", false)
	if err != nil {
		return nil, err
	}
	return allButLastSchema{item}, nil
}

func (s allButLastSchema) Validate(ctx jsonschema.ValidationContext, v any) error {
	items, ok := v.([]any)
	if !ok {
		return nil
	}
	var errs []error
	for i := 0; i+1 < len(items); i++ {
		if err := ctx.Validate(s.item, "x-allButLast", items[i], strconv.Itoa(i)); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	parent := ctx.Error("x-allButLast", "items before the last fail: %s", strings.Repeat("*", len(errs)))
	return jsonschema.ValidationError{}.Group(parent, errs...)
}

// x-callsAnswered relates the items of an array as calls and answers:
//
//	"x-callsAnswered": {
//	  "call":   schema, "ids": "/tool_calls/*/id",  items matching call open the ids at ids
//	  "answer": schema, "id": "/tool_call_id",      items matching answer answer the id at id
//	  "close":  schema,                             items matching close end the open calls
//	  "orphan":     {"x-deepseekvet": …},           an answer to no open id, reported at its id
//	  "unanswered": {"x-deepseekvet": …}            an open id not answered before the next
//	}                                               close or the end, reported at the id
//
// An item matching close is handled before the same item opens calls, so an item can
// close the previous calls and open its own. Pointers are JSON pointers inside an item;
// a "*" step stands for every element of an array. Only string ids take part.
var callsAnsweredMeta = sync.OnceValue(func() *jsonschema.Schema {
	return jsonschema.MustCompileString("deepseekvet:///meta/x-callsAnswered.json", `{
	"properties": {"x-callsAnswered": {
		"type": "object",
		"required": ["call", "ids", "answer", "id", "close"],
		"properties": {
			"call": {"type": ["object", "boolean"]},
			"answer": {"type": ["object", "boolean"]},
			"close": {"type": ["object", "boolean"]},
			"ids": {"type": "string", "pattern": "^(/[^/]+)+$"},
			"id": {"type": "string", "pattern": "^(/[^/]+)+$"},
			"orphan": {"type": "object"},
			"unanswered": {"type": "object"}
		}
	}}
}`)
})

type callsAnsweredCompiler struct{}

type callsAnsweredSchema struct {
	call, answer, close *jsonschema.Schema
	ids, id             []string
}

func (callsAnsweredCompiler) Compile(ctx jsonschema.CompilerContext, m map[string]any) (jsonschema.ExtSchema, error) {
	spec, ok := m["x-callsAnswered"].(map[string]any)
	if !ok {
		return nil, nil
	}
	var s callsAnsweredSchema
	for _, sub := range []struct {
		name string
		dst  **jsonschema.Schema
	}{{"call", &s.call}, {"answer", &s.answer}, {"close", &s.close}} {
		compiled, err := ctx.Compile("x-callsAnswered/"+sub.name, false)
		if err != nil {
			return nil, err
		}
		*sub.dst = compiled
	}
	s.ids = pointerSteps(spec["ids"].(string))
	s.id = pointerSteps(spec["id"].(string))
	return s, nil
}

// pointerSteps splits a JSON pointer into unescaped steps.
func pointerSteps(ptr string) []string {
	steps := strings.Split(strings.TrimPrefix(ptr, "/"), "/")
	for i, s := range steps {
		steps[i] = strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
	}
	return steps
}

// found is a string found by a pointer with wildcards, with its instance location.
type found struct {
	value string
	loc   string // relative JSON pointer, escaped
}

// lookup returns the strings at a pointer with "*" steps under v.
func lookup(v any, steps []string, loc string, out *[]found) {
	if len(steps) == 0 {
		if s, ok := v.(string); ok {
			*out = append(*out, found{s, loc})
		}
		return
	}
	step, rest := steps[0], steps[1:]
	switch cur := v.(type) {
	case map[string]any:
		if next, ok := cur[step]; ok {
			lookup(next, rest, loc+"/"+escape(step), out)
		}
	case []any:
		if step == "*" {
			for i, e := range cur {
				lookup(e, rest, loc+"/"+strconv.Itoa(i), out)
			}
		} else if i, err := strconv.Atoi(step); err == nil && i >= 0 && i < len(cur) {
			lookup(cur[i], rest, loc+"/"+step, out)
		}
	}
}

func (s callsAnsweredSchema) Validate(ctx jsonschema.ValidationContext, v any) error {
	items, ok := v.([]any)
	if !ok {
		return nil
	}
	matches := func(sch *jsonschema.Schema, name string, i int) bool {
		return ctx.Validate(sch, "x-callsAnswered/"+name, items[i], strconv.Itoa(i)) == nil
	}
	var errs []error
	at := func(keyword, loc, format string, a ...any) {
		e := ctx.Error("x-callsAnswered/"+keyword, format, a...)
		e.InstanceLocation += loc
		errs = append(errs, e)
	}
	open := map[string]bool{}
	var pending []found // open ids not answered yet, in order
	unanswered := func(before string) {
		for _, p := range pending {
			if open[p.value] {
				at("unanswered", p.loc, "call %q is not answered before %s", p.value, before)
			}
		}
		pending, open = nil, map[string]bool{}
	}
	for i := range items {
		idx := "/" + strconv.Itoa(i)
		if matches(s.close, "close", i) {
			unanswered("item " + strconv.Itoa(i))
		}
		if matches(s.call, "call", i) {
			var ids []found
			lookup(items[i], s.ids, idx, &ids)
			for _, id := range ids {
				if !open[id.value] {
					open[id.value] = true
					pending = append(pending, id)
				}
			}
		}
		if matches(s.answer, "answer", i) {
			var ids []found
			lookup(items[i], s.id, idx, &ids)
			for _, id := range ids {
				if _, isOpen := open[id.value]; !isOpen {
					at("orphan", id.loc, "%q answers no open call", id.value)
					continue
				}
				open[id.value] = false // answered; stays a valid answer target until closed
			}
		}
	}
	unanswered("the end")
	if len(errs) == 0 {
		return nil
	}
	return jsonschema.ValidationError{}.Group(ctx.Error("x-callsAnswered", "calls and answers do not match"), errs...)
}

// x-keysListed requires every key of one object member to be listed in an array
// member of the same object:
//
//	"x-keysListed": {"keysOf": "properties", "listedIn": "required", "x-deepseekvet": …}
//
// Each key missing from the list fails on its own, reported at keysOf/key. A keysOf
// member that is not an object, or a listedIn member that is not an array of strings
// where present, is left to other keywords; a missing listedIn lists nothing.
var keysListedMeta = sync.OnceValue(func() *jsonschema.Schema {
	return jsonschema.MustCompileString("deepseekvet:///meta/x-keysListed.json", `{
	"properties": {"x-keysListed": {
		"type": "object",
		"required": ["keysOf", "listedIn"],
		"properties": {"keysOf": {"type": "string"}, "listedIn": {"type": "string"}}
	}}
}`)
})

type keysListedCompiler struct{}

type keysListedSchema struct{ keysOf, listedIn string }

func (keysListedCompiler) Compile(ctx jsonschema.CompilerContext, m map[string]any) (jsonschema.ExtSchema, error) {
	spec, ok := m["x-keysListed"].(map[string]any)
	if !ok {
		return nil, nil
	}
	return keysListedSchema{spec["keysOf"].(string), spec["listedIn"].(string)}, nil
}

func (s keysListedSchema) Validate(ctx jsonschema.ValidationContext, v any) error {
	obj, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	keys, ok := obj[s.keysOf].(map[string]any)
	if !ok {
		return nil
	}
	listed := map[string]bool{}
	switch list := obj[s.listedIn].(type) {
	case nil:
	case []any:
		for _, x := range list {
			if name, ok := x.(string); ok {
				listed[name] = true
			}
		}
	default:
		return nil
	}
	var errs []error
	for _, k := range sortedKeys(keys) {
		if !listed[k] {
			e := ctx.Error("x-keysListed/missing", "%q is not listed in %s", k, s.listedIn)
			e.InstanceLocation += "/" + escape(s.keysOf) + "/" + escape(k)
			errs = append(errs, e)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return jsonschema.ValidationError{}.Group(ctx.Error("x-keysListed", "%s lacks keys of %s", s.listedIn, s.keysOf), errs...)
}

// extensionPaths lists the instance paths an extension keyword reads, relative to the
// instance it is applied to, for ConditionPaths; walk lists the paths a subschema reads.
func extensionPaths(keyword string, spec map[string]any, walk func(s any, prefix []string)) [][]string {
	var paths [][]string
	switch keyword {
	case "x-callsAnswered":
		for _, k := range []string{"call", "answer", "close"} {
			walk(spec[k], []string{"*"})
		}
		for _, k := range []string{"ids", "id"} {
			if p, ok := spec[k].(string); ok {
				steps := pointerSteps(p)
				for i := range steps {
					paths = append(paths, append([]string{"*"}, steps[:i+1]...))
				}
			}
		}
	case "x-keysListed":
		if k, ok := spec["keysOf"].(string); ok {
			paths = append(paths, []string{k})
		}
		if k, ok := spec["listedIn"].(string); ok {
			paths = append(paths, []string{k}, []string{k, "*"})
		}
	default:
		panic(fmt.Sprintf("extensionPaths: unknown keyword %s", keyword))
	}
	return paths
}
