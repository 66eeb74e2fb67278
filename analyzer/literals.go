// Literals: lowering composite literals, struct fields and their JSON tags.

package analyzer

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// fieldDecl is the range to report a field's type at.
func fieldDecl(f jsonField) (token.Pos, token.Pos) {
	return f.Var.Pos(), f.Var.Pos() + token.Pos(len(f.Var.Name()))
}

// omitted reports whether an unset field is left out: omitempty omits zero
// scalars, nil pointers, empty slices and maps, but never a struct value (omitzero
// and the transparent SDK marshalers do); a custom marshaler decides for itself.
func omitted(f jsonField) bool {
	if !f.OmitEmpty || f.OmitZero || hasCustomJSON(f.Type) {
		return f.OmitEmpty
	}
	_, isStruct := types.Unalias(f.Type).Underlying().(*types.Struct)
	return !isStruct || f.Var.Pkg() != nil && transparentPackages()[f.Var.Pkg().Path()]
}

func (l *lowerer) compositeLit(lit *ast.CompositeLit) *Value {
	t := l.pass.TypesInfo.TypeOf(lit)
	if t == nil || hasCustomJSON(t) {
		return l.typedHole(lit)
	}
	switch u := types.Unalias(t).Underlying().(type) {
	case *types.Map:
		if !isStringKeyedMap(t) {
			return l.typedHole(lit)
		}
		v := &Value{Kind: Object, Pos: lit.Pos(), End: lit.End()}
		for i, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			ktv := l.pass.TypesInfo.Types[kv.Key]
			if ktv.Value == nil || ktv.Value.Kind() != constant.String {
				v.Open = true // a key the code computes
				continue
			}
			m := &Member{Key: constant.StringVal(ktv.Value), KeyPos: kv.Key.Pos(), KeyEnd: kv.Key.End(), Value: l.expr(kv.Value)}
			if _, ok := ast.Unparen(kv.Key).(*ast.BasicLit); ok {
				m.Rename = &Edit{Pos: kv.Key.Pos(), End: kv.Key.End(), NewText: "%q"}
			}
			m.Remove = elementRemoval(lit, i)
			v.set(m)
		}
		return v
	case *types.Slice, *types.Array:
		v := &Value{Kind: Array, Pos: lit.Pos(), End: lit.End()}
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				// Indexed elements: keep them only when the literal is dense.
				v.Open = true
				elt = kv.Value
			}
			e := l.expr(elt)
			v.Elems = append(v.Elems, e)
		}
		if a, ok := u.(*types.Array); ok && int64(len(lit.Elts)) < a.Len() {
			v.Open = true
		}
		return v
	case *types.Struct:
		return l.structLit(t, lit)
	}
	return l.typedHole(lit)
}

// structLit lowers a struct literal with encoding/json semantics.
func (l *lowerer) structLit(t types.Type, lit *ast.CompositeLit) *Value {
	if isUnion(t) {
		return l.unionLit(t, lit)
	}
	fields := jsonFields(t)
	v := &Value{Kind: Object, Pos: lit.Pos(), End: lit.End()}
	set := map[string]ast.Expr{}  // Go field name → value expression
	keys := map[string]ast.Expr{} // Go field name → key identifier
	elems := map[string]int{}     // Go field name → element index
	st := types.Unalias(t).Underlying().(*types.Struct)
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				set[id.Name], keys[id.Name], elems[id.Name] = kv.Value, id, i
			}
		} else if i < st.NumFields() {
			set[st.Field(i).Name()], keys[st.Field(i).Name()], elems[st.Field(i).Name()] = elt, elt, i
		}
	}
	altSet := map[string]bool{} // JSON names an alternative field set in this literal takes
	for _, f := range fields {
		if f.Alt && set[st.Field(f.Index[0]).Name()] != nil {
			altSet[f.Name] = true
		}
	}
	for _, f := range fields {
		top := st.Field(f.Index[0]).Name()
		if f.Alt != altSet[f.Name] {
			continue // the other field of this name is the one sent
		}
		var valueExpr ast.Expr
		if len(f.Index) == 1 {
			valueExpr = set[top]
		} else if emb, ok := set[top]; ok {
			// A promoted field: look inside the embedded literal.
			valueExpr = promotedValue(l.pass, emb, f.Index[1:])
			if valueExpr == nil {
				if omitted(f) && isLiteral(emb) {
					continue // unset in the embedded literal: omitted
				}
				if fv := l.embeddedMember(emb, f); fv != nil {
					v.Members = append(v.Members, fv)
				}
				continue
			}
		}
		m := &Member{Key: f.Name, Field: f.Var, Owner: t, OmitEmpty: f.OmitEmpty}
		m.Rename = l.tagRename(f)
		if f.Default != "" {
			// A constant type: it always sends its default, set or not.
			m.Value = &Value{Kind: String, Const: f.Default, Pos: lit.Pos(), End: lit.Lbrace + 1}
			m.KeyPos, m.KeyEnd = m.Value.Pos, m.Value.End
			if k := keys[top]; k != nil {
				m.KeyPos, m.KeyEnd = k.Pos(), k.End()
			}
			v.Members = append(v.Members, m)
			continue
		}
		if valueExpr == nil {
			// Not set: zero, and so omitted with omitempty, unless changed later.
			if omitted(f) {
				continue
			}
			m.Value = zeroValue(l, f)
			m.Value.Pos, m.Value.End = lit.Pos(), lit.Lbrace+1
			if lit.Type != nil {
				m.Value.Pos, m.Value.End = lit.Type.Pos(), lit.Type.End()
			}
			m.KeyPos, m.KeyEnd = m.Value.Pos, m.Value.End
			m.Value.Implicit = fmt.Sprintf("%s is not set and has no omitempty, so its zero value is sent", f.Var.Name())
			m.Value.Decl, m.Value.DeclEnd = fieldDecl(f)
			v.Members = append(v.Members, m)
			continue
		}
		m.Value = l.expr(valueExpr)
		if f.Quoted {
			m.Value = &Value{Kind: Hole, Types: []string{"string"}, Pos: m.Value.Pos, End: m.Value.End}
		}
		if m.Value.Kind == Hole {
			m.Value.Decl, m.Value.DeclEnd = fieldDecl(f)
		}
		if k := keys[top]; k != nil && len(f.Index) == 1 {
			m.KeyPos, m.KeyEnd = k.Pos(), k.End()
			m.Remove = elementRemoval(lit, elems[top])
			if id, ok := k.(*ast.Ident); ok {
				m.FieldKey = id
			}
		} else {
			m.KeyPos, m.KeyEnd = valueExpr.Pos(), valueExpr.End()
		}
		if f.OmitEmpty && isZero(m.Value) && wrappedType(f.Type) == nil {
			// (A wrapper such as param.Opt omits only when unset: openai.Float(0) is sent.)
			continue
		}
		v.Members = append(v.Members, m)
	}
	return v
}

// embeddedMember handles a promoted field whose embedded value is not a literal.
func (l *lowerer) embeddedMember(emb ast.Expr, f jsonField) *Member {
	fv := l.shape(f.Type, 1)
	fv.Pos, fv.End = emb.Pos(), emb.End()
	fv.Decl, fv.DeclEnd = fieldDecl(f)
	return &Member{Key: f.Name, KeyPos: emb.Pos(), KeyEnd: emb.End(), Value: fv, Maybe: f.OmitEmpty, Field: f.Var}
}

// promotedValue finds the expression setting a promoted field inside an embedded
// struct literal, or nil.
func promotedValue(pass *analysis.Pass, e ast.Expr, index []int) ast.Expr {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	st, ok := types.Unalias(deref(pass.TypesInfo.TypeOf(lit))).Underlying().(*types.Struct)
	if !ok || index[0] >= st.NumFields() {
		return nil
	}
	name := st.Field(index[0]).Name()
	for i, elt := range lit.Elts {
		var val ast.Expr
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				val = kv.Value
			}
		} else if i == index[0] {
			val = elt
		}
		if val != nil {
			if len(index) == 1 {
				return val
			}
			return promotedValue(pass, val, index[1:])
		}
	}
	// Not set in the embedded literal: the zero value.
	return nil
}

// zeroValue is what an unset field without omitempty sends.
func zeroValue(l *lowerer, f jsonField) *Value {
	if hasCustomJSON(f.Type) {
		return hole()
	}
	switch u := types.Unalias(f.Type).Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return &Value{Kind: Bool, Const: false}
		case u.Info()&types.IsNumeric != 0:
			return &Value{Kind: Number, Const: json.Number("0")}
		case u.Info()&types.IsString != 0:
			if f.Quoted {
				return hole("string")
			}
			return &Value{Kind: String, Const: ""}
		}
	case *types.Pointer, *types.Slice, *types.Map, *types.Interface, *types.Signature, *types.Chan:
		return &Value{Kind: Null}
	case *types.Struct:
		return l.shape(f.Type, 1)
	}
	return hole(jsonTypes(f.Type)...)
}

func isZero(v *Value) bool {
	switch v.Kind {
	case Null:
		return true
	case String:
		return v.Const == ""
	case Bool:
		return v.Const == false
	case Number:
		f, err := v.Const.(json.Number).Float64()
		return err == nil && f == 0
	}
	return false
}

// tagRename is the edit renaming a field's JSON key in its struct tag, when the tag
// is a raw string in a file of this package.
func (l *lowerer) tagRename(f jsonField) *Edit {
	if f.Var.Pkg() != l.pass.Pkg || !f.Tagged {
		return nil
	}
	tag := l.fieldTag(f.Var)
	if tag == nil || tag.Value[0] != '`' {
		return nil
	}
	raw := tag.Value[1 : len(tag.Value)-1]
	i := strings.Index(raw, `json:"`)
	if i < 0 {
		return nil
	}
	start := i + len(`json:"`)
	end := start + len(f.Name)
	if end > len(raw) || raw[start:end] != f.Name {
		return nil
	}
	return &Edit{Pos: tag.Pos() + 1 + token.Pos(start), End: tag.Pos() + 1 + token.Pos(end), NewText: "%s"}
}

// fieldTag finds the tag literal of a struct field declared in this package.
func (l *lowerer) fieldTag(v *types.Var) *ast.BasicLit {
	if l.tags == nil {
		l.tags = map[token.Pos]*ast.BasicLit{}
		for _, file := range l.pass.Files {
			ast.Inspect(file, func(n ast.Node) bool {
				if f, ok := n.(*ast.Field); ok && f.Tag != nil {
					for _, name := range f.Names {
						l.tags[name.Pos()] = f.Tag
					}
				}
				return true
			})
		}
	}
	return l.tags[v.Pos()]
}

// elementRemoval is the edit deleting element i of a composite literal, with its
// comma, keeping the layout of the remaining lines.
func elementRemoval(lit *ast.CompositeLit, i int) *Edit {
	elt := lit.Elts[i]
	switch {
	case i+1 < len(lit.Elts):
		return &Edit{Pos: elt.Pos(), End: lit.Elts[i+1].Pos()}
	case lit.Rbrace > elt.End()+1:
		// The last element of a multi-line literal: take its trailing comma and
		// leave the closing brace's indentation to gofmt. Ranges never overlap
		// the removal of the element before.
		return &Edit{Pos: elt.Pos(), End: lit.Rbrace}
	case i > 0:
		return &Edit{Pos: lit.Elts[i-1].End(), End: elt.End()}
	}
	return &Edit{Pos: elt.Pos(), End: elt.End()}
}
