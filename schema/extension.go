package schema

import (
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// x-allButLast applies a schema to every item of an array except the last. JSON Schema
// cannot say "only the last message may have prefix: true"; this keyword can, and the
// rule itself stays in the schema.
var allButLastMeta = jsonschema.MustCompileString("deepseekvet:///meta/x-allButLast.json", `{
	"properties": {"x-allButLast": {"type": ["object", "boolean"]}}
}`)

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
