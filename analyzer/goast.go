// Go-code helpers: constants, callees and syntax, used by every step above.

package analyzer

import (
	"encoding/json"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

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

func calleeIdent(call *ast.CallExpr) *ast.Ident {
	id, _ := ast.Unparen(call.Fun).(*ast.Ident)
	return id
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
	// Sized first: growing a map of every node of a large function costs several
	// times the count.
	size := 0
	ast.Inspect(root, func(n ast.Node) bool {
		if n != nil {
			size++
		}
		return true
	})
	parents := make(map[ast.Node]ast.Node, size)
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
