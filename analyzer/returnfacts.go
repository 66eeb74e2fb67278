package analyzer

import (
	"go/ast"
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
	return "returns:" + strings.Join(parts, ",")
}

// exportReturnFacts records what this package's exported string functions return
// when it may name a model: a DeepSeek model constant, or a field called Model.
// Other getters stay without a fact: every importer decodes them.
func exportReturnFacts(pass *analysis.Pass, c *schema.Contract) {
	info := pass.TypesInfo
	for _, file := range pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || !fd.Name.IsExported() {
				continue
			}
			fn, ok := info.Defs[fd.Name].(*types.Func)
			if !ok || fn.Signature().Results().Len() == 0 || !isString(fn.Signature().Results().At(0).Type()) {
				continue
			}
			var fact returnsFact
			models := false
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
						fact.Consts = append(fact.Consts, *cf)
						models = models || isModelID(c, cf.Text)
					} else if field := returnedField(pass, e); field != nil {
						if path, err := objectpath.For(field); err == nil {
							fact.Fields = append(fact.Fields, string(path))
							models = models || strings.EqualFold(field.Name(), "model") || strings.HasSuffix(field.Name(), "Model")
						}
					}
				}
				return true
			})
			if models && !(fd.Recv == nil && fn.Signature().Params().Len() == 0 && len(fact.Consts) == 1 && len(fact.Fields) == 0) {
				// (A function that returns one constant is a constFact already.)
				pass.ExportObjectFact(fn, &fact)
			}
		}
	}
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
	return out, true
}
