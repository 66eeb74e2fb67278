package analyzer

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// lowerer turns Go expressions of one function into partial JSON values.
type lowerer struct {
	pass *analysis.Pass
	body *ast.BlockStmt // the function whose locals may be followed
	// locals records, per local variable, how the function builds it.
	locals map[*types.Var]*local
	active map[*types.Var]bool // variables being lowered, to stop cycles
	// current holds the value of a local while its updates are applied, so that
	// x.Messages = append(x.Messages, m) reads what came before.
	current map[*types.Var]*Value
	// typeLevel lowers a type rather than a value: every field is declared, none is
	// known to be sent.
	typeLevel bool
	tags      map[token.Pos]*ast.BasicLit // struct field name → tag, built on first use
	depth     int
	// flow follows constants through variables, fields, parameters and returns;
	// nil when lowering a type.
	flow *flow
}

// local is what a function body shows of one variable: its definition, the
// assignments after it, and whether it escapes where others may change it.
type local struct {
	def      ast.Expr        // the defining expression (may be nil: var x T)
	defBlock ast.Node        // block of the definition
	typ      types.Type      // the variable's type
	updates  []update        // later assignments to its fields, keys and itself
	escapes  bool            // passed or returned where it may be changed
	decoded  bool            // decoded into (json.Unmarshal(data, &x)): a response, not a payload
	reassign bool            // assigned a whole new value the code does not show
	appends  []*ast.CallExpr // x = append(x, …): elements some request may carry
}

// update is an assignment to part of a local: path is the chain of Go field names or
// map keys from the variable.
type update struct {
	path        []pathStep
	rhs         ast.Expr
	conditional bool // inside a block other than the definition's
	stmt        *ast.AssignStmt
}

type pathStep struct {
	field string   // Go field name (structs)
	key   string   // constant map key (maps)
	expr  ast.Expr // the selector or index expression of this step
}

const maxLowerDepth = 64

func newLowerer(pass *analysis.Pass, body *ast.BlockStmt, fl *flow) *lowerer {
	l := &lowerer{pass: pass, body: body, active: map[*types.Var]bool{}, current: map[*types.Var]*Value{}, flow: fl}
	l.locals = scanLocals(pass, body, fl)
	return l
}

// expr lowers an expression to a Value.
func (l *lowerer) expr(e ast.Expr) *Value {
	l.depth++
	defer func() { l.depth-- }()
	if l.depth > maxLowerDepth {
		return l.typedHole(e)
	}
	e = ast.Unparen(e)
	tv := l.pass.TypesInfo.Types[e]
	if tv.Value != nil {
		if v := constValue(tv.Value, tv.Type); v != nil {
			v.Pos, v.End = e.Pos(), e.End()
			if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				v.Replace = &Edit{Pos: lit.Pos(), End: lit.End(), NewText: "%q"}
			}
			return v
		}
	}
	if tv.IsNil() {
		return &Value{Kind: Null, Pos: e.Pos(), End: e.End()}
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		return l.compositeLit(e)
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			v := l.expr(e.X)
			v.Pos = e.Pos()
			return v
		}
	case *ast.StarExpr:
		if v := l.followed(e); v != nil {
			return v // *flag.String(…)
		}
		return l.expr(e.X)
	case *ast.SelectorExpr, *ast.IndexExpr:
		if v := l.currentPart(e); v != nil {
			return v
		}
		if sel, ok := e.(*ast.SelectorExpr); ok {
			if v := l.fieldAppends(sel); v != nil {
				return v
			}
			if v := l.replayedMessage(sel); v != nil {
				return v
			}
		}
	case *ast.Ident:
		if v, ok := l.pass.TypesInfo.Uses[e].(*types.Var); ok {
			if loc := l.locals[v]; loc != nil && !l.active[v] && !(loc.reassign && isScalar(loc.typ)) {
				return l.localValue(v, loc, e)
			}
			if pv := l.packageVar(v); pv != nil {
				return pv
			}
		}
	case *ast.CallExpr:
		if v := l.sdkCall(e); v != nil {
			return v
		}
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok && id.Name == "append" && len(e.Args) > 0 {
			if _, ok := l.pass.TypesInfo.Uses[id].(*types.Builtin); ok {
				return l.appendCall(e)
			}
		}
		if tv := l.pass.TypesInfo.Types[e.Fun]; tv.IsType() && len(e.Args) == 1 {
			// A conversion keeps the JSON of its operand unless the target type
			// marshals itself.
			if !hasCustomJSON(tv.Type) {
				v := l.expr(e.Args[0])
				v.Pos, v.End = e.Pos(), e.End()
				return v
			}
		}
	}
	if v := l.followed(e); v != nil {
		return v
	}
	return l.typedHole(e)
}

// followed lowers a scalar the function does not show but the package does: a
// field its constructor set, a parameter's default, a flag's or a getter's
// fallback. One constant is the value, reported where it is written, with the use
// here; several, or constants beside unknown values, make a hole that carries them
// as candidates.
func (l *lowerer) followed(e ast.Expr) *Value {
	t := l.pass.TypesInfo.TypeOf(e)
	if l.flow == nil || t == nil || hasCustomJSON(t) {
		return nil
	}
	// A pointer to a scalar (Temperature: c.temp with temp *float64) may be nil:
	// what it points to is a candidate, never the certain value.
	ptr := false
	if p, ok := types.Unalias(t).Underlying().(*types.Pointer); ok && isScalar(p.Elem()) {
		ptr = true
	}
	if !isScalar(t) && !ptr {
		return nil
	}
	c := l.flow.of(e)
	// A zero constant is "unset" (if model == "" { model = … }): never a value to judge.
	consts := c.Consts[:0:0]
	for _, k := range c.Consts {
		if isZero(k) {
			c.Unknown = true
			continue
		}
		consts = append(consts, k)
	}
	c.Consts = consts
	if len(c.Consts) == 0 {
		if len(c.Origins) == 0 {
			return nil
		}
		h := l.typedHole(e)
		h.Origins = c.Origins
		return h
	}
	if len(c.Consts) == 1 && !c.Unknown && !ptr {
		v := *c.Consts[0]
		v.Via, v.ViaEnd = e.Pos(), e.End()
		if l.testFile(v.Via) && !l.testFile(v.Pos) {
			// A test's request reports at the test, not at the code it borrows from.
			v.Pos, v.End, v.Via, v.ViaEnd, v.Replace = e.Pos(), e.End(), token.NoPos, token.NoPos, nil
		}
		return &v
	}
	h := l.typedHole(e)
	h.Origins = c.Origins
	for _, k := range c.Consts {
		v := *k
		v.Via, v.ViaEnd = e.Pos(), e.End()
		h.Cands = append(h.Cands, &v)
	}
	return h
}

// typedHole is a value the code does not show, typed by its Go type.
func (l *lowerer) typedHole(e ast.Expr) *Value {
	t := l.pass.TypesInfo.TypeOf(e)
	v := l.shape(t, 0)
	v.Pos, v.End = e.Pos(), e.End()
	return v
}

// shape is what a Go type alone says of the JSON it marshals to. Struct types become
// objects whose keys are certain (a Go type never grows keys) and whose values are
// holes; everything else is a hole of the JSON types the type allows.
func (l *lowerer) shape(t types.Type, depth int) *Value {
	if t == nil {
		return hole()
	}
	if depth < 4 && !hasCustomJSON(t) {
		nullable := false
		st := t
		if p, ok := types.Unalias(t).Underlying().(*types.Pointer); ok {
			st, nullable = p.Elem(), true
		}
		if _, ok := types.Unalias(st).Underlying().(*types.Struct); ok && !hasCustomJSON(st) && !isUnion(st) {
			v := &Value{Kind: Object, Nullable: nullable}
			for _, f := range jsonFields(st) {
				if f.Alt {
					continue
				}
				fv := l.shape(f.Type, depth+1)
				if f.Default != "" {
					fv = &Value{Kind: String, Const: f.Default}
				}
				if f.Quoted {
					fv = hole("string")
				}
				fv.Decl, fv.DeclEnd = fieldDecl(f)
				m := &Member{Key: f.Name, Value: fv, Maybe: f.OmitEmpty || nullable || l.typeLevel, OmitEmpty: f.OmitEmpty, Field: f.Var, Rename: l.tagRename(f)}
				m.KeyPos, m.KeyEnd = fieldDecl(f)
				v.Members = append(v.Members, m)
			}
			return v
		}
		if s, ok := types.Unalias(t).Underlying().(*types.Slice); ok && l.typeLevel {
			// Checking a type: one element stands for all of them.
			if _, ok := types.Unalias(deref(s.Elem())).Underlying().(*types.Struct); ok {
				return &Value{Kind: Array, Elems: []*Value{l.shape(s.Elem(), depth+1)}, Open: true, UnknownBefore: true}
			}
		}
	}
	return hole(jsonTypes(t)...)
}

// fieldDecl is the range to report a field's type at.
func fieldDecl(f jsonField) (token.Pos, token.Pos) {
	return f.Var.Pos(), f.Var.Pos() + token.Pos(len(f.Var.Name()))
}

// constValue lowers a Go constant of type t.
func constValue(c constant.Value, t types.Type) *Value {
	if t != nil && hasCustomJSON(t) {
		return nil
	}
	switch c.Kind() {
	case constant.String:
		return &Value{Kind: String, Const: constant.StringVal(c)}
	case constant.Bool:
		return &Value{Kind: Bool, Const: constant.BoolVal(c)}
	case constant.Int:
		if b, ok := types.Unalias(t).Underlying().(*types.Basic); ok && b.Info()&types.IsFloat != 0 {
			f, _ := constant.Float64Val(c)
			return &Value{Kind: Number, Const: json.Number(formatFloat(f, t))}
		}
		return &Value{Kind: Number, Const: json.Number(c.ExactString())}
	case constant.Float:
		f, _ := constant.Float64Val(c)
		if b, ok := types.Unalias(t).Underlying().(*types.Basic); ok && b.Info()&types.IsInteger != 0 {
			return &Value{Kind: Number, Const: json.Number(c.ExactString())}
		}
		return &Value{Kind: Number, Const: json.Number(formatFloat(f, t))}
	}
	return nil
}

// formatFloat spells a float as encoding/json does: a float32 by its shortest
// float32 decimal (0.7, not 0.699999988079071).
func formatFloat(f float64, t types.Type) string {
	if t != nil {
		if b, ok := types.Unalias(t).Underlying().(*types.Basic); ok && b.Kind() == types.Float32 {
			return strconv.FormatFloat(float64(float32(f)), 'g', -1, 32)
		}
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
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

// appendCall lowers append(base, elems...).
func (l *lowerer) appendCall(call *ast.CallExpr) *Value {
	base := l.expr(call.Args[0])
	v := &Value{Kind: Array, Pos: call.Pos(), End: call.End()}
	switch base.Kind {
	case Array:
		v.Elems = append(v.Elems, base.Elems...)
		v.Open, v.UnknownBefore = base.Open, base.UnknownBefore
		if base.Open {
			// Elements after unknown ones have unknown indices.
			v.UnknownBefore, v.Open = true, false
		}
	case Null:
	default:
		v.UnknownBefore = true
	}
	rest := call.Args[1:]
	if call.Ellipsis.IsValid() && len(rest) == 1 {
		spread := l.expr(rest[0])
		if spread.Kind == Array && !spread.Open && !spread.UnknownBefore {
			v.Elems = append(v.Elems, spread.Elems...)
		} else {
			v.Open = true
		}
		return v
	}
	if v.Open {
		v.UnknownBefore, v.Open = true, false
	}
	for _, a := range rest {
		v.Elems = append(v.Elems, l.expr(a))
	}
	return v
}

// localValue lowers a local variable from its definition and the updates after it.
func (l *lowerer) localValue(obj *types.Var, loc *local, use *ast.Ident) *Value {
	l.active[obj] = true
	defer delete(l.active, obj)
	var v *Value
	if loc.def != nil {
		v = l.expr(loc.def)
	} else {
		v = l.zeroOf(loc.typ, use)
	}
	if loc.reassign || loc.escapes {
		markOpen(v)
	}
	if v.Kind == Array {
		// x = append(x, m) in a loop or branch: m is in what some request sends,
		// at an index the code does not show.
		for _, call := range loc.appends {
			if call.Ellipsis.IsValid() {
				continue
			}
			for _, a := range call.Args[1:] {
				v.Elems = append(v.Elems, l.expr(a))
				v.UnknownBefore = true
			}
		}
	}
	// The variable's final state: every update in the function applies, since the
	// payload is sent after it is built.
	l.current[obj] = v
	defer delete(l.current, obj)
	for _, u := range loc.updates {
		l.applyUpdate(v, loc.typ, u)
	}
	return v
}

// currentPart reads x.A["k"] from a local whose updates are being applied.
func (l *lowerer) currentPart(e ast.Expr) *Value {
	var steps []pathStep
	cur := e
	for {
		switch x := ast.Unparen(cur).(type) {
		case *ast.SelectorExpr:
			steps = append([]pathStep{{field: x.Sel.Name, expr: x}}, steps...)
			cur = x.X
			continue
		case *ast.IndexExpr:
			tv := l.pass.TypesInfo.Types[x.Index]
			if tv.Value == nil || tv.Value.Kind() != constant.String {
				return nil
			}
			steps = append([]pathStep{{key: constant.StringVal(tv.Value), expr: x}}, steps...)
			cur = x.X
			continue
		case *ast.Ident:
			obj, _ := l.pass.TypesInfo.Uses[x].(*types.Var)
			v := l.current[obj]
			if v == nil {
				return nil
			}
			t := obj.Type()
			for _, st := range steps {
				key, ft, _ := l.stepKey(t, st)
				if key == "" || v.Kind != Object {
					return nil
				}
				m := v.member(key)
				if m == nil {
					if v.Open {
						return nil
					}
					return &Value{Kind: Null, Pos: e.Pos(), End: e.End()}
				}
				v, t = m.Value, ft
			}
			return v
		}
		return nil
	}
}

// zeroOf is the value of `var x T`.
func (l *lowerer) zeroOf(t types.Type, at ast.Node) *Value {
	if isStringKeyedMap(t) {
		return &Value{Kind: Null, Pos: at.Pos(), End: at.End()}
	}
	if _, ok := types.Unalias(t).Underlying().(*types.Struct); ok {
		v := &Value{Kind: Object, Pos: at.Pos(), End: at.End()}
		for _, f := range jsonFields(t) {
			if omitted(f) {
				continue
			}
			m := &Member{Key: f.Name, Value: zeroValue(l, f), Field: f.Var, Rename: l.tagRename(f)}
			m.KeyPos, m.KeyEnd = fieldDecl(f)
			m.Value.Pos, m.Value.End = at.Pos(), at.End()
			m.Value.Decl, m.Value.DeclEnd = fieldDecl(f)
			v.Members = append(v.Members, m)
		}
		return v
	}
	v := l.shape(t, 0)
	v.Pos, v.End = at.Pos(), at.End()
	return v
}

// markOpen records that others may change a value: objects may gain keys and every
// member may differ.
func markOpen(v *Value) {
	switch v.Kind {
	case Object:
		v.Open = true
		for _, m := range v.Members {
			m.Maybe = true
			if m.Value.Implicit != "" {
				// An unset field others may set: its zero value is not what is sent.
				m.Value = &Value{Kind: Hole, Types: []string{m.Value.jsonType()}, Pos: m.Value.Pos, End: m.Value.End}
				if m.Value.Types[0] == "null" {
					m.Value.Types = nil
				}
			}
		}
	case Array:
		v.Open = true
	}
}

// applyUpdate applies one assignment to a lowered local.
func (l *lowerer) applyUpdate(v *Value, t types.Type, u update) {
	cur, curType := v, t
	for i, step := range u.path {
		if cur.Kind == Null && i == 0 && step.key != "" {
			// m = nil map, then m["k"] = v would panic; treat as unknown.
			cur.Kind, cur.Open = Object, true
		}
		if cur.Kind != Object {
			return
		}
		key, fieldType, f := l.stepKey(curType, step)
		if key == "" {
			cur.Open = true
			return
		}
		last := i == len(u.path)-1
		m := cur.member(key)
		if last {
			nm := &Member{Key: key, KeyPos: step.expr.Pos(), KeyEnd: step.expr.End(), Value: l.expr(u.rhs), Maybe: u.conditional}
			if f != nil {
				nm.Field = f.Var
				nm.Rename = l.tagRename(*f)
				if nm.Value.Kind == Hole {
					nm.Value.Decl, nm.Value.DeclEnd = fieldDecl(*f)
				}
				if sel, ok := step.expr.(*ast.SelectorExpr); ok {
					nm.KeyPos, nm.KeyEnd = sel.Sel.Pos(), sel.Sel.End()
				}
			} else if idx, ok := step.expr.(*ast.IndexExpr); ok {
				nm.KeyPos, nm.KeyEnd = idx.Index.Pos(), idx.Index.End()
				if _, ok := ast.Unparen(idx.Index).(*ast.BasicLit); ok {
					nm.Rename = &Edit{Pos: idx.Index.Pos(), End: idx.Index.End(), NewText: "%q"}
				}
			}
			if u.conditional {
				if old := m; old != nil && !old.Maybe {
					// Either the old or the new value: unknown.
					nm.Maybe = false
					if old.Value.Kind == Array && nm.Value.Kind == Array && isSelfAppend(u.rhs, step.expr) {
						// x.F = append(x.F, m) in a loop: what x.F held, then m
						// in some request at an index the code does not show.
						nm.Value.UnknownBefore = true
					} else if !sameConst(old.Value, nm.Value) {
						h := l.shape(fieldType, 0)
						h.Pos, h.End = u.rhs.Pos(), u.rhs.End()
						// Each constant it may be is still a value some request sends.
						for _, c := range []*Value{old.Value, nm.Value} {
							switch {
							case c.Kind >= String && c.Kind <= Bool:
								h.Cands = append(h.Cands, c)
							case c.Kind == Hole:
								h.Cands = append(h.Cands, c.Cands...)
								h.Origins = append(h.Origins, c.Origins...)
							}
						}
						nm.Value = h
					}
				}
				if nm.Value.Kind == Array && !nm.Value.UnknownBefore {
					// append in a loop or branch: unknown count.
					nm.Value.Open = true
				}
			}
			cur.set(nm)
			return
		}
		if m == nil {
			if f == nil {
				cur.Open = true
				return
			}
			sv := l.shape(fieldType, 1)
			m = &Member{Key: key, KeyPos: step.expr.Pos(), KeyEnd: step.expr.End(), Value: sv, Maybe: u.conditional, Field: f.Var}
			cur.set(m)
		}
		cur, curType = m.Value, fieldType
	}
}

// isSelfAppend reports whether rhs is append(lhs, …).
func isSelfAppend(rhs, lhs ast.Expr) bool {
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok || len(call.Args) < 2 {
		return false
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); !ok || id.Name != "append" {
		return false
	}
	return types.ExprString(call.Args[0]) == types.ExprString(lhs)
}

func sameConst(a, b *Value) bool {
	return a.Kind == b.Kind && a.Kind >= String && fmt.Sprint(a.Const) == fmt.Sprint(b.Const)
}

// stepKey maps one step of an assignment path to a JSON key.
func (l *lowerer) stepKey(t types.Type, step pathStep) (string, types.Type, *jsonField) {
	t = deref(t)
	if step.key != "" {
		if m, ok := types.Unalias(t).Underlying().(*types.Map); ok {
			return step.key, m.Elem(), nil
		}
		return "", nil, nil
	}
	for _, f := range jsonFields(t) {
		if f.Var.Name() == step.field {
			return f.Name, f.Type, &f
		}
	}
	return "", nil, nil
}

// scanLocals records how a function body builds its local variables.
func scanLocals(pass *analysis.Pass, body *ast.BlockStmt, fl *flow) map[*types.Var]*local {
	locals := map[*types.Var]*local{}
	if body == nil {
		return locals
	}
	parents := parentMap(body)
	blockOf := func(n ast.Node) ast.Node {
		for p := parents[n]; p != nil; p = parents[p] {
			switch p.(type) {
			case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
				return p
			}
		}
		return body
	}
	isLocal := func(v *types.Var) bool {
		return v != nil && !v.IsField() && v.Parent() != nil && v.Parent() != pass.Pkg.Scope() && body.Pos() <= v.Pos() && v.Pos() < body.End()
	}
	// Definitions.
	ast.Inspect(body, func(n ast.Node) bool {
		switch s := n.(type) {
		case *ast.AssignStmt:
			if s.Tok == token.DEFINE && len(s.Rhs) == 1 && len(s.Lhs) > 1 {
				// x, err := f(): x comes from the call.
				if id, ok := s.Lhs[0].(*ast.Ident); ok {
					if v, ok := pass.TypesInfo.Defs[id].(*types.Var); ok && isLocal(v) {
						locals[v] = &local{def: s.Rhs[0], defBlock: blockOf(s), typ: v.Type()}
					}
				}
			}
			if s.Tok == token.DEFINE && len(s.Lhs) == len(s.Rhs) {
				for i, lhs := range s.Lhs {
					if id, ok := lhs.(*ast.Ident); ok {
						if v, ok := pass.TypesInfo.Defs[id].(*types.Var); ok && isLocal(v) {
							locals[v] = &local{def: s.Rhs[i], defBlock: blockOf(s), typ: v.Type()}
						}
					}
				}
			}
		case *ast.ValueSpec:
			for i, id := range s.Names {
				v, ok := pass.TypesInfo.Defs[id].(*types.Var)
				if !ok || !isLocal(v) {
					continue
				}
				loc := &local{defBlock: blockOf(s), typ: v.Type()}
				if len(s.Values) == len(s.Names) {
					loc.def = s.Values[i]
				} else if len(s.Values) != 0 {
					continue
				}
				locals[v] = loc
			}
		}
		return true
	})
	// Uses: updates, escapes, reassignments.
	ast.Inspect(body, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		v, _ := pass.TypesInfo.Uses[id].(*types.Var)
		loc := locals[v]
		if loc == nil {
			return true
		}
		classifyUse(pass, fl, parents, blockOf, loc, id)
		return true
	})
	return locals
}

// classifyUse decides what one use of a local does to it.
func classifyUse(pass *analysis.Pass, fl *flow, parents map[ast.Node]ast.Node, blockOf func(ast.Node) ast.Node, loc *local, id *ast.Ident) {
	// Climb selectors and constant indexes: x.A.B["k"].
	var path []pathStep
	var cur ast.Node = id
	for {
		p := parents[cur]
		switch pe := p.(type) {
		case *ast.SelectorExpr:
			if pe.X == cur {
				if sel, ok := pass.TypesInfo.Selections[pe]; ok && sel.Kind() == types.FieldVal {
					path = append(path, pathStep{field: pe.Sel.Name, expr: pe})
					cur = pe
					continue
				}
			}
		case *ast.IndexExpr:
			if pe.X == cur && isStringKeyedMap(pass.TypesInfo.TypeOf(pe.X)) {
				tv := pass.TypesInfo.Types[pe.Index]
				if tv.Value != nil && tv.Value.Kind() == constant.String {
					path = append(path, pathStep{key: constant.StringVal(tv.Value), expr: pe})
				} else {
					path = append(path, pathStep{expr: pe})
				}
				cur = pe
				continue
			}
		case *ast.ParenExpr:
			cur = pe
			continue
		}
		break
	}
	parent := parents[cur]
	switch p := parent.(type) {
	case *ast.AssignStmt:
		for i, lhs := range p.Lhs {
			if lhs != cur {
				continue
			}
			if len(path) == 0 {
				if p.Tok != token.DEFINE {
					loc.reassign = true
					if p.Tok == token.ASSIGN && len(p.Lhs) == len(p.Rhs) && selfAppend(pass, p.Rhs[i], id) {
						loc.appends = append(loc.appends, p.Rhs[i].(*ast.CallExpr))
					}
				}
				return
			}
			if p.Tok != token.ASSIGN || len(p.Lhs) != len(p.Rhs) {
				loc.reassign = true
				return
			}
			for _, st := range path {
				if st.field == "" && st.key == "" {
					loc.reassign = true // computed key
					return
				}
			}
			if fl != nil && otherProviderBranch(pass, fl.providers, parents, p, loc.defBlock) {
				return // if provider == "openai" { req.Store = true }: for another provider
			}
			loc.updates = append(loc.updates, update{path: path, rhs: p.Rhs[i], conditional: blockOf(p) != loc.defBlock, stmt: p})
			return
		}
		return // read on the right-hand side
	case *ast.UnaryExpr:
		if p.Op == token.AND && !marshalArg(pass, parents, p) {
			loc.escapes = true
			if unmarshalArg(pass, parents, p) {
				loc.decoded = true
			}
		}
	case *ast.CallExpr:
		if p.Fun == cur {
			return // a method call on a field value: reads
		}
		if marshalArg(pass, parents, cur) || readOnlyArg(pass, p, cur) {
			return
		}
		if len(path) == 0 && unmarshalArg(pass, parents, cur) {
			loc.escapes, loc.decoded = true, true
			return
		}
		if _, isBuiltin := pass.TypesInfo.Uses[calleeIdent(p)].(*types.Builtin); isBuiltin {
			return // append(x.Messages, …), len(x)
		}
		if len(path) == 0 && refType(pass.TypesInfo.TypeOf(id)) {
			loc.escapes = true
		}
	case *ast.ReturnStmt, *ast.SendStmt:
		if len(path) == 0 && refType(pass.TypesInfo.TypeOf(id)) {
			loc.escapes = true
		}
	case *ast.FuncLit:
		loc.escapes = true
	}
	if len(path) > 0 {
		if call, ok := parents[cur].(*ast.CallExpr); ok && call.Fun == cur {
			return
		}
	}
}

func calleeIdent(call *ast.CallExpr) *ast.Ident {
	id, _ := ast.Unparen(call.Fun).(*ast.Ident)
	return id
}

// refType reports whether passing a value of t lets the callee change the caller's
// copy.
func refType(t types.Type) bool {
	switch types.Unalias(t).Underlying().(type) {
	case *types.Pointer, *types.Map, *types.Slice, *types.Interface:
		return true
	}
	return false
}

// marshalArg reports whether e is the argument of an encoding/json call that only
// reads it (json.Marshal, MarshalIndent, (*Encoder).Encode).
func marshalArg(pass *analysis.Pass, parents map[ast.Node]ast.Node, e ast.Node) bool {
	call, ok := parents[e].(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := calleeFunc(pass, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "encoding/json" {
		return false
	}
	switch fn.Name() {
	case "Marshal", "MarshalIndent", "Encode":
		return true
	}
	return false
}

// readOnlyArg reports whether e is passed to a function of this package that only
// marshals that parameter (a post(body any) helper), or as the body of an SDK send
// call, so the call cannot change it.
func readOnlyArg(pass *analysis.Pass, call *ast.CallExpr, e ast.Node) bool {
	fn := calleeFunc(pass, call)
	if fn == nil {
		return false
	}
	if spec, ok := sdks().Sends[funcName(fn.Origin())]; ok {
		// An SDK send marshals its body; what it adds (stream: true) is
		// applied by applySendSemantics.
		return spec.Body < len(call.Args) && ast.Unparen(call.Args[spec.Body]) == e
	}
	if fn.Pkg() != pass.Pkg {
		return false
	}
	for i, arg := range call.Args {
		if arg == e {
			return readOnlyParam(pass, fn, i, 0)
		}
	}
	return false
}

var readOnlyCache sync.Map // (*types.Func, int) → bool

type paramKey struct {
	fn *types.Func
	i  int
}

func readOnlyParam(pass *analysis.Pass, fn *types.Func, i, depth int) bool {
	key := paramKey{fn, i}
	if v, ok := readOnlyCache.Load(key); ok {
		return v.(bool)
	}
	ok := depth < 3 && computeReadOnlyParam(pass, fn, i, depth)
	readOnlyCache.Store(key, ok)
	return ok
}

func computeReadOnlyParam(pass *analysis.Pass, fn *types.Func, i, depth int) bool {
	sig := fn.Signature()
	if i >= sig.Params().Len() || sig.Variadic() && i >= sig.Params().Len()-1 {
		return false
	}
	param := sig.Params().At(i)
	decl := funcDecl(pass, fn)
	if decl == nil || decl.Body == nil {
		return false
	}
	parents := parentMap(decl.Body)
	ok := true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		id, isIdent := n.(*ast.Ident)
		if !isIdent || pass.TypesInfo.Uses[id] != param {
			return true
		}
		var use ast.Node = id
		if u, isUnary := parents[id].(*ast.UnaryExpr); isUnary && u.Op == token.AND {
			use = u
		}
		call, isCall := parents[use].(*ast.CallExpr)
		switch {
		case isCall && marshalArg(pass, parents, use):
		case isCall && calleeFunc(pass, call) != nil && calleeFunc(pass, call).Pkg() == pass.Pkg && argIndex(call, use) >= 0 &&
			readOnlyParam(pass, calleeFunc(pass, call), argIndex(call, use), depth+1):
		default:
			ok = false
		}
		return true
	})
	return ok
}

func argIndex(call *ast.CallExpr, e ast.Node) int {
	for i, a := range call.Args {
		if a == e {
			return i
		}
	}
	return -1
}

// unmarshalArg reports whether e is the target of json.Unmarshal or
// (*json.Decoder).Decode.
func unmarshalArg(pass *analysis.Pass, parents map[ast.Node]ast.Node, e ast.Node) bool {
	call, ok := parents[e].(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := calleeFunc(pass, call)
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "encoding/json" && (fn.Name() == "Unmarshal" || fn.Name() == "Decode")
}

// calleeFunc is the static callee of a call, or nil.
func calleeFunc(pass *analysis.Pass, call *ast.CallExpr) *types.Func {
	var obj types.Object
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		obj = pass.TypesInfo.Uses[fun]
	case *ast.SelectorExpr:
		if sel, ok := pass.TypesInfo.Selections[fun]; ok {
			obj = sel.Obj()
		} else {
			obj = pass.TypesInfo.Uses[fun.Sel]
		}
	case *ast.IndexExpr:
		if id, ok := ast.Unparen(fun.X).(*ast.Ident); ok {
			obj = pass.TypesInfo.Uses[id]
		}
	}
	fn, _ := obj.(*types.Func)
	return fn
}

// parentMap maps every node under root to its parent.
func parentMap(root ast.Node) map[ast.Node]ast.Node {
	parents := map[ast.Node]ast.Node{}
	var stack []ast.Node
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if len(stack) > 0 {
			parents[n] = stack[len(stack)-1]
		}
		stack = append(stack, n)
		return true
	})
	return parents
}

// isScalar reports whether t marshals as a JSON string, number or boolean.
func isScalar(t types.Type) bool {
	b, ok := types.Unalias(t).Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsString|types.IsNumeric|types.IsBoolean) != 0
}

// isLiteral reports whether e is a composite literal or its address.
func isLiteral(e ast.Expr) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	_, ok := e.(*ast.CompositeLit)
	return ok
}

// selfAppend reports whether e is append(x, …) with x the variable id names.
func selfAppend(pass *analysis.Pass, e ast.Expr, id *ast.Ident) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) < 2 {
		return false
	}
	fn, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || fn.Name != "append" {
		return false
	}
	if _, ok := pass.TypesInfo.Uses[fn].(*types.Builtin); !ok {
		return false
	}
	first, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
	return ok && pass.TypesInfo.Uses[first] == pass.TypesInfo.Uses[id]
}

// packageVar lowers a package-level variable the package assigns only where it
// declares it (var tools = []openai.Tool{…}): its initializer is its value.
func (l *lowerer) packageVar(v *types.Var) *Value {
	if l.flow == nil || l.active[v] || v.Pkg() != l.pass.Pkg || v.Parent() != l.pass.Pkg.Scope() || isScalar(v.Type()) {
		return nil
	}
	as := l.flow.assignsOf(v)
	if len(as) != 1 || as[0].index >= 0 || l.flow.isOpaque(v) {
		return nil
	}
	l.active[v] = true
	defer delete(l.active, v)
	return l.expr(as[0].expr)
}

// testFile reports whether pos is in a _test.go file.
func (l *lowerer) testFile(pos token.Pos) bool {
	f := l.pass.Fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// otherProviderBranch reports whether a statement runs only when a value equals
// another provider's name (endpoints.json otherProviders): if provider == "openai"
// { req.Store = true }, case "anthropic": — what it sets is for that provider.
func otherProviderBranch(pass *analysis.Pass, providers map[string]bool, parents map[ast.Node]ast.Node, stmt ast.Node, stop ast.Node) bool {
	other := func(e ast.Expr) bool {
		tv := pass.TypesInfo.Types[e]
		return tv.Value != nil && tv.Value.Kind() == constant.String && providers[strings.ToLower(constant.StringVal(tv.Value))]
	}
	child := stmt
	for p := parents[stmt]; p != nil && p != stop; child, p = p, parents[p] {
		switch p := p.(type) {
		case *ast.IfStmt:
			if child != p.Body {
				continue
			}
			if be, ok := ast.Unparen(p.Cond).(*ast.BinaryExpr); ok && be.Op == token.EQL && (other(be.X) || other(be.Y)) {
				return true
			}
		case *ast.CaseClause:
			if len(p.List) == 0 {
				continue
			}
			all := true
			for _, e := range p.List {
				all = all && other(e)
			}
			if all {
				return true
			}
		}
	}
	return false
}

// fieldAppends lowers a slice field the package grows with x.F = append(x.F, m)
// (a conversation kept on a struct): the elements appended anywhere are among those
// some request carries, at indices the code does not show.
func (l *lowerer) fieldAppends(sel *ast.SelectorExpr) *Value {
	s, ok := l.pass.TypesInfo.Selections[sel]
	if l.flow == nil || !ok || s.Kind() != types.FieldVal {
		return nil
	}
	field := s.Obj().(*types.Var)
	if _, isSlice := types.Unalias(field.Type()).Underlying().(*types.Slice); !isSlice || field.Pkg() != l.pass.Pkg || l.active[field] {
		return nil
	}
	l.active[field] = true
	defer delete(l.active, field)
	v := &Value{Kind: Array, Open: true, UnknownBefore: true, Pos: sel.Pos(), End: sel.End()}
	for _, a := range l.flow.assignsOf(field) {
		call, ok := ast.Unparen(a.expr).(*ast.CallExpr)
		if !ok || a.index >= 0 || len(call.Args) < 2 || call.Ellipsis.IsValid() {
			continue
		}
		if fn, ok := ast.Unparen(call.Fun).(*ast.Ident); !ok || fn.Name != "append" {
			continue
		}
		if first, ok := ast.Unparen(call.Args[0]).(*ast.SelectorExpr); !ok || l.pass.TypesInfo.Selections[first] == nil || l.pass.TypesInfo.Selections[first].Obj() != field {
			continue
		}
		for _, arg := range call.Args[1:] {
			v.Elems = append(v.Elems, l.expr(arg))
		}
	}
	if len(v.Elems) == 0 {
		return nil
	}
	return v
}

// funcDecl finds the declaration of a function of this package, or nil.
func funcDecl(pass *analysis.Pass, fn *types.Func) *ast.FuncDecl {
	for _, f := range pass.Files {
		if fn.Pos() < f.Pos() || fn.Pos() > f.End() {
			continue
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && pass.TypesInfo.Defs[fd.Name] == fn {
				return fd
			}
		}
	}
	return nil
}
