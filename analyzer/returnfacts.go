package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/deepseekvet/deepseekvet/schema"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"
)

// Models another package's function returns. A shared base client resolves the
// model (func (c *BaseClient) ResolveModel(o Options) string { … return
// c.config.Model }) and each provider package sets the field before:
// config.Model = "deepseek-chat". A provider-neutral switch returns each one's
// default (GetDefaultModel(p) returns "deepseek-chat" for DeepSeek). The declaring
// package records what the function returns: the model constants, and the fields
// it reads, whose values the importer's own assignments say.

// returnsFact is what an exported function's first result may be: constants
// among its returns, and fields of its package it returns (object paths).
type returnsFact struct {
	Consts []constFact
	Fields []string
	// ParamFields are fields of a parameter it returns (opts.Model with opts the
	// call's options): the caller's argument says.
	ParamFields []returnedParamField
}

type returnedParamField struct {
	Param int
	Field string
}

func (*returnsFact) AFact() {}

func (f *returnsFact) String() string {
	var parts []string
	for _, c := range f.Consts {
		parts = append(parts, c.Text)
	}
	for _, p := range f.Fields {
		parts = append(parts, "field "+p)
	}
	for _, p := range f.ParamFields {
		parts = append(parts, fmt.Sprintf("param %d.%s", p.Param, p.Field))
	}
	return "returns:" + strings.Join(parts, ",")
}

// exportReturnFacts records what this package's exported scalar functions
// return when it is a constant or an exported field of this package: a getter a
// base client shares (ResolveModel, ResolveTemperature) or a provider switch
// (GetDefaultModel). It runs in every package, before the prefilter: such a base
// package need not import encoding/json or name DeepSeek. A function that returns
// only constants gets a fact only when its body names DeepSeek (case "deepseek":),
// so that String methods and error texts stay without one.
func exportReturnFacts(pass *analysis.Pass) {
	info := pass.TypesInfo
	for _, file := range pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || !fd.Name.IsExported() {
				continue
			}
			fn, ok := info.Defs[fd.Name].(*types.Func)
			if !ok || fn.Signature().Results().Len() == 0 || !isScalar(fn.Signature().Results().At(0).Type()) {
				continue
			}
			if fd.Recv == nil && fn.Signature().Params().Len() == 0 && len(fd.Body.List) == 1 {
				continue // one return statement: a constFact
			}
			var fact returnsFact
			named := false
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.ReturnStmt:
					if len(n.Results) != fn.Signature().Results().Len() {
						return true
					}
					e := ast.Unparen(n.Results[0])
					if cf := constFactOf(info, e); cf != nil {
						// Zero values say nothing. A number from a function of its
						// arguments (GetDefaultMaxTokens(provider)) is one provider's
						// among several, and unlike a model names none: left out.
						if cf.Text != "" && cf.Text != "0" && cf.Text != "false" && (cf.Kind == String || fn.Signature().Params().Len() == 0) {
							fact.Consts = append(fact.Consts, *cf)
						}
					} else if i, field := paramFieldReturned(pass, fn, e); i >= 0 {
						fact.ParamFields = append(fact.ParamFields, returnedParamField{Param: i, Field: field})
					} else if field := returnedField(pass, e); field != nil && field.Exported() {
						if path, err := objectpath.For(field); err == nil {
							fact.Fields = append(fact.Fields, string(path))
						}
					}
				case *ast.BasicLit:
					named = named || n.Kind == token.STRING && containsFold(n.Value, "deepseek")
				}
				return true
			})
			if len(fact.Fields) > 0 || len(fact.ParamFields) > 0 && len(fact.Fields)+len(fact.Consts) > 0 || len(fact.Consts) > 0 && named {
				pass.ExportObjectFact(fn, &fact)
			}
		}
	}
}

// paramFieldReturned is the index of the parameter whose field a returned
// selector reads (opts.Model), and the field's name, or -1.
func paramFieldReturned(pass *analysis.Pass, fn *types.Func, e ast.Expr) (int, string) {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return -1, ""
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return -1, ""
	}
	if s, ok := pass.TypesInfo.Selections[sel]; !ok || s.Kind() != types.FieldVal {
		return -1, ""
	}
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		if pass.TypesInfo.Uses[id] == params.At(i) {
			return i, sel.Sel.Name
		}
	}
	return -1, ""
}

// returnedField is the field of this package a returned selector reads
// (c.config.Model), or nil.
func returnedField(pass *analysis.Pass, e ast.Expr) *types.Var {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	s, ok := pass.TypesInfo.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return nil
	}
	v := s.Obj().(*types.Var)
	if v.Pkg() != pass.Pkg {
		return nil
	}
	return v
}

// isModelID reports whether the contract knows s as a DeepSeek model id.
func isModelID(c *schema.Contract, s string) bool {
	for _, list := range [][]string{c.Accepted, c.Retired} {
		for _, m := range list {
			if strings.EqualFold(m, s) {
				return true
			}
		}
	}
	return false
}

// importedReturns is what a call to another package's function with a returnsFact
// may return: its constants, placed at the call, and what this package writes to
// the fields it returns. Other callers may set those fields too.
func (f *flow) importedReturns(callee *types.Func, call *ast.CallExpr, depth int) (cands, bool) {
	if callee.Pkg() == nil || callee.Pkg() == f.pass.Pkg {
		return cands{}, false
	}
	var fact returnsFact
	if !f.pass.ImportObjectFact(callee.Origin(), &fact) {
		return cands{}, false
	}
	out := cands{Unknown: true}
	for _, c := range fact.Consts {
		if v, ok := constFactValue(c, call); ok {
			out.Consts = append(out.Consts, v)
		}
	}
	for _, p := range fact.Fields {
		if obj, err := objectpath.Object(callee.Pkg(), objectpath.Path(p)); err == nil {
			out = out.union(f.object(obj, nil, depth+1))
		}
	}
	for _, pf := range fact.ParamFields {
		if pf.Param >= len(call.Args) || callee.Signature().Variadic() && pf.Param >= callee.Signature().Params().Len()-1 {
			continue
		}
		arg := call.Args[pf.Param]
		if v := fieldValue(f.pass, f, arg, pf.Field); v != nil {
			out = out.union(f.eval(v, nil, depth+1))
		}
		for _, o := range f.eval(arg, nil, depth+1).Origins {
			if !o.IsField() {
				out.ParamFields = append(out.ParamFields, paramField{Param: o, Field: pf.Field})
			}
		}
	}
	return out, true
}
