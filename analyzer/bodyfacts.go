package analyzer

import (
	"encoding/json"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"github.com/deepseekvet/deepseekvet/schema"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"
)

// Bodies another package sends. A client library builds the whole request
// (Model: c.model, Temperature: c.opts.Temperature, Stop: opts.Stop) and its
// importer chooses the values. sinkFact checks each value alone; rules that join
// keys (temperature ignored while thinking is on, top_logprobs without logprobs)
// need the body. The library exports each DeepSeek-bound body it builds, with the
// holes its importers fill named by object path; an importer fills them with the
// constants it passes and checks the body, reporting where it writes them.

// bodiesFact lists the DeepSeek-bound bodies a package builds from values its
// importers supply.
type bodiesFact struct{ Bodies []portableBody }

type portableBody struct {
	Endpoint string
	Sender   string // the function that builds it, for the message
	Shared   bool   // the builder also sends to other providers
	Body     portableValue
}

// portableValue is a Value without positions or type objects. A hole's Origins are
// object paths in the declaring package.
type portableValue struct {
	Kind      Kind
	Const     string
	Types     []string
	Members   []portableMember
	Elems     []portableValue
	Open      bool
	Unknown   bool // UnknownBefore
	Nullable  bool
	Origins   []string
	OmitEmpty bool
}

type portableMember struct {
	Key   string
	Maybe bool
	Value portableValue
}

func (*bodiesFact) AFact() {}

func (f *bodiesFact) String() string {
	s := "bodies:"
	for i, b := range f.Bodies {
		if i > 0 {
			s += ","
		}
		s += b.Sender + "@" + strings.TrimSuffix(strings.SplitN(b.Endpoint, ".", 2)[0], ".schema")
	}
	return s
}

// add records a bound site whose top-level keys the contract constrains take
// values from importers (free text such as a prompt is not worth a fact).
func (rec *bodyRecorder) add(r *reporter, s *site, ep schema.Endpoint) {
	if s.value == nil || s.value.Kind != Object || s.fn == nil || r.pass.Pkg.Name() == "main" {
		return
	}
	open := map[*Value]bool{}
	for _, m := range s.value.Members {
		if m.Value.Kind == Hole && len(m.Value.Origins) > 0 && r.constrained(ep, m.Key, m.Value) {
			open[m.Value] = true
		}
	}
	if len(open) == 0 {
		return
	}
	found := false
	pv := portable(s.value, r.pass.Pkg, open, &found)
	if found {
		rec.bodies = append(rec.bodies, portableBody{Endpoint: string(ep), Sender: senderName(r.pass, s.fn), Shared: s.shared, Body: pv})
	}
}

// bodyRecorder collects this package's bodies, to export once.
type bodyRecorder struct{ bodies []portableBody }

func (rec *bodyRecorder) export(pass *analysis.Pass) {
	if len(rec.bodies) > 0 {
		pass.ExportPackageFact(&bodiesFact{Bodies: rec.bodies})
	}
}

// senderName spells the function that builds a body as its package's users do:
// dsclient.New, (*dsclient.Client).Ask.
func senderName(pass *analysis.Pass, fn ast.Node) string {
	fd, ok := fn.(*ast.FuncDecl)
	if !ok {
		return ""
	}
	name := pass.Pkg.Name() + "." + fd.Name.Name
	if fd.Recv != nil && len(fd.Recv.List) == 1 {
		recv := types.ExprString(fd.Recv.List[0].Type)
		star := strings.HasPrefix(recv, "*")
		recv = pass.Pkg.Name() + "." + strings.TrimPrefix(recv, "*")
		if star {
			recv = "*" + recv
		}
		name = "(" + recv + ")." + fd.Name.Name
	}
	return name
}

func portable(v *Value, pkg *types.Package, open map[*Value]bool, found *bool) portableValue {
	p := portableValue{Kind: v.Kind, Types: v.Types, Open: v.Open, Unknown: v.UnknownBefore, Nullable: v.Nullable}
	switch c := v.Const.(type) {
	case string:
		p.Const = c
	case json.Number:
		p.Const = string(c)
	case bool:
		p.Const = strconv.FormatBool(c)
	}
	for _, o := range v.Origins {
		if !open[v] || o.Pkg() != pkg {
			continue
		}
		if path, err := objectpath.For(o); err == nil {
			p.Origins = append(p.Origins, string(path))
			*found = true
		}
	}
	for _, m := range v.Members {
		p.Members = append(p.Members, portableMember{Key: m.Key, Maybe: m.Maybe, Value: portable(m.Value, pkg, open, found)})
		p.Members[len(p.Members)-1].Value.OmitEmpty = m.OmitEmpty
	}
	for _, e := range v.Elems {
		p.Elems = append(p.Elems, portable(e, pkg, open, found))
	}
	return p
}

// checkImportedBodies fills the holes of the bodies imported packages build with
// the constants this package supplies, and checks each body.
func (r *reporter) checkImportedBodies(fl *flow) {
	for _, pf := range r.pass.AllPackageFacts() {
		f, ok := pf.Fact.(*bodiesFact)
		if !ok || pf.Package == r.pass.Pkg {
			continue
		}
		for _, b := range f.Bodies {
			supplied := map[string][]*Value{}
			body := r.rebuild(b.Body, pf.Package, fl, supplied)
			if len(supplied) == 0 {
				continue
			}
			s := &site{value: body, shared: b.Shared}
			r.sender = b.Sender
			r.check(s, schema.Endpoint(b.Endpoint))
			r.sender = ""
		}
	}
}

// rebuild turns a portable body back into a Value, with the constants this
// package gives each origin as the hole's candidates.
func (r *reporter) rebuild(p portableValue, pkg *types.Package, fl *flow, supplied map[string][]*Value) *Value {
	v := &Value{Kind: p.Kind, Types: p.Types, Open: p.Open, UnknownBefore: p.Unknown, Nullable: p.Nullable}
	switch p.Kind {
	case String:
		v.Const = p.Const
	case Number:
		v.Const = json.Number(p.Const)
	case Bool:
		v.Const = p.Const == "true"
	}
	for _, path := range p.Origins {
		obj, err := objectpath.Object(pkg, objectpath.Path(path))
		if err != nil {
			continue
		}
		cands, ok := supplied[path]
		if !ok {
			cands = r.suppliedTo(obj, fl)
			if len(cands) > 0 {
				supplied[path] = cands
			}
		}
		v.Cands = append(v.Cands, cands...)
	}
	for _, m := range p.Members {
		mv := r.rebuild(m.Value, pkg, fl, supplied)
		v.Members = append(v.Members, &Member{Key: m.Key, Maybe: m.Maybe, OmitEmpty: m.Value.OmitEmpty, Value: mv})
	}
	for _, e := range p.Elems {
		v.Elems = append(v.Elems, r.rebuild(e, pkg, fl, supplied))
	}
	return v
}

// suppliedTo is every constant this package passes to a parameter, or writes to
// a field or package-level variable, of another package.
func (r *reporter) suppliedTo(obj types.Object, fl *flow) []*Value {
	info := r.pass.TypesInfo
	var out []*Value
	add := func(e ast.Expr) {
		for _, c := range fl.of(e).Consts {
			if !isZero(c) && r.inPackage(c.Pos) {
				out = append(out, c)
			}
		}
	}
	param := -1
	var fn *types.Func
	if v, ok := obj.(*types.Var); ok && !v.IsField() && v.Parent() != v.Pkg().Scope() {
		fn, param = paramOwner(v)
		if fn == nil {
			return nil
		}
	}
	for _, file := range r.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if fn == nil {
					return true
				}
				callee := calleeFunc(r.pass, n)
				if callee != nil && callee.Origin() == fn && param < len(n.Args) && !(fn.Signature().Variadic() && param >= fn.Signature().Params().Len()-1) {
					add(n.Args[param])
				}
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && fn == nil && info.Uses[id] == obj {
					add(n.Value)
				}
			case *ast.AssignStmt:
				if fn != nil || len(n.Lhs) != len(n.Rhs) || n.Tok != token.ASSIGN {
					return true
				}
				for i, lhs := range n.Lhs {
					if fl.target(lhs) == obj {
						add(n.Rhs[i])
					}
				}
			}
			return true
		})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Pos < out[j].Pos })
	return out
}
