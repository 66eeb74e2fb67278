// Lowering: Go expressions to partial JSON (lowerer.expr), following values the
// function does not show through the package's flow (followed); literals are in
// literals.go, locals in locals.go, SDK calls in sdklower.go.

package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

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
	h := l.typedHole(e)
	l.elementSources(h, e)
	return h
}

// elementSources notes where a slice the function does not show comes from: a
// parameter, a field of one or an exported field, whose elements an importer
// supplies (the conversation its tool loop grows, bodyfacts.go).
func (l *lowerer) elementSources(h *Value, e ast.Expr) {
	if l.flow == nil || h.jsonType() != "array" {
		return
	}
	switch ast.Unparen(e).(type) {
	case *ast.Ident, *ast.SelectorExpr:
	default:
		return // a call's or index's result: not where a caller's list arrives
	}
	c := l.flow.of(e)
	h.Origins, h.ParamFields = c.Origins, c.ParamFields
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
		if len(c.Origins) == 0 && len(c.ParamFields) == 0 {
			return nil
		}
		h := l.typedHole(e)
		h.Origins, h.ParamFields = c.Origins, c.ParamFields
		return h
	}
	if len(c.Consts) == 1 && !c.Unknown && !ptr && !c.Consts[0].ForOther {
		v := *c.Consts[0]
		v.Via, v.ViaEnd = e.Pos(), e.End()
		if l.testFile(v.Via) && !l.testFile(v.Pos) {
			// A test's request reports at the test, not at the code it borrows from.
			v.Pos, v.End, v.Via, v.ViaEnd, v.Replace = e.Pos(), e.End(), token.NoPos, token.NoPos, nil
		}
		return &v
	}
	h := l.typedHole(e)
	h.Origins, h.ParamFields = c.Origins, c.ParamFields
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

// (*types.Func, int) → bool

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
func (l *lowerer) testFile(pos token.Pos) bool { return testFileOf(l.pass, pos) }

// testFileOf reports whether pos is in a _test.go file.
func testFileOf(pass *analysis.Pass, pos token.Pos) bool {
	f := pass.Fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}
