package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// Values read from literals the package shows. Field-insensitive flow gives a
// field every value the package writes to it; where every path of the value a
// field is read from is a struct literal (a catalog's first entry, a
// constructor's result), the literals' own values are the field's.

// literalField reads a field of a value every path of which the package shows as
// a struct literal (a catalog's first entry, a constructor's result): the values
// those literals give the field, rather than every value the package writes to
// it. It reports false when some path is not a literal.
func (f *flow) literalField(sel *ast.SelectorExpr, bind map[*types.Var]ast.Expr, depth int) (cands, bool) {
	s := f.pass.TypesInfo.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
		return cands{}, false
	}
	lits, ok := f.structLiterals(sel.X, 0)
	if !ok || len(lits) == 0 {
		return cands{}, false
	}
	name := s.Obj().Name()
	var out cands
	for _, lit := range lits {
		set := false
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
					out = out.union(f.eval(kv.Value, bind, depth+1))
					set = true
				}
			}
		}
		if !set {
			out.Unknown = true // the zero value, or a positional literal
		}
	}
	return out, true
}

// structLiterals lists the struct literals an expression may be, following locals
// assigned only literals, indexing of slice literals and this package's functions
// that return literals. It reports false when some path is something else.
func (f *flow) structLiterals(e ast.Expr, depth int) ([]*ast.CompositeLit, bool) {
	if depth > 4 {
		return nil, false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return f.structLiterals(x.X, depth+1)
		}
	case *ast.CompositeLit:
		if _, ok := types.Unalias(deref(f.pass.TypesInfo.TypeOf(x))).Underlying().(*types.Struct); ok {
			return []*ast.CompositeLit{x}, true
		}
	case *ast.IndexExpr:
		slices, ok := f.sliceLiterals(x.X, depth+1)
		if !ok {
			return nil, false
		}
		var out []*ast.CompositeLit
		for _, sl := range slices {
			elts := sl.Elts
			if tv := f.pass.TypesInfo.Types[x.Index]; tv.Value != nil {
				if i, ok := constant.Int64Val(tv.Value); ok && i >= 0 && int(i) < len(elts) {
					elts = elts[i : i+1]
				}
			}
			for _, el := range elts {
				lits, ok := f.structLiterals(el, depth+1)
				if !ok {
					return nil, false
				}
				out = append(out, lits...)
			}
		}
		return out, true
	case *ast.Ident:
		return f.assignedLiterals(x, depth, f.structLiterals)
	case *ast.CallExpr:
		return f.returnedLiterals(x, depth, f.structLiterals)
	}
	return nil, false
}

// sliceLiterals is structLiterals for slice literals.
func (f *flow) sliceLiterals(e ast.Expr, depth int) ([]*ast.CompositeLit, bool) {
	if depth > 4 {
		return nil, false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		if _, ok := types.Unalias(f.pass.TypesInfo.TypeOf(x)).Underlying().(*types.Slice); ok {
			return []*ast.CompositeLit{x}, true
		}
	case *ast.Ident:
		return f.assignedLiterals(x, depth, f.sliceLiterals)
	case *ast.CallExpr:
		return f.returnedLiterals(x, depth, f.sliceLiterals)
	}
	return nil, false
}

// assignedLiterals follows a local the function assigns only literals.
func (f *flow) assignedLiterals(x *ast.Ident, depth int, of func(ast.Expr, int) ([]*ast.CompositeLit, bool)) ([]*ast.CompositeLit, bool) {
	v, ok := f.pass.TypesInfo.Uses[x].(*types.Var)
	if !ok || !isLocalTo(v) || f.opaque[v] || len(f.assigns[v]) == 0 {
		return nil, false
	}
	var out []*ast.CompositeLit
	for _, a := range f.assigns[v] {
		if a.index > 0 || a.fromCall {
			return nil, false
		}
		lits, ok := of(a.expr, depth+1)
		if !ok {
			return nil, false
		}
		out = append(out, lits...)
	}
	return out, true
}

// returnedLiterals follows a call of this package's function to the literals its
// first result is on every return.
func (f *flow) returnedLiterals(call *ast.CallExpr, depth int, of func(ast.Expr, int) ([]*ast.CompositeLit, bool)) ([]*ast.CompositeLit, bool) {
	callee := calleeFunc(f.pass, call)
	if callee == nil || f.decls[callee.Origin()] == nil || len(f.returns[callee.Origin()]) == 0 {
		return nil, false
	}
	var out []*ast.CompositeLit
	for _, r := range f.returns[callee.Origin()] {
		if len(r.Results) == 0 {
			return nil, false
		}
		lits, ok := of(r.Results[0], depth+1)
		if !ok {
			return nil, false
		}
		out = append(out, lits...)
	}
	return out, true
}
