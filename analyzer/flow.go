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

	"golang.org/x/tools/go/analysis"
)

// flow answers "which constants may this expression hold?" for a package. It is a
// flow-insensitive may-analysis over the package's assignments: every expression
// assigned to a variable, struct field or parameter anywhere in the package (a
// constructor's literal, a fallback in a branch, a caller's argument, a flag's
// default) is a value the object may hold. Calls to the package's functions are
// followed into their return statements with the call's own arguments bound to the
// parameters, so env("X_MODEL", "deepseek-flash") yields that default and not every
// other call's. Anything the package does not show (an input, another package's
// assignment to an exported field, a value read from a file) makes the answer
// partial: Unknown is set beside the constants found.
//
// Go's types already give constants; this layer adds the constants that reach an
// expression through variables, fields, parameters and returns, which is how real
// applications spread a model name or base URL away from the request literal.
type flow struct {
	pass    *analysis.Pass
	assigns map[types.Object][]assigned
	opaque  map[types.Object]bool // assigned somewhere the package does not show
	decls   map[*types.Func]*ast.FuncDecl
	returns map[*types.Func][]*ast.ReturnStmt
	memo    map[types.Object]*cands
	active  map[types.Object]bool
	callPos map[*ast.Ident]bool // function names in call position
	// sentinels are the constants each object is compared with.
	sentinels map[types.Object]map[string]bool
	indexed   bool
	// providers are other providers' names (endpoints.json), for branches that
	// select them.
	providers map[string]bool
	// responseKeys are the keys a chat completion response's message carries.
	responseKeys map[string]bool
	// fieldExits memoizes where the values held in a struct field go (sinks.go).
	fieldExits map[*types.Var]exit
	// otherReturns memoizes otherProviderReturns.
	otherReturns map[*types.Func]map[*ast.ReturnStmt]bool
}

// assigned is one expression given to an object. Fields of a call's result (a, b :=
// f()) are the index-th result.
type assigned struct {
	expr     ast.Expr
	index    int  // result index when expr is a multi-value call; -1 otherwise
	fromCall bool // a caller's argument to a parameter
}

// cands is what flow knows of a value: the constants it may be, each with the
// expression that spells it, and whether it may be something else too.
type cands struct {
	Consts  []*Value
	Unknown bool
	// Origins are the parameters and exported fields whose values come from
	// outside the package (an importer's call or literal).
	Origins []*types.Var
	// ParamFields are fields of another package's type read from a parameter
	// (req.Model with req *llm.Request): the importer's literal sets them.
	ParamFields []paramField
}

// paramField is a field of a parameter's struct type, by name.
type paramField struct {
	Param *types.Var
	Field string
}

const (
	maxFlowDepth = 12
	maxCands     = 8
)

func newFlow(pass *analysis.Pass, providers, responseKeys []string) *flow {
	f := &flow{pass: pass, assigns: map[types.Object][]assigned{}, opaque: map[types.Object]bool{},
		decls: map[*types.Func]*ast.FuncDecl{}, returns: map[*types.Func][]*ast.ReturnStmt{},
		memo: map[types.Object]*cands{}, active: map[types.Object]bool{}, callPos: map[*ast.Ident]bool{}, sentinels: map[types.Object]map[string]bool{}, providers: map[string]bool{}}
	for _, p := range providers {
		f.providers[strings.ToLower(p)] = true
	}
	f.responseKeys = set(responseKeys)
	return f
}

// assignsOf is every expression assigned to obj, indexing the package on first use
// (most packages the analyzer sees hold no payload and never need it).
func (f *flow) assignsOf(obj types.Object) []assigned {
	f.ready()
	return f.assigns[obj]
}

// isOpaque reports whether obj is assigned somewhere the package does not show.
func (f *flow) isOpaque(obj types.Object) bool {
	f.ready()
	return f.opaque[obj]
}

func (f *flow) ready() {
	if !f.indexed {
		f.indexed = true
		f.index()
	}
}

// index records, in one walk of the package, every assignment to an object.
func (f *flow) index() {
	info := f.pass.TypesInfo
	called := map[*types.Func]bool{} // functions only ever called directly
	escaped := map[*types.Func]bool{}
	for _, file := range f.pass.Files {
		for _, d := range file.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := info.Defs[fd.Name].(*types.Func); ok {
					f.decls[fn] = fd
				}
			}
		}
	}
	for _, file := range f.pass.Files {
		var funcs []*types.Func // enclosing declared functions, for returns
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				fn, _ := info.Defs[n.Name].(*types.Func)
				funcs = append(funcs[:0], fn)
			case *ast.FuncLit:
				// Returns inside a closure are the closure's, not the function's.
				ast.Inspect(n.Body, func(m ast.Node) bool {
					f.indexNode(m, nil, called, escaped)
					return true
				})
				return false
			}
			var fn *types.Func
			if len(funcs) > 0 {
				fn = funcs[0]
			}
			f.indexNode(n, fn, called, escaped)
			return true
		})
	}
	// Parameters of functions others may call are inputs.
	for fn := range f.decls {
		exported := fn.Exported() && f.pass.Pkg.Name() != "main"
		if exported || escaped[fn] || !called[fn] {
			for _, p := range paramsOf(fn) {
				f.opaque[p] = true
			}
		}
	}
}

func paramsOf(fn *types.Func) []*types.Var {
	sig := fn.Signature()
	out := make([]*types.Var, 0, sig.Params().Len())
	for i := 0; i < sig.Params().Len(); i++ {
		out = append(out, sig.Params().At(i))
	}
	return out
}

func (f *flow) indexNode(n ast.Node, fn *types.Func, called, escaped map[*types.Func]bool) {
	info := f.pass.TypesInfo
	switch n := n.(type) {
	case *ast.AssignStmt:
		if len(n.Lhs) == len(n.Rhs) {
			for i, lhs := range n.Lhs {
				if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
					f.add(f.target(lhs), assigned{n.Rhs[i], -1, false})
				} else if obj := f.target(lhs); obj != nil {
					f.opaque[obj] = true // x += …
				}
			}
		} else if len(n.Rhs) == 1 {
			for i, lhs := range n.Lhs {
				f.add(f.target(lhs), assigned{n.Rhs[0], i, false})
			}
		}
	case *ast.ValueSpec:
		for i, id := range n.Names {
			obj := info.Defs[id]
			switch {
			case len(n.Values) == len(n.Names):
				f.add(obj, assigned{n.Values[i], -1, false})
			case len(n.Values) == 1:
				f.add(obj, assigned{n.Values[0], i, false})
			}
		}
	case *ast.RangeStmt:
		for _, e := range []ast.Expr{n.Key, n.Value} {
			if obj := f.target(e); obj != nil {
				f.opaque[obj] = true
			}
		}
	case *ast.CompositeLit:
		st, ok := types.Unalias(deref(info.TypeOf(n))).Underlying().(*types.Struct)
		if !ok {
			return
		}
		for i, elt := range n.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					f.add(info.Uses[id], assigned{kv.Value, -1, false})
				}
			} else if i < st.NumFields() {
				f.add(st.Field(i), assigned{elt, -1, false})
			}
		}
	case *ast.UnaryExpr:
		// &x handed to a call: flag.StringVar(&x, name, def, usage) gives x its
		// default; any other callee may set it.
		if n.Op == token.AND {
			if obj := f.target(n.X); obj != nil {
				f.opaque[obj] = true
			}
		}
	case *ast.CallExpr:
		switch fun := ast.Unparen(n.Fun).(type) {
		case *ast.Ident:
			f.callPos[fun] = true
		case *ast.SelectorExpr:
			f.callPos[fun.Sel] = true
		case *ast.IndexExpr:
			if id, ok := ast.Unparen(fun.X).(*ast.Ident); ok {
				f.callPos[id] = true
			}
		}
		callee := calleeFunc(f.pass, n)
		if callee != nil {
			if d := flagDefault(callee); d >= 0 && d < len(n.Args) && len(n.Args) > 0 {
				if u, ok := ast.Unparen(n.Args[0]).(*ast.UnaryExpr); ok && u.Op == token.AND {
					f.add(f.target(u.X), assigned{n.Args[d], -1, false})
				}
			}
			if fd := f.decls[callee.Origin()]; fd != nil && ast.Unparen(n.Fun) != nil {
				called[callee.Origin()] = true
				params := paramsOf(callee.Origin())
				for i, a := range n.Args {
					if i < len(params) && !(callee.Signature().Variadic() && i >= len(params)-1) {
						f.add(params[i], assigned{a, -1, true})
					}
				}
				if len(n.Args) == 1 && len(params) > 1 {
					for _, p := range params {
						f.opaque[p] = true // f(g()): a tuple
					}
				}
			}
		}
	case *ast.Ident:
		// A function used as a value may be called with anything.
		if fn, ok := info.Uses[n].(*types.Func); ok && f.decls[fn.Origin()] != nil && !f.callPos[n] {
			escaped[fn.Origin()] = true
		}
	case *ast.ReturnStmt:
		if fn != nil {
			f.returns[fn] = append(f.returns[fn], n)
		}
	case *ast.BinaryExpr:
		// x == C or x != C: C marks "unset" for x (a flag default of
		// math.MaxInt the code replaces), so it is not a value x is sent with;
		// x >= 0 guarding a flag whose default is -1 marks negatives "unset".
		for _, pair := range [][2]ast.Expr{{n.X, n.Y}, {n.Y, n.X}} {
			key := sentinelKey(n.Op, info.Types[pair[1]])
			if key == "" {
				continue
			}
			x := ast.Unparen(pair[0])
			if star, ok := x.(*ast.StarExpr); ok {
				x = star.X
			}
			if obj := f.target(x); obj != nil {
				if f.sentinels[obj] == nil {
					f.sentinels[obj] = map[string]bool{}
				}
				f.sentinels[obj][key] = true
			}
		}
	}
}

// target is the object an assignment's left-hand side names: a variable, or the
// field a selector selects.
func (f *flow) target(lhs ast.Expr) types.Object {
	switch x := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		if obj := f.pass.TypesInfo.Defs[x]; obj != nil {
			return obj
		}
		return f.pass.TypesInfo.Uses[x]
	case *ast.SelectorExpr:
		if sel, ok := f.pass.TypesInfo.Selections[x]; ok && sel.Kind() == types.FieldVal {
			return sel.Obj()
		}
		return f.pass.TypesInfo.Uses[x.Sel] // a package-level variable of another package
	case *ast.StarExpr:
		return nil
	}
	return nil
}

func (f *flow) add(obj types.Object, a assigned) {
	if obj == nil || obj.Name() == "_" {
		return
	}
	if _, ok := obj.(*types.Var); !ok {
		return
	}
	f.assigns[obj] = append(f.assigns[obj], a)
}

// flagDefault is the index of the default-value argument of a flag-defining
// function of package flag or pflag (the parameter named value), or -1.
func flagDefault(fn *types.Func) int {
	if fn.Pkg() == nil || !flagPackages()[fn.Pkg().Path()] {
		return -1
	}
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		if params.At(i).Name() == "value" {
			return i
		}
	}
	return -1
}

// of returns the constants e may hold.
func (f *flow) of(e ast.Expr) cands {
	f.ready()
	return f.eval(e, nil, 0)
}

// eval is of with the parameters of the function being entered bound to the
// arguments of the call that enters it.
func (f *flow) eval(e ast.Expr, bind map[*types.Var]ast.Expr, depth int) cands {
	if depth > maxFlowDepth {
		return cands{Unknown: true}
	}
	e = ast.Unparen(e)
	info := f.pass.TypesInfo
	if tv := info.Types[e]; tv.Value != nil {
		if v := constValue(tv.Value, tv.Type); v != nil {
			v.Pos, v.End = e.Pos(), e.End()
			if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				v.Replace = &Edit{Pos: lit.Pos(), End: lit.End(), NewText: "%q"}
			}
			return cands{Consts: []*Value{v}}
		}
		return cands{Unknown: true}
	}
	switch x := e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		obj := f.target(x)
		if v, ok := f.importedConst(obj, x); ok {
			return cands{Consts: []*Value{v}}
		}
		if sel, ok := x.(*ast.SelectorExpr); ok {
			if c, ok := f.literalField(sel, bind, depth); ok {
				return c // fallbacks[0].ID: that literal's ID, not every ID the package writes
			}
		}
		out := f.object(obj, bind, depth)
		if cs := f.importedFieldConsts(obj, x); len(cs) > 0 {
			out.Consts = append(out.Consts, cs...)
			out.Unknown = true // the declaring package's default; this one may set others
		}
		if sel, ok := x.(*ast.SelectorExpr); ok {
			if v, ok := obj.(*types.Var); ok && v.IsField() && v.Pkg() != f.pass.Pkg {
				// req.Model with req a parameter: the caller's literal says.
				for _, o := range f.eval(sel.X, bind, depth+1).Origins {
					if !o.IsField() {
						out.ParamFields = append(out.ParamFields, paramField{Param: o, Field: v.Name()})
					}
				}
			}
		}
		return out
	case *ast.StarExpr:
		// *p where p := flag.String(name, def, usage).
		return f.eval(x.X, bind, depth+1)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			// &cfg.Temperature: encoding/json marshals what it points to.
			return f.eval(x.X, bind, depth+1)
		}
	case *ast.CallExpr:
		return f.call(x, bind, depth)
	case *ast.IndexExpr:
		return f.mapValue(x, bind, depth)
	case *ast.BinaryExpr:
		// base + "/chat/completions": no constant, but where the parts come from.
		return cands{Unknown: true, Origins: append(f.eval(x.X, bind, depth+1).Origins, f.eval(x.Y, bind, depth+1).Origins...)}
	}
	return cands{Unknown: true}
}

// object is what a variable or field may hold, from every assignment to it.
func (f *flow) object(obj types.Object, bind map[*types.Var]ast.Expr, depth int) cands {
	v, ok := obj.(*types.Var)
	if !ok || v.Pkg() == nil {
		return cands{Unknown: true}
	}
	if v.Pkg() != f.pass.Pkg && !(v.IsField() && !sdkPackages()[v.Pkg().Path()] && len(f.assigns[obj]) > 0) {
		return cands{Unknown: true} // another package's variable or field
	}
	if bind == nil {
		if c, ok := f.memo[obj]; ok {
			return *c
		}
	}
	if f.active[obj] {
		return cands{} // a cycle adds nothing new
	}
	f.active[obj] = true
	defer delete(f.active, obj)
	var out cands
	arg, bound := bind[v]
	if bound {
		// A parameter of the call being followed: that call's argument, and what
		// the body itself assigns (if model == "" { model = "deepseek-flash" }).
		out = f.eval(arg, nil, depth+1)
	} else {
		// Another package's field (an options struct this package fills): what
		// this package writes, beside whatever others do.
		out.Unknown = f.opaque[obj] || len(f.assigns[obj]) == 0 && !isLocalTo(v) || v.Pkg() != f.pass.Pkg
		if f.opaque[obj] {
			out.Origins = []*types.Var{v}
		}
		if (v.IsField() || v.Parent() == v.Pkg().Scope()) && v.Exported() && f.pass.Pkg.Name() != "main" && v.Pkg() == f.pass.Pkg {
			out.Unknown = true // others may set an exported field or variable
			out.Origins = []*types.Var{v}
		}
	}
	for _, a := range f.assigns[obj] {
		if bound && a.fromCall {
			continue
		}
		var c cands
		if a.index >= 0 {
			switch x := ast.Unparen(a.expr).(type) {
			case *ast.CallExpr:
				c = f.result(x, a.index, depth+1)
			case *ast.IndexExpr:
				c = cands{Unknown: true}
				if a.index == 0 {
					c = f.mapValue(x, nil, depth+1) // v, ok := m[k]
				}
			default:
				c = cands{Unknown: true}
			}
		} else {
			// Locals of the function being entered keep its binding.
			b := bind
			if v.IsField() || v.Parent() == f.pass.Pkg.Scope() {
				b = nil
			}
			c = f.eval(a.expr, b, depth+1)
		}
		out = out.union(c)
	}
	if sent := f.sentinels[obj]; len(sent) > 0 {
		kept := out.Consts[:0:0]
		for _, c := range out.Consts {
			if sent[constKey(c)] || sent[negativeSentinel] && isNegative(c) {
				out.Unknown = true
				continue
			}
			kept = append(kept, c)
		}
		out.Consts = kept
	}
	if bind == nil {
		f.memo[obj] = &out
	}
	return out
}

// constKey spells a lowered constant for comparison: numbers by their float64 value.
func constKey(v *Value) string {
	switch c := v.Const.(type) {
	case string:
		return "s" + c
	case bool:
		return fmt.Sprint(c)
	case json.Number:
		if f, err := c.Float64(); err == nil {
			return strconv.FormatFloat(f, 'g', -1, 64)
		}
		return string(c)
	}
	return ""
}

// isLocalTo reports whether a variable is declared inside a function: a local
// assigned nothing is a zero value, not an input.
func isLocalTo(v *types.Var) bool {
	return !v.IsField() && v.Parent() != nil && v.Parent() != v.Pkg().Scope()
}

// call is what a call may return: a flag's default, cmp.Or's arguments, or the
// return statements of a function of this package with its parameters bound.
func (f *flow) call(call *ast.CallExpr, bind map[*types.Var]ast.Expr, depth int) cands {
	callee := calleeFunc(f.pass, call)
	if callee == nil {
		if tv := f.pass.TypesInfo.Types[call.Fun]; tv.IsType() && len(call.Args) == 1 {
			return f.eval(call.Args[0], bind, depth+1) // a conversion
		}
		return cands{Unknown: true}
	}
	if d := flagDefault(callee); d >= 0 && d < len(call.Args) {
		if _, isPtr := types.Unalias(callee.Signature().Results().At(0).Type()).(*types.Pointer); callee.Signature().Results().Len() == 1 && isPtr {
			c := f.eval(call.Args[d], bind, depth+1)
			c.Unknown = true // the user may override the default
			return c
		}
	}
	if v, ok := f.importedConst(callee, call); ok && len(call.Args) == 0 {
		return cands{Consts: []*Value{v}}
	}
	if c, ok := f.importedReturns(callee, call, depth); ok {
		return c
	}
	if stringJoiners()[funcName(callee)] {
		out := cands{Unknown: true}
		for _, a := range call.Args {
			out.Origins = append(out.Origins, f.eval(a, bind, depth+1).Origins...)
		}
		return out
	}
	if callee.Pkg() != nil && callee.Pkg().Path() == "cmp" && callee.Name() == "Or" {
		var out cands
		for _, a := range call.Args {
			out = out.union(f.eval(a, bind, depth+1))
		}
		return out
	}
	return f.result(call, 0, depth)
}

// result is what the index-th result of a call to a function of this package may
// be.
func (f *flow) result(call *ast.CallExpr, index int, depth int) cands {
	callee := calleeFunc(f.pass, call)
	if callee == nil || f.decls[callee.Origin()] == nil {
		return cands{Unknown: true}
	}
	fn := callee.Origin()
	params := paramsOf(fn)
	bind := map[*types.Var]ast.Expr{}
	for i, a := range call.Args {
		if i < len(params) && !(fn.Signature().Variadic() && i >= len(params)-1) && len(call.Args) == len(params) {
			bind[params[i]] = a
		}
	}
	var out cands
	rets := f.returns[fn]
	if len(rets) == 0 {
		return cands{Unknown: true}
	}
	other := f.otherProviderReturns(fn)
	for _, r := range rets {
		switch {
		case len(r.Results) == fn.Signature().Results().Len() && index < len(r.Results):
			c := f.eval(r.Results[index], bind, depth+1)
			if other[r] {
				c.Consts = forOther(c.Consts) // case "openai": return "gpt-4o"
			}
			out = out.union(c)
		default:
			out.Unknown = true // a bare return of named results, or a tuple call
		}
	}
	return out
}

func (c cands) union(d cands) cands {
	out := cands{Unknown: c.Unknown || d.Unknown}
	out.Origins = append(append(out.Origins, c.Origins...), d.Origins...)
	out.ParamFields = append(append(out.ParamFields, c.ParamFields...), d.ParamFields...)
	out.Consts = append(out.Consts, c.Consts...)
	for _, v := range d.Consts {
		dup := false
		for _, w := range out.Consts {
			if sameConst(v, w) && v.Pos == w.Pos {
				dup = true
			}
		}
		if !dup {
			out.Consts = append(out.Consts, v)
		}
	}
	if len(out.Consts) > maxCands {
		out.Consts, out.Unknown = out.Consts[:maxCands], true
	}
	return out
}

// strings returns the string constants among the candidates.
func (c cands) strings() []string {
	var out []string
	for _, v := range c.Consts {
		if v.Kind == String {
			out = append(out, v.Const.(string))
		}
	}
	return out
}

// mapValue is what m[k] may be when m is a package-level map this package
// initializes with a literal (a gateway's model table): any of its values, or the
// zero value, or whatever other code puts in.
func (f *flow) mapValue(x *ast.IndexExpr, bind map[*types.Var]ast.Expr, depth int) cands {
	out := cands{Unknown: true}
	id, ok := ast.Unparen(x.X).(*ast.Ident)
	if !ok {
		return out
	}
	v, ok := f.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Pkg() != f.pass.Pkg || v.Parent() != f.pass.Pkg.Scope() {
		return out
	}
	if _, isMap := types.Unalias(v.Type()).Underlying().(*types.Map); !isMap {
		return out
	}
	as := f.assigns[v]
	if len(as) != 1 {
		return out
	}
	lit, ok := ast.Unparen(as[0].expr).(*ast.CompositeLit)
	if !ok {
		return out
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			consts := f.eval(kv.Value, bind, depth+1).Consts
			if f.namesOtherProvider(kv.Key) {
				consts = forOther(consts)
			}
			out.Consts = append(out.Consts, consts...)
		}
	}
	return out
}

// sentinelKey is what comparing a value with the constant c marks as "unset":
// the constant itself (x == C), negative numbers (x >= 0), or nothing.
func sentinelKey(op token.Token, c types.TypeAndValue) string {
	if c.Value == nil {
		return ""
	}
	switch op {
	case token.EQL, token.NEQ:
		if v := constValue(c.Value, c.Type); v != nil {
			return constKey(v)
		}
	case token.LSS, token.LEQ, token.GTR, token.GEQ:
		if k := c.Value.Kind(); (k == constant.Int || k == constant.Float) && constant.Sign(c.Value) >= 0 {
			return negativeSentinel
		}
	}
	return ""
}

// negativeSentinel marks, among an object's sentinels, that it is compared with a
// non-negative bound (x >= 0): its negative constants mean "unset".
const negativeSentinel = "<0"

// isNegative reports whether a constant is a negative number.
func isNegative(v *Value) bool {
	n, ok := v.Const.(json.Number)
	if !ok {
		return false
	}
	f, err := n.Float64()
	return err == nil && f < 0
}
