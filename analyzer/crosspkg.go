package analyzer

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/deepseekvet/deepseekvet/schema"
	"golang.org/x/tools/go/analysis"
)

// Values set in another package. A client package builds the request with
// Model: c.model or Model: model, and its importer writes the constant:
// llm.New("deepseek-chat"), &llm.Client{Model: "deepseek-chat"}. The client package
// records, as a fact on the parameter's function or on the exported field, which
// top-level key of which endpoint's body the value becomes; the importer checks
// its constants against that key and reports them where they are written.

// sinkFact says which request keys a function's parameters or an exported field
// become.
type sinkFact struct{ Sinks []sink }

// sink is one key a value becomes: Param is the parameter index (-1 for a field).
type sink struct {
	Param    int
	Key      string
	Endpoint string
	// Field is the field of the parameter's struct type the key is read from
	// (Send(req *llm.Request) with Model: req.Model), or "".
	Field string
	// Shared marks a value other providers' requests read too: a constant an
	// importer writes there is DeepSeek's only where it names DeepSeek.
	Shared bool
}

func (*sinkFact) AFact() {}

func (f *sinkFact) String() string {
	var parts []string
	for _, s := range f.Sinks {
		p := s.Key + "@" + strings.TrimSuffix(strings.SplitN(s.Endpoint, ".", 2)[0], ".schema")
		switch {
		case s.Param >= 0 && s.Field != "":
			p = fmt.Sprintf("%d.%s:%s", s.Param, s.Field, p)
		case s.Param >= 0:
			p = fmt.Sprintf("%d:%s", s.Param, p)
		}
		if s.Shared {
			p += "(shared)"
		}
		parts = append(parts, p)
	}
	return "sinks:" + strings.Join(parts, ",")
}

// sinkRecorder collects the sinks of this package's objects, to export once.
type sinkRecorder map[types.Object][]sink

// otherReads are this package's fields and parameters (or fields of parameters)
// that requests to other providers read: a config's Model, sent by the DeepSeek
// client and by the DashScope client.
type otherReads map[paramField]bool

// add notes the values a payload bound for another provider reads.
func (o otherReads) add(r *reporter, s *site) {
	eachSink(r, s, func(_ *Member, _ types.Object, _ sink, from paramField) { o[from] = true })
}

// record notes which top-level keys of a checked payload come from a parameter of
// an exported function or from an exported field: values only importers show.
func (rec sinkRecorder) record(r *reporter, s *site, ep schema.Endpoint, others otherReads) {
	if s.shared {
		return
	}
	eachSink(r, s, func(m *Member, obj types.Object, sk sink, from paramField) {
		sk.Endpoint, sk.Shared = string(ep), others[from]
		if r.constrained(ep, m.Key, m.Value) && !containsSink(rec[obj], sk) {
			rec[obj] = append(rec[obj], sk)
		}
	})
}

// eachSink calls f for each top-level key of a payload whose value comes from a
// parameter of an exported function of this package (or a field of one) or from
// an exported field, with the object the fact goes on and where the value is read.
func eachSink(r *reporter, s *site, f func(m *Member, obj types.Object, sk sink, from paramField)) {
	if s.value == nil || s.value.Kind != Object {
		return
	}
	for _, m := range s.value.Members {
		if m.Value.Kind != Hole {
			continue
		}
		for _, pf := range m.Value.ParamFields {
			if fn, i := paramOwner(pf.Param); fn != nil && pf.Param.Pkg() == r.pass.Pkg {
				f(m, fn, sink{Param: i, Key: m.Key, Field: pf.Field}, pf)
			}
		}
		for _, o := range m.Value.Origins {
			if o.Pkg() != r.pass.Pkg {
				continue // facts go on this package's objects only
			}
			sk := sink{Param: -1, Key: m.Key}
			obj := types.Object(o)
			if !o.IsField() {
				fn, i := paramOwner(o)
				if fn == nil {
					continue
				}
				obj, sk.Param = fn, i
			}
			f(m, obj, sk, paramField{Param: o})
		}
	}
}

func containsSink(list []sink, s sink) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkFields follows the values this package assigns to the top-level fields of
// a payload type it sends to DeepSeek (req.Model = model in a constructor):
// constants are checked where they are written, and parameters of exported
// functions become sinks for importers (NewChatRequest(ModelReasoner, …)).
func (rec sinkRecorder) checkFields(r *reporter, fl *flow, tn *types.TypeName, ep schema.Endpoint) {
	if tn.Pkg() != r.pass.Pkg {
		return
	}
	l := newLowerer(r.pass, nil, nil)
	l.typeLevel = true
	shape := l.shape(tn.Type(), 0)
	if shape.Kind != Object {
		return
	}
	for _, m := range shape.Members {
		if m.Field == nil || !r.constrained(ep, m.Key, m.Value) {
			continue
		}
		fl.ready()
		c := fl.object(m.Field, nil, 0)
		for _, v := range c.Consts {
			if !r.inLiteralOf(tn, v.Pos) {
				r.checkConst(v, m.Key, ep) // a literal's values are its site's, checked when it is sent
			}
		}
		for _, o := range c.Origins {
			if o.IsField() {
				continue // an importer's literal: the field is the payload type's own
			}
			if fn, i := paramOwner(o); fn != nil {
				sk := sink{Param: i, Key: m.Key, Endpoint: string(ep)}
				if !containsSink(rec[fn], sk) {
					rec[fn] = append(rec[fn], sk)
				}
			}
		}
	}
}

// inLiteralOf reports whether pos is inside a composite literal of type tn.
func (r *reporter) inLiteralOf(tn *types.TypeName, pos token.Pos) bool {
	for _, lit := range r.literalsAround(pos) {
		if namedOf(r.pass.TypesInfo.TypeOf(lit)) == tn {
			return true
		}
	}
	return false
}

// literalsAround lists the composite literals of this package around pos,
// outermost first.
func (r *reporter) literalsAround(pos token.Pos) []*ast.CompositeLit {
	var out []*ast.CompositeLit
	for _, f := range r.pass.Files {
		if pos < f.Pos() || pos >= f.End() {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil || pos < n.Pos() || pos >= n.End() {
				return false
			}
			if lit, ok := n.(*ast.CompositeLit); ok {
				out = append(out, lit)
			}
			return true
		})
	}
	return out
}

// paramOwner finds the exported function a parameter belongs to, and its index.
func paramOwner(p *types.Var) (*types.Func, int) {
	scope := p.Parent()
	if scope == nil || p.Pkg() == nil {
		return nil, -1
	}
	for _, name := range p.Pkg().Scope().Names() {
		obj := p.Pkg().Scope().Lookup(name)
		fns := []*types.Func{}
		if fn, ok := obj.(*types.Func); ok {
			fns = append(fns, fn)
		}
		if tn, ok := obj.(*types.TypeName); ok {
			if named, ok := tn.Type().(*types.Named); ok {
				for i := 0; i < named.NumMethods(); i++ {
					fns = append(fns, named.Method(i))
				}
			}
		}
		for _, fn := range fns {
			if !fn.Exported() {
				continue
			}
			params := fn.Signature().Params()
			for i := 0; i < params.Len(); i++ {
				if params.At(i) == p {
					return fn, i
				}
			}
		}
	}
	return nil, -1
}

// export writes the collected sinks as facts, in a stable order.
func (rec sinkRecorder) export(r *reporter) {
	for obj, sinks := range rec {
		sort.Slice(sinks, func(i, j int) bool {
			if sinks[i].Param != sinks[j].Param {
				return sinks[i].Param < sinks[j].Param
			}
			return sinks[i].Key < sinks[j].Key
		})
		r.pass.ExportObjectFact(obj, &sinkFact{Sinks: sinks})
	}
}

// checkImportedSinks checks the constants this package passes to another
// package's sinks: arguments of its functions, and its exported fields set in
// literals or assignments.
func (r *reporter) checkImportedSinks(fl *flow, rec sinkRecorder) {
	if !hasFact[*sinkFact](r.pass) {
		return
	}
	info := r.pass.TypesInfo
	sinksOf := func(obj types.Object) []sink {
		if obj == nil || obj.Pkg() == nil || obj.Pkg() == r.pass.Pkg {
			return nil
		}
		var f sinkFact
		if !r.pass.ImportObjectFact(obj, &f) {
			return nil
		}
		return f.Sinks
	}
	for _, file := range r.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				fn := calleeFunc(r.pass, n)
				if fn == nil {
					return true
				}
				for _, s := range sinksOf(fn.Origin()) {
					if s.Param >= 0 && s.Param < len(n.Args) && !(fn.Signature().Variadic() && s.Param >= fn.Signature().Params().Len()-1) {
						arg := n.Args[s.Param]
						if s.Field != "" {
							if arg = fieldValue(r.pass, fl, arg, s.Field); arg == nil {
								continue
							}
						}
						rec.checkSinkValue(r, fl, arg, s)
					}
				}
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok {
					if v, ok := info.Uses[id].(*types.Var); ok && v.IsField() {
						for _, s := range sinksOf(v) {
							rec.checkSinkValue(r, fl, n.Value, s)
						}
					}
				}
			case *ast.AssignStmt:
				if len(n.Lhs) != len(n.Rhs) || n.Tok != token.ASSIGN {
					return true
				}
				for i, lhs := range n.Lhs {
					if sel, ok := lhs.(*ast.SelectorExpr); ok {
						if s, ok := info.Selections[sel]; ok && s.Kind() == types.FieldVal {
							for _, sk := range sinksOf(s.Obj()) {
								rec.checkSinkValue(r, fl, n.Rhs[i], sk)
							}
						}
					}
				}
			}
			return true
		})
	}
}

// fieldValue finds the expression a struct literal gives a field, in an argument
// written as that literal (&llm.Request{Model: …}) or held in a local the
// function defines with it.
func fieldValue(pass *analysis.Pass, fl *flow, arg ast.Expr, field string) ast.Expr {
	arg = ast.Unparen(arg)
	if u, ok := arg.(*ast.UnaryExpr); ok && u.Op == token.AND {
		arg = ast.Unparen(u.X)
	}
	if id, ok := arg.(*ast.Ident); ok {
		if as := fl.assignsOf(pass.TypesInfo.Uses[id]); len(as) == 1 {
			return fieldValue(pass, fl, as[0].expr, field)
		}
		return nil
	}
	lit, ok := arg.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == field {
				return kv.Value
			}
		}
	}
	return nil
}

// checkSinkValue validates the constants an expression may hold as the value of
// one key, on its own: the other keys of the body are unknown, so only rules about
// the value itself can hold.
//
// A value that comes from this package's own exported field or parameter passes
// the sink on: an importer of this package writes it (a role config converted to
// the client's config, filled by the command line package).
func (rec sinkRecorder) checkSinkValue(r *reporter, fl *flow, e ast.Expr, s sink) {
	c := fl.of(e)
	for _, v := range c.Consts {
		if v.ForOther || s.Shared && !r.namesDeepSeek(v, s.Key) {
			continue // one provider's value among several
		}
		r.checkConst(v, s.Key, schema.Endpoint(s.Endpoint))
	}
	pass := func(obj types.Object, sk sink) {
		if !containsSink(rec[obj], sk) {
			rec[obj] = append(rec[obj], sk)
		}
	}
	for _, o := range c.Origins {
		if o.Pkg() != r.pass.Pkg {
			continue
		}
		sk := s
		sk.Param, sk.Field = -1, ""
		if o.IsField() {
			pass(o, sk)
		} else if fn, i := paramOwner(o); fn != nil {
			sk.Param = i
			pass(fn, sk)
		}
	}
	for _, pf := range c.ParamFields {
		if fn, i := paramOwner(pf.Param); fn != nil && pf.Param.Pkg() == r.pass.Pkg {
			sk := s
			sk.Param, sk.Field = i, pf.Field
			pass(fn, sk)
		}
	}
}

// namesDeepSeek reports whether a constant set in a value several providers read
// is DeepSeek's: a DeepSeek model as the model, or, for another key, a constant
// written in a literal that names a DeepSeek model or URL
// (RoleConfig{Provider: "deepseek", Model: "deepseek-chat", Temperature: 0.8}).
func (r *reporter) namesDeepSeek(c *Value, key string) bool {
	if key == "model" {
		return r.deepseekModel(c)
	}
	lits := r.literalsAround(c.Pos)
	if len(lits) == 0 {
		return false
	}
	lit := lits[len(lits)-1] // the innermost: one role of a table, not the table
	names := false
	ast.Inspect(lit, func(n ast.Node) bool {
		if e, ok := n.(ast.Expr); ok && !names {
			if tv := r.pass.TypesInfo.Types[e]; tv.Value != nil && tv.Value.Kind() == constant.String {
				s := constant.StringVal(tv.Value)
				names = isModelID(r.contract, s) || classifierFor(r.contract).classify(s)&toDeepSeek != 0
				return false
			}
		}
		return !names
	})
	return names
}

// checkConst validates one constant as the value of a top-level key, reported
// where it is written.
func (r *reporter) checkConst(c *Value, key string, ep schema.Endpoint) {
	if isZero(c) {
		return
	}
	v := *c
	v.Via, v.ViaEnd = token.NoPos, token.NoPos
	body := &Value{Kind: Object, Open: true, Members: []*Member{{Key: key, KeyPos: c.Pos, KeyEnd: c.End, Value: &v}}}
	inst, index := instance(body)
	violations, err := r.contract.Validate(ep, inst)
	if err != nil {
		return
	}
	var own []schema.Violation
	for _, viol := range violations {
		if viol.Instance == "/"+escapePointer(key) && (valueLevel(viol) || !r.presence(viol)) {
			own = append(own, viol)
		}
	}
	r.reportAll(own, index, false)
}

// constrained reports whether the contract restricts the values of a top-level key
// of the hole's type: a value no request should send there (a control character
// as a string, 1e300 as a number) is reported. Free text (messages, prompt) is not.
func (r *reporter) constrained(ep schema.Endpoint, key string, h *Value) bool {
	var probe *Value
	switch h.jsonType() {
	case "string":
		probe = &Value{Kind: String, Const: "\x00"}
	case "integer", "number":
		probe = &Value{Kind: Number, Const: json.Number("1e300")}
	default:
		return false
	}
	body := &Value{Kind: Object, Open: true, Members: []*Member{{Key: key, Value: probe}}}
	inst, _ := instance(body)
	violations, err := r.contract.Validate(ep, inst)
	if err != nil {
		return false
	}
	for _, v := range violations {
		if v.Instance == "/"+escapePointer(key) {
			return true
		}
	}
	return false
}

// hasFact reports whether some package this one depends on exported a fact of
// type F on one of its objects.
func hasFact[F analysis.Fact](pass *analysis.Pass) bool {
	for _, f := range pass.AllObjectFacts() {
		if _, ok := f.Fact.(F); ok {
			return true
		}
	}
	return false
}
