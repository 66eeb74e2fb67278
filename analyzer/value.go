package analyzer

import (
	"encoding/json"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// A Value is a partial JSON value lowered from Go code: what the code shows of a
// payload. Constants are known; everything else is a hole whose JSON type may still be
// known from its Go type.
type Value struct {
	Kind  Kind
	Const any // string, json.Number or bool for Kind String, Number, Bool

	// Types lists the JSON types a hole may have ("string", "integer", "number",
	// "boolean", "object", "array", "null"); empty means any.
	Types []string

	Members []*Member // objects, in source order
	Elems   []*Value  // arrays
	// Open marks an object that may gain keys the code does not show, or an array
	// that may hold more elements after the known ones.
	Open bool
	// UnknownBefore marks an array whose known elements follow unknown ones
	// (append(history, …)), so their indices are unknown.
	UnknownBefore bool
	// Nullable marks an object that may be null instead (a nil pointer).
	Nullable bool
	// NamesDeepSeek marks a candidate an importer wrote in a literal that names
	// DeepSeek, for a value several providers read: it is DeepSeek's.
	NamesDeepSeek bool
	// ForOther marks a constant the code gives another provider (a switch case or
	// map entry under its name): it still says where a value may go, but it is
	// never judged as DeepSeek's.
	ForOther bool
	// Replayed marks the model's own message sent back in a tool loop
	// (history = append(history, resp.Choices[0].Message), msg.ToParam()).
	Replayed bool
	// Omitted are members left out because their Go field omits an empty value and
	// the run being checked sends it empty (a tool-call turn's content): a key
	// reported missing is shown at the field that drops it.
	Omitted []*Member
	// SomeElems marks an array hole that holds elements on some run: the tools of a
	// request that replays the model's tool calls (the model calls only tools it
	// was given).
	SomeElems bool

	Pos, End token.Pos // the Go expression (or JSON text) the value came from
	// Decl is where a value's type was declared (a struct field's type), used to
	// report type errors of holes; may be NoPos.
	Decl, DeclEnd token.Pos
	// Replace rewrites a constant value written as a literal (NewText formats the new
	// value as the source spells it).
	Replace *Edit
	// Implicit explains a value the code does not write: the zero value of an unset
	// field that has no omitempty.
	Implicit string
	// Via is where a value the package sets elsewhere (a constructor's field, a
	// default) is used by the payload; Pos is then where it is written.
	Via, ViaEnd token.Pos
	// Cands are the constants a hole may be (a flag's default, a fallback), each
	// checked on its own.
	Cands []*Value
	// Origins are the parameters and exported fields a hole's value comes from
	// when another package sets them (see crosspkg.go).
	Origins []*types.Var
	// ParamFields are fields of parameters' struct types the value is read from.
	ParamFields []paramField
}

// Kind is the kind of a Value.
type Kind int

const (
	Hole Kind = iota
	Object
	Array
	String
	Number
	Bool
	Null
)

// A Member is one key of an object.
type Member struct {
	Key            string
	KeyPos, KeyEnd token.Pos
	Value          *Value
	// Maybe marks a key whose presence is unknown: an omitempty struct field the
	// literal does not set, or a key set on one path only.
	Maybe bool
	// OmitEmpty marks a struct field tagged omitempty: unset, it is not sent.
	OmitEmpty bool
	// Field is the struct field the key comes from, if any, Owner the struct type
	// and FieldKey the field name as the literal spells it.
	Field    *types.Var
	Owner    types.Type
	FieldKey *ast.Ident
	// Edits that rename or remove the key, when the code allows a certain fix.
	Rename *Edit // replaces [Pos, End) with the new key in the right syntax
	Remove *Edit // deletes the key and its value
}

// Edit is a source change; NewText is a format with %s for the new key when renaming.
type Edit struct {
	Pos, End token.Pos
	NewText  string
}

func (v *Value) member(key string) *Member {
	for i := len(v.Members) - 1; i >= 0; i-- {
		if v.Members[i].Key == key {
			return v.Members[i]
		}
	}
	return nil
}

// set adds or replaces a member.
func (v *Value) set(m *Member) {
	for i, old := range v.Members {
		if old.Key == m.Key {
			v.Members[i] = m
			return
		}
	}
	v.Members = append(v.Members, m)
}

// stringConst returns the constant string value of a member, if known.
func (v *Value) stringConst(key string) (string, bool) {
	if v == nil || v.Kind != Object {
		return "", false
	}
	m := v.member(key)
	if m == nil || m.Maybe || m.Value.Kind != String {
		return "", false
	}
	return m.Value.Const.(string), true
}

func hole(types ...string) *Value { return &Value{Kind: Hole, Types: types} }

// uncertain reports whether a value is not fully known.
func (v *Value) uncertain() bool {
	switch v.Kind {
	case Hole:
		return true
	case Object:
		if v.Open || v.Nullable {
			return true
		}
		for _, m := range v.Members {
			if m.Maybe || m.Value.uncertain() {
				return true
			}
		}
	case Array:
		if v.Open || v.UnknownBefore {
			return true
		}
		for _, e := range v.Elems {
			if e.uncertain() {
				return true
			}
		}
	}
	return false
}

// node is a value or member found at a JSON pointer of the instance.
type node struct {
	value  *Value
	member *Member // the member holding value, if value is an object member
	path   string  // display path: messages[2].role
	parent *node
}

// instance renders a Value as a JSON instance for validation. Holes become neutral
// placeholders of their type; the returned index maps each JSON pointer back to the
// Go code.
func instance(v *Value) (any, map[string]*node) {
	index := map[string]*node{}
	var render func(v *Value, ptr string, n *node) any
	render = func(v *Value, ptr string, n *node) any {
		index[ptr] = n
		switch v.Kind {
		case Object:
			obj := make(map[string]any, len(v.Members))
			for _, m := range v.Members {
				p := joinPath(n.path, m.Key)
				obj[m.Key] = render(m.Value, ptr+"/"+escapePointer(m.Key), &node{value: m.Value, member: m, path: p, parent: n})
			}
			return obj
		case Array:
			arr := make([]any, len(v.Elems))
			for i, e := range v.Elems {
				idx := strconv.Itoa(i)
				if v.UnknownBefore {
					idx = "?"
				}
				arr[i] = render(e, ptr+"/"+strconv.Itoa(i), &node{value: e, path: n.path + "[" + idx + "]", parent: n})
			}
			return arr
		case String, Number, Bool:
			return v.Const
		case Null:
			return nil
		}
		if v.SomeElems {
			return []any{map[string]any{}}
		}
		return placeholder(v.Types)
	}
	root := render(v, "", &node{value: v})
	return root, index
}

// placeholder is the value a hole takes during validation. Errors at a hole are
// dropped unless they hold for every value of its type, so the choice matters only
// where a rule looks at a hole from elsewhere (a "contains" over messages): the
// string "json" and the number 1 satisfy the most such rules, so holes never cause a
// finding they could explain away.
func placeholder(types []string) any {
	for _, t := range types {
		switch t {
		case "string":
			return "json"
		case "integer", "number":
			return json.Number("1")
		case "boolean":
			return false
		case "object":
			return map[string]any{}
		case "array":
			return []any{}
		}
	}
	return nil
}

func joinPath(parent, key string) string {
	if parent == "" {
		return key
	}
	return parent + "." + key
}

func escapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// jsonType is the JSON type of a known value, as JSON Schema names it.
func (v *Value) jsonType() string {
	switch v.Kind {
	case Object:
		return "object"
	case Array:
		return "array"
	case String:
		return "string"
	case Number:
		if _, err := v.Const.(json.Number).Int64(); err == nil {
			return "integer"
		}
		return "number"
	case Bool:
		return "boolean"
	case Null:
		return "null"
	}
	if len(v.Types) > 0 {
		return v.Types[0]
	}
	return "value"
}

// text renders a known value for a message.
func (v *Value) text() string {
	if v.Implicit != "" {
		return v.constText() + " (" + v.Implicit + ")"
	}
	return v.constText()
}

func (v *Value) constText() string {
	switch v.Kind {
	case String:
		return strconv.Quote(v.Const.(string))
	case Number:
		return string(v.Const.(json.Number))
	case Bool:
		return strconv.FormatBool(v.Const.(bool))
	case Null:
		return "null"
	case Object:
		return "an object"
	case Array:
		return "an array"
	}
	return "a value"
}
