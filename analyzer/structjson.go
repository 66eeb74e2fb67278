package analyzer

import (
	"go/types"
	"reflect"
	"strings"
	"sync"
)

// jsonField is a struct field as encoding/json sees it.
type jsonField struct {
	Name      string     // JSON key
	Index     []int      // field index path through embedded structs
	Var       *types.Var // the Go field
	Type      types.Type
	OmitEmpty bool // omitempty or omitzero
	OmitZero  bool // omitzero: a zero struct is omitted too
	Quoted    bool // ,string
	Tagged    bool // the name comes from a tag
	// Alt marks a field that replaces the field of the same name when it is set
	// (go-openai's MultiContent is sent as "content").
	Alt bool
	// Inline marks a union variant (openai-go's `json:",inline"`): when set, its
	// value is the whole value.
	Inline bool
	// Default is the value of a field whose type always marshals its default tag.
	Default string
}

// jsonFields lists the fields encoding/json marshals for a struct type, following its
// rules: exported fields only, json:"-" skipped, tag names, embedded structs promoted
// unless tagged, and the shallowest (then tagged) field winning a name conflict.
func jsonFields(t types.Type) []jsonField {
	st, ok := types.Unalias(deref(t)).Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	type candidate struct {
		jsonField
		depth int
	}
	var all []candidate
	var alts []jsonField
	var overrides map[string]string
	if n, ok := types.Unalias(deref(t)).(*types.Named); ok {
		overrides = transparent()[qualifiedName(n.Origin().Obj())]
	}
	seen := map[*types.Struct]bool{}
	var walk func(st *types.Struct, index []int, depth int)
	walk = func(st *types.Struct, index []int, depth int) {
		if seen[st] {
			return
		}
		seen[st] = true
		defer delete(seen, st)
		for i := 0; i < st.NumFields(); i++ {
			f := st.Field(i)
			tag := reflect.StructTag(st.Tag(i)).Get("json")
			if o, ok := overrides[f.Name()]; ok && depth == 0 {
				tag = o
			}
			if tag == "-" {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			idx := append(index[:len(index):len(index)], i)
			if f.Embedded() && name == "" {
				ft := deref(f.Type())
				if est, ok := types.Unalias(ft).Underlying().(*types.Struct); ok {
					walk(est, idx, depth+1)
					continue
				}
			}
			if !f.Exported() {
				continue
			}
			jf := jsonField{Name: name, Index: idx, Var: f, Type: f.Type(), Tagged: name != ""}
			if jf.Name == "" {
				jf.Name = f.Name()
			}
			for _, o := range strings.Split(opts, ",") {
				switch o {
				case "omitempty":
					jf.OmitEmpty = true
				case "omitzero":
					jf.OmitEmpty, jf.OmitZero = true, true
				case "string":
					jf.Quoted = true
				case "alt":
					jf.Alt = true
				case "inline":
					jf.Inline = true
				}
			}
			if d, ok := reflect.StructTag(st.Tag(i)).Lookup("default"); ok && isConstantType(f.Type()) {
				jf.Default = d
			}
			if jf.Alt {
				alts = append(alts, jf)
				continue
			}
			all = append(all, candidate{jf, depth})
		}
	}
	walk(st, nil, 0)

	// Resolve name conflicts the way encoding/json's dominantField does.
	byName := map[string][]candidate{}
	var order []string
	for _, c := range all {
		if _, ok := byName[c.Name]; !ok {
			order = append(order, c.Name)
		}
		byName[c.Name] = append(byName[c.Name], c)
	}
	var out []jsonField
	for _, name := range order {
		cs := byName[name]
		best := cs[0]
		ambiguous := false
		for _, c := range cs[1:] {
			switch {
			case c.depth < best.depth || c.depth == best.depth && c.Tagged && !best.Tagged:
				best, ambiguous = c, false
			case c.depth == best.depth && c.Tagged == best.Tagged:
				ambiguous = true
			}
		}
		if !ambiguous {
			out = append(out, best.jsonField)
		}
	}
	return append(out, alts...)
}

func deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// hasCustomJSON reports whether values of t marshal through their own method, so
// their JSON cannot be read from their type.
func hasCustomJSON(t types.Type) bool {
	if v, ok := customJSONMemo.Load(t); ok {
		return v.(bool)
	}
	r := computeCustomJSON(t)
	customJSONMemo.Store(t, r)
	return r
}

// customJSONMemo caches hasCustomJSON: method sets are the analyzer's costliest
// type query, asked for the same few types again and again.
var customJSONMemo sync.Map

func computeCustomJSON(t types.Type) bool {
	if n, ok := types.Unalias(deref(t)).(*types.Named); ok {
		tn := n.Origin().Obj()
		if transparent()[qualifiedName(tn)] != nil || tn.Pkg() != nil && transparentPackages()[tn.Pkg().Path()] {
			return false // its MarshalJSON keeps the tags' meaning (sdks.json)
		}
	}
	for _, tt := range []types.Type{t, types.NewPointer(t)} {
		ms := types.NewMethodSet(tt)
		for _, name := range []string{"MarshalJSON", "MarshalText"} {
			if sel := ms.Lookup(nil, name); sel != nil {
				return true
			}
		}
	}
	return false
}

// jsonTypes lists the JSON types a Go type marshals to, for typing holes; nil means
// unknown (interfaces, custom marshalers).
func jsonTypes(t types.Type) []string {
	if arg := wrappedType(t); arg != nil {
		return jsonTypes(arg)
	}
	if isConstantType(t) {
		return []string{"string"}
	}
	if t == nil || hasCustomJSON(t) {
		return nil
	}
	switch u := types.Unalias(t).Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return []string{"boolean"}
		case u.Info()&types.IsInteger != 0:
			return []string{"integer"}
		case u.Info()&types.IsFloat != 0:
			return []string{"number"}
		case u.Info()&types.IsString != 0:
			return []string{"string"}
		}
	case *types.Pointer:
		if inner := jsonTypes(u.Elem()); inner != nil {
			return append(inner, "null")
		}
	case *types.Slice:
		if b, ok := types.Unalias(u.Elem()).Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
			return []string{"string", "null"}
		}
		return []string{"array", "null"}
	case *types.Array:
		return []string{"array"}
	case *types.Map:
		return []string{"object", "null"}
	case *types.Struct:
		return []string{"object"}
	}
	return nil
}

// isStringKeyedMap reports whether t is a map[string]V, the shape of a JSON object.
func isStringKeyedMap(t types.Type) bool {
	m, ok := types.Unalias(t).Underlying().(*types.Map)
	if !ok {
		return false
	}
	b, ok := types.Unalias(m.Key()).Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// wrappedType returns T for a value wrapper such as param.Opt[T].
func wrappedType(t types.Type) types.Type {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.TypeArgs().Len() != 1 || !valueWrappers()[qualifiedName(n.Origin().Obj())] {
		return nil
	}
	return n.TypeArgs().At(0)
}

// isConstantType reports a string type that always marshals its default tag.
func isConstantType(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && constantPackages()[n.Obj().Pkg().Path()]
}

// isUnion reports a struct whose variants are inline fields.
func isUnion(t types.Type) bool {
	for _, f := range jsonFields(t) {
		if f.Inline {
			return true
		}
	}
	return false
}
