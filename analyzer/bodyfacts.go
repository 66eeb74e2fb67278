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
	// DestOrigins are where the builder's URL or client comes from when its
	// importer decides (opendests.go); Paths the request paths it joins to them.
	DestOrigins []string
	Paths       []string
	Body        portableValue
}

// portableValue is a Value without positions or type objects. A hole's Origins are
// object paths in the declaring package.
type portableValue struct {
	Kind     Kind
	Const    string
	Types    []string
	Members  []portableMember
	Elems    []portableValue
	Open     bool
	Unknown  bool // UnknownBefore
	Nullable bool
	Origins  []string
	// ParamFields are fields of parameters the hole is read from (Temperature:
	// c.base.ResolveTemperature(opts) reads opts.Temperature): the object path of
	// the parameter, then the field's name.
	ParamFields [][2]string
	OmitEmpty   bool
	// Defaulted marks a hole the builder's own package gives constants too (a
	// default): it is sent whatever the importer does.
	Defaulted bool
	// Shared marks a hole other providers' requests read too: an importer's
	// constant fills it only where it names DeepSeek.
	Shared bool
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
		ep := strings.TrimSuffix(strings.SplitN(b.Endpoint, ".", 2)[0], ".schema")
		if len(b.DestOrigins) > 0 {
			ep = "importer's destination"
		}
		s += b.Sender + "@" + ep
	}
	return s
}

// add records a bound site whose top-level keys the contract constrains take
// values from importers (free text such as a prompt is not worth a fact).
func (rec *bodyRecorder) add(r *reporter, s *site, ep schema.Endpoint, others otherReads) {
	if s.value == nil || s.value.Kind != Object || s.fn == nil || r.pass.Pkg.Name() == "main" {
		return
	}
	open := map[*Value]bool{}
	for _, m := range s.value.Members {
		if len(m.Value.Origins)+len(m.Value.ParamFields) == 0 {
			continue
		}
		if m.Value.Kind == Hole && r.constrained(ep, m.Key, m.Value) || m.Value.jsonType() == "array" && !s.shared {
			open[m.Value] = true
		}
	}
	if len(open) == 0 {
		return
	}
	found := false
	pv := portable(s.value, r.pass.Pkg, open, others, &found)
	if found {
		rec.bodies = append(rec.bodies, portableBody{Endpoint: string(ep), Sender: senderName(r.pass, s.fn), Shared: s.shared, Body: pv})
	}
}

// addOpen records a site its package does not send to DeepSeek whose URL or
// client an importer supplies.
func (rec *bodyRecorder) addOpen(r *reporter, b *binder, s *site) {
	if s.value == nil || s.value.Kind != Object || s.fn == nil || r.pass.Pkg.Name() == "main" || sdkPackages()[r.pass.Pkg.Path()] || !maySend(b.pass, b.flow, s) {
		return
	}
	origins, paths := b.openDest(s)
	if len(origins) == 0 {
		return
	}
	open := map[*Value]bool{}
	for _, m := range s.value.Members {
		if m.Value.Kind == Hole && len(m.Value.Origins) > 0 || m.Value.jsonType() == "array" && len(m.Value.Origins)+len(m.Value.ParamFields) > 0 {
			open[m.Value] = true
		}
	}
	found := false
	pv := portable(s.value, r.pass.Pkg, open, nil, &found)
	rec.bodies = append(rec.bodies, portableBody{Sender: senderName(r.pass, s.fn), Body: pv, DestOrigins: origins, Paths: paths})
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

func portable(v *Value, pkg *types.Package, open map[*Value]bool, others otherReads, found *bool) portableValue {
	p := portableValue{Kind: v.Kind, Types: v.Types, Open: v.Open, Unknown: v.UnknownBefore, Nullable: v.Nullable, Defaulted: len(v.Cands) > 0}
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
			p.Shared = p.Shared || others[paramField{Param: o}]
			*found = true
		}
	}
	for _, pf := range v.ParamFields {
		if !open[v] || pf.Param.Pkg() != pkg {
			continue
		}
		if path, err := objectpath.For(pf.Param); err == nil {
			p.ParamFields = append(p.ParamFields, [2]string{string(path), pf.Field})
			*found = true
		}
	}
	for _, m := range v.Members {
		p.Members = append(p.Members, portableMember{Key: m.Key, Maybe: m.Maybe, Value: portable(m.Value, pkg, open, others, found)})
		p.Members[len(p.Members)-1].Value.OmitEmpty = m.OmitEmpty
	}
	for _, e := range v.Elems {
		p.Elems = append(p.Elems, portable(e, pkg, open, others, found))
	}
	return p
}

// checkImportedBodies fills the holes of the bodies imported packages build with
// the constants this package supplies, and checks each body: those the builder
// sends to DeepSeek when this package supplies values, and those that go to
// DeepSeek because this package supplies a DeepSeek URL or client.
func (r *reporter) checkImportedBodies(b *binder, rec *bodyRecorder) {
	for _, pf := range r.pass.AllPackageFacts() {
		f, ok := pf.Fact.(*bodiesFact)
		if !ok || pf.Package == r.pass.Pkg {
			continue
		}
		for _, pb := range f.Bodies {
			if passed, ok := r.passOn(pb, pf.Package, b.flow); ok {
				rec.bodies = append(rec.bodies, passed)
			}
			supplied := map[string][]*Value{}
			body := r.rebuild(pb.Body, "", pb.Shared, pf.Package, b.flow, supplied)
			ep := schema.Endpoint(pb.Endpoint)
			if len(pb.DestOrigins) > 0 {
				class, anchor := r.importedDest(b, pf.Package, pb)
				if class&toDeepSeek != 0 && class&toOther != 0 {
					r.checkPerCall(b, pf.Package, pb)
					continue
				}
				if anchor == nil || class&toOther != 0 {
					continue // this package gives it no DeepSeek URL or client
				}
				ep, r.anchor = b.endpointFor(body, class), anchor
			} else if len(supplied) == 0 {
				continue
			}
			r.sender = pb.Sender
			r.check(&site{value: body, shared: pb.Shared}, ep)
			r.sender, r.anchor = "", nil
		}
	}
}

// rebuild turns a portable body back into a Value, with the constants this
// package gives each origin as the hole's candidates.
//
// In a body the builder also sends to other providers (shared), or in a hole other
// providers' requests read, only the constants that name DeepSeek are kept.
func (r *reporter) rebuild(p portableValue, key string, shared bool, pkg *types.Package, fl *flow, supplied map[string][]*Value) *Value {
	v := &Value{Kind: p.Kind, Types: p.Types, Open: p.Open, UnknownBefore: p.Unknown, Nullable: p.Nullable}
	switch p.Kind {
	case String:
		v.Const = p.Const
	case Number:
		v.Const = json.Number(p.Const)
	case Bool:
		v.Const = p.Const == "true"
	}
	if p.Kind == Array || p.Kind == Hole && len(p.Types) > 0 && p.Types[0] == "array" {
		r.suppliedElems(v, p, pkg, fl, supplied)
		for _, e := range p.Elems {
			v.Elems = append(v.Elems, r.rebuild(e, "", shared, pkg, fl, supplied))
		}
		return v
	}
	for _, path := range p.Origins {
		obj, err := objectpath.Object(pkg, objectpath.Path(path))
		if err != nil {
			continue
		}
		sups := r.supplies(obj)
		cands := r.constsOf(sups, fl)
		if p.Shared || shared {
			cands = r.deepSeeksOwn(cands, key)
		}
		if len(cands) > 0 {
			supplied[path] = cands
		}
		v.Cands = append(v.Cands, cands...)
		if len(sups) > 0 && !v.Pos.IsValid() {
			// A key set here without a constant is reported where it is set.
			v.Pos, v.End = sups[0].expr.Pos(), sups[0].expr.End()
		}
	}
	for _, pf := range p.ParamFields {
		obj, err := objectpath.Object(pkg, objectpath.Path(pf[0]))
		if err != nil {
			continue
		}
		// The caller's argument for the parameter, read at the field.
		var sups []supply
		for _, sup := range r.supplies(obj) {
			if e := fieldValue(r.pass, fl, sup.expr, pf[1]); e != nil {
				sups = append(sups, supply{e, sup.fn, sup.call})
			}
		}
		cands := r.constsOf(sups, fl)
		if p.Shared || shared {
			cands = r.deepSeeksOwn(cands, key)
		}
		if len(cands) > 0 {
			supplied[pf[0]+"."+pf[1]] = cands
		}
		v.Cands = append(v.Cands, cands...)
		if len(sups) > 0 && !v.Pos.IsValid() {
			v.Pos, v.End = sups[0].expr.Pos(), sups[0].expr.End()
		}
	}
	for _, m := range p.Members {
		mv := r.rebuild(m.Value, m.Key, shared, pkg, fl, supplied)
		maybe := m.Maybe
		if len(m.Value.Origins)+len(m.Value.ParamFields) > 0 && !m.Value.Defaulted && !mv.Pos.IsValid() && (m.Maybe || m.Value.OmitEmpty) {
			if mv.jsonType() != "array" {
				continue // an optional key this package does not set: not known to be sent
			}
			// A list set elsewhere may still be sent: the tools of a conversation
			// that replays the model's tool calls (toolsOfReplay).
			maybe = true
		}
		v.Members = append(v.Members, &Member{Key: m.Key, Maybe: maybe, OmitEmpty: m.Value.OmitEmpty, Value: mv})
	}
	for _, e := range p.Elems {
		v.Elems = append(v.Elems, r.rebuild(e, "", shared, pkg, fl, supplied))
	}
	return v
}

// deepSeeksOwn keeps the constants among several providers' values that name
// DeepSeek, marked so that the body's check judges them as DeepSeek's.
func (r *reporter) deepSeeksOwn(cands []*Value, key string) []*Value {
	var out []*Value
	for _, c := range cands {
		if r.namesDeepSeek(c, key) {
			v := *c
			v.NamesDeepSeek = true
			out = append(out, &v)
		}
	}
	return out
}

// constsOf is every constant among what this package supplies.
func (r *reporter) constsOf(sups []supply, fl *flow) []*Value {
	var out []*Value
	for _, sup := range sups {
		for _, c := range fl.of(sup.expr).Consts {
			if !isZero(c) && !c.ForOther && r.inPackage(c.Pos) {
				out = append(out, c)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Pos < out[j].Pos })
	return out
}

// supply is an expression this package gives another package's parameter, field
// or variable, and the function it is written in.
type supply struct {
	expr ast.Expr
	fn   *ast.FuncDecl
	call *ast.CallExpr // the call an argument is passed in, or nil
}

// supplies lists the arguments this package passes to a parameter of another
// package's function, or the values it writes to that package's field or variable.
func (r *reporter) supplies(obj types.Object) []supply {
	if r.supplied == nil {
		r.ifaceArgs = map[ifaceParam][]ifaceSupply{}
		r.supplied = r.indexSupplies()
	}
	all := append(r.supplied[obj][:len(r.supplied[obj]):len(r.supplied[obj])], r.interfaceSupplies(obj)...)
	if r.onlyCall == nil {
		return all
	}
	var out []supply
	for _, s := range all {
		if s.call == nil || s.call == r.onlyCall {
			out = append(out, s)
		}
	}
	return out
}

// indexSupplies records, in one walk of the package, every argument passed to
// another package's parameter and every value written to its fields and variables.
func (r *reporter) indexSupplies() map[types.Object][]supply {
	info := r.pass.TypesInfo
	out := map[types.Object][]supply{}
	foreign := func(obj types.Object) bool { return obj != nil && obj.Pkg() != nil && obj.Pkg() != r.pass.Pkg }
	for _, file := range r.pass.Files {
		var encl *ast.FuncDecl
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				encl = n
			case *ast.CallExpr:
				callee := calleeFunc(r.pass, n)
				if callee != nil && isInterfaceMethod(callee) {
					// p.ChatSync(ctx, msgs) on an interface: the arguments of any
					// implementation's method (interfaceSupplies).
					for i, a := range n.Args {
						k := ifaceParam{callee.Name(), i}
						r.ifaceArgs[k] = append(r.ifaceArgs[k], ifaceSupply{callee.Signature().Recv().Type(), supply{a, encl, n}})
					}
				}
				if callee == nil || !foreign(callee) {
					return true
				}
				sig := callee.Origin().Signature()
				for i, a := range n.Args {
					if i < sig.Params().Len() && !(sig.Variadic() && i >= sig.Params().Len()-1) {
						p := sig.Params().At(i)
						out[p] = append(out[p], supply{a, encl, n})
					}
				}
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && foreign(info.Uses[id]) {
					out[info.Uses[id]] = append(out[info.Uses[id]], supply{n.Value, encl, nil})
				}
			case *ast.AssignStmt:
				if len(n.Lhs) != len(n.Rhs) || n.Tok != token.ASSIGN {
					return true
				}
				for i, lhs := range n.Lhs {
					if obj := r.flow.target(lhs); foreign(obj) {
						out[obj] = append(out[obj], supply{n.Rhs[i], encl, nil})
					}
				}
			}
			return true
		})
	}
	return out
}

// ifaceParam is a parameter of an interface method, by method name and index.
type ifaceParam struct {
	method string
	index  int
}

// ifaceSupply is an argument passed to an interface method, with the interface.
type ifaceSupply struct {
	iface types.Type
	supply
}

func isInterfaceMethod(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && types.IsInterface(recv.Type())
}

// interfaceSupplies lists the arguments this package passes, through an interface
// the method's type implements, to a parameter of another package's method
// (a.config.Provider.ChatSync(ctx, messages) reaching (*DeepSeekProvider).ChatSync).
func (r *reporter) interfaceSupplies(obj types.Object) []supply {
	p, ok := obj.(*types.Var)
	if !ok || p.Pkg() == nil || p.Pkg() == r.pass.Pkg || len(r.ifaceArgs) == 0 {
		return nil
	}
	if memo, ok := r.ifaceMemo[p]; ok {
		return memo
	}
	out := r.computeInterfaceSupplies(p)
	if r.ifaceMemo == nil {
		r.ifaceMemo = map[*types.Var][]supply{}
	}
	r.ifaceMemo[p] = out
	return out
}

func (r *reporter) computeInterfaceSupplies(p *types.Var) []supply {
	fn, i := paramOwner(p)
	if fn == nil || fn.Signature().Recv() == nil || isInterfaceMethod(fn) {
		return nil
	}
	recv := fn.Signature().Recv().Type()
	var out []supply
	for _, is := range r.ifaceArgs[ifaceParam{fn.Name(), i}] {
		iface, _ := is.iface.Underlying().(*types.Interface)
		if iface != nil && (types.Implements(recv, iface) || types.Implements(types.NewPointer(deref(recv)), iface)) {
			out = append(out, is.supply)
		}
	}
	return out
}
