package analyzer

import (
	"encoding/json"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Constants another package names. A client library declares its model names as
// variables (var ModelReasoner = ModelType("deepseek-reasoner")) or returns a
// default from a function (func DefaultModel() string { return "deepseek-chat" });
// Go's types give an importer neither value. The declaring package records the
// constant as a fact on the variable or function, and an importer's flow reads it
// where the name is used, which is also where the fix goes.

// constFact is the constant an exported package-level variable is initialised with,
// or the one an exported function always returns.
type constFact struct {
	Kind Kind
	Text string
}

func (*constFact) AFact() {}

func (f *constFact) String() string { return "const:" + f.Text }

// exportConstFacts records the constants of this package's exported variables and
// constant-returning functions. It reads declarations only, without the flow index.
func exportConstFacts(pass *analysis.Pass) {
	info := pass.TypesInfo
	for _, file := range pass.Files {
		for _, d := range file.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				if d.Tok != token.VAR {
					continue
				}
				for _, spec := range d.Specs {
					vs := spec.(*ast.ValueSpec)
					if len(vs.Values) != len(vs.Names) {
						continue
					}
					for i, name := range vs.Names {
						if f := constFactOf(info, vs.Values[i]); f != nil && name.IsExported() {
							pass.ExportObjectFact(info.Defs[name], f)
						}
					}
				}
			case *ast.FuncDecl:
				if d.Recv != nil || !d.Name.IsExported() || d.Body == nil || len(d.Body.List) != 1 {
					continue
				}
				if ret, ok := d.Body.List[0].(*ast.ReturnStmt); ok && len(ret.Results) == 1 {
					if f := constFactOf(info, ret.Results[0]); f != nil {
						pass.ExportObjectFact(info.Defs[d.Name], f)
					}
				}
			}
		}
	}
}

func constFactOf(info *types.Info, e ast.Expr) *constFact {
	tv := info.Types[e]
	if tv.Value == nil {
		return nil
	}
	v := constValue(tv.Value, tv.Type)
	if v == nil {
		return nil
	}
	return constFactOfValue(v)
}

// constFactOfValue is the fact for a constant Value.
func constFactOfValue(v *Value) *constFact {
	switch c := v.Const.(type) {
	case string:
		return &constFact{Kind: String, Text: c}
	case json.Number:
		return &constFact{Kind: Number, Text: string(c)}
	case bool:
		return &constFact{Kind: Bool, Text: strconv.FormatBool(c)}
	}
	return nil
}

// importedConst is the constant another package's variable or function stands
// for, placed at e, where this package names it.
func (f *flow) importedConst(obj types.Object, e ast.Expr) (*Value, bool) {
	if obj == nil || obj.Pkg() == nil || obj.Pkg() == f.pass.Pkg {
		return nil, false
	}
	if v, ok := obj.(*types.Var); ok && (v.IsField() || v.Parent() != v.Pkg().Scope()) {
		return nil, false
	}
	var fact constFact
	if !f.pass.ImportObjectFact(obj, &fact) {
		return nil, false
	}
	return constFactValue(fact, e)
}

// constFactValue is a fact's constant as a Value placed at e.
func constFactValue(fact constFact, e ast.Expr) (*Value, bool) {
	v := &Value{Kind: fact.Kind, Pos: e.Pos(), End: e.End()}
	switch fact.Kind {
	case String:
		v.Const = fact.Text
	case Number:
		v.Const = json.Number(fact.Text)
	case Bool:
		v.Const = fact.Text == "true"
	default:
		return nil, false
	}
	return v, true
}

// fieldConstsFact lists the DeepSeek-naming string constants a package assigns to
// one of its exported fields (a session loader's fallback: s.Model = DefaultModel),
// which reach an importer's request wherever it reads the field.
type fieldConstsFact struct{ Consts []constFact }

func (*fieldConstsFact) AFact() {}

func (f *fieldConstsFact) String() string {
	var parts []string
	for _, c := range f.Consts {
		parts = append(parts, c.Text)
	}
	return "fieldconsts:" + strings.Join(parts, ",")
}

// exportFieldConsts records, for each exported field of this package, the string
// constants naming DeepSeek that this package assigns to it.
// Fields of the payload types this package binds are left out: their values are
// checked here, where they are written (checkFields).
func exportFieldConsts(pass *analysis.Pass, ins *inspector.Inspector, fl *flow, bound []*types.TypeName) {
	if sdkPackages()[pass.Pkg.Path()] {
		return // an SDK's own defaults are in sdks.json, with what overrides them
	}
	info := pass.TypesInfo
	payloadField := map[*types.Var]bool{}
	for _, tn := range bound {
		if st, ok := tn.Type().Underlying().(*types.Struct); ok {
			for i := 0; i < st.NumFields(); i++ {
				payloadField[st.Field(i)] = true
			}
		}
	}
	found := map[*types.Var][]constFact{}
	fromLiteral := map[*types.Var][]constFact{}
	others := map[*types.Var]bool{} // fields this package also gives other providers' values
	addTo := func(into map[*types.Var][]constFact, field types.Object, f *constFact) {
		v, ok := field.(*types.Var)
		if !ok || !v.IsField() || !v.Exported() || v.Pkg() != pass.Pkg || payloadField[v] || f == nil || f.Kind != String || f.Text == "" {
			return
		}
		if !containsFold(f.Text, "deepseek") {
			others[v] = true
			return
		}
		if !slices.Contains(into[v], *f) {
			into[v] = append(into[v], *f)
		}
	}
	addFact := func(field types.Object, f *constFact) { addTo(found, field, f) }
	add := func(field types.Object, e ast.Expr) { addFact(field, constFactOf(info, e)) }
	// Assignments, and the literals of a loader's config (a payload type's literal
	// is its own site's, checked where it is sent): a fallback assigned later, or
	// Config{Model: getEnv("DEEPSEEK_MODEL", "deepseek-chat")}, is what a loader
	// hands its callers.
	ins.WithStack([]ast.Node{(*ast.AssignStmt)(nil), (*ast.KeyValueExpr)(nil)}, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				return true
			}
			for i, lhs := range n.Lhs {
				if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
					if s, ok := info.Selections[sel]; ok && s.Kind() == types.FieldVal {
						add(s.Obj(), n.Rhs[i])
					}
				}
			}
		case *ast.KeyValueExpr:
			if inTable(info, stack) {
				return true // a row of a catalog or test table, not a loader's default
			}
			if lit, ok := stack[len(stack)-2].(*ast.CompositeLit); ok && payloadShapedType(pass, info.TypeOf(lit), lit) {
				return true // a request's (or saved session's) own literal: its site's
			}
			if id, ok := n.Key.(*ast.Ident); ok && !testFileOf(pass, n.Pos()) {
				// Only a field a fact may go on is worth following its value for.
				if f, ok := info.Uses[id].(*types.Var); ok && f.IsField() && f.Exported() && f.Pkg() == pass.Pkg && !payloadField[f] && isString(f.Type()) {
					for _, c := range fl.of(n.Value).Consts {
						if cf := constFactOfValue(c); cf != nil && !c.ForOther {
							addTo(fromLiteral, f, cf)
						}
					}
				}
			}
		}
		return true
	})
	// A literal's value is a default only where the field is DeepSeek's alone
	// (DeepseekEndpoint): in a config many providers fill (APIBase, Model), the
	// DeepSeek entry says nothing of what an importer's request reads.
	for v, consts := range fromLiteral {
		if others[v] {
			continue
		}
		for _, c := range consts {
			if !slices.Contains(found[v], c) {
				found[v] = append(found[v], c)
			}
		}
	}
	for v, consts := range found {
		pass.ExportObjectFact(v, &fieldConstsFact{Consts: consts})
	}
}

// importedFieldConsts is what another package's field may hold by that package's
// own assignments, placed at e, where this package reads it.
func (f *flow) importedFieldConsts(obj types.Object, e ast.Expr) []*Value {
	v, ok := obj.(*types.Var)
	if !ok || !v.IsField() || v.Pkg() == nil || v.Pkg() == f.pass.Pkg {
		return nil
	}
	var fact fieldConstsFact
	if !f.pass.ImportObjectFact(v, &fact) {
		return nil
	}
	var out []*Value
	for _, c := range fact.Consts {
		if val, ok := constFactValue(c, e); ok {
			out = append(out, val)
		}
	}
	return out
}

// inTable reports whether a node sits in an element of a slice, array or map
// literal: a row of a table.
func inTable(info *types.Info, stack []ast.Node) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		lit, ok := stack[i].(*ast.CompositeLit)
		if !ok {
			continue
		}
		switch info.TypeOf(lit).Underlying().(type) {
		case *types.Slice, *types.Array, *types.Map:
			return true
		}
	}
	return false
}
