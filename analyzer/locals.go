// Locals: how a function body builds a variable (its definition, later
// updates, appends in loops) and which of its uses read, marshal or pass it on.

package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

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
	v.Origins, v.ParamFields = base.Origins, base.ParamFields
	rest := call.Args[1:]
	if call.Ellipsis.IsValid() && len(rest) == 1 {
		spread := l.expr(rest[0])
		if spread.Kind == Array && !spread.Open && !spread.UnknownBefore {
			v.Elems = append(v.Elems, spread.Elems...)
		} else {
			v.Open = true
			v.Origins = append(v.Origins[:len(v.Origins):len(v.Origins)], spread.Origins...)
			v.ParamFields = append(v.ParamFields[:len(v.ParamFields):len(v.ParamFields)], spread.ParamFields...)
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
					if nm.Value.Kind == Array && isSelfAppend(u.rhs, step.expr) {
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
			if isInterfaceMethod(fn) {
				return readOnlyThroughInterface(pass, fn, i)
			}
			return readOnlyParam(pass, fn, i, 0)
		}
	}
	return false
}

// readOnlyThroughInterface reports whether every implementation this package
// declares of an interface method of this package only reads parameter i (an
// adapter interface around an SDK client, for tests): at least one must exist.
func readOnlyThroughInterface(pass *analysis.Pass, m *types.Func, i int) bool {
	iface, _ := m.Signature().Recv().Type().Underlying().(*types.Interface)
	if iface == nil {
		return false
	}
	found := false
	scope := pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
			continue
		}
		for _, t := range []types.Type{tn.Type(), types.NewPointer(tn.Type())} {
			if !types.Implements(t, iface) {
				continue
			}
			obj, _, _ := types.LookupFieldOrMethod(t, true, pass.Pkg, m.Name())
			impl, ok := obj.(*types.Func)
			if !ok || !readOnlyParam(pass, impl, i, 0) {
				return false
			}
			found = true
			break
		}
	}
	return found
}

var readOnlyCache sync.Map

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
	return isJSONDecode(calleeFunc(pass, call))
}

// isJSONDecode reports whether fn is json.Unmarshal or (*json.Decoder).Decode.
func isJSONDecode(fn *types.Func) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "encoding/json" && (fn.Name() == "Unmarshal" || fn.Name() == "Decode")
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
		if !ok || a.index >= 0 || len(call.Args) < 2 {
			continue
		}
		if fn, ok := ast.Unparen(call.Fun).(*ast.Ident); !ok || fn.Name != "append" {
			continue
		}
		// append(x.F, m), and also append([]T{m}, x.F...) and append(x.F,
		// x.Pending...): a turn prepended to the field, or spliced in from another
		// slice field the package grows.
		for i, arg := range call.Args {
			spread := i == len(call.Args)-1 && call.Ellipsis.IsValid()
			if sel, ok := ast.Unparen(arg).(*ast.SelectorExpr); ok && l.pass.TypesInfo.Selections[sel] != nil && l.pass.TypesInfo.Selections[sel].Obj() == field {
				continue // the field's own earlier elements
			}
			if i > 0 && !spread {
				v.Elems = append(v.Elems, l.expr(arg))
				continue
			}
			if part := l.expr(arg); part.Kind == Array {
				v.Elems = append(v.Elems, part.Elems...)
			}
		}
	}
	if len(v.Elems) == 0 {
		return nil
	}
	return v
}
