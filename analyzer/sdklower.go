// SDK-specific lowering: the calls, unions, option setters and functional options
// that sdks.json describes. General Go lowering lives in lower.go.

package analyzer

import (
	"encoding/json"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// sdkCall lowers the SDK helpers sdks.json names: value wrappers
// (openai.Float(0.7) is 0.7) and message constructors (openai.UserMessage(q) is
// {"role": "user", "content": q}).
func (l *lowerer) sdkCall(call *ast.CallExpr) *Value {
	fn := calleeFunc(l.pass, call)
	if fn == nil {
		return nil
	}
	name := funcName(fn.Origin())
	if valueFuncs()[name] && len(call.Args) == 1 {
		v := l.expr(call.Args[0])
		v.Pos, v.End = call.Pos(), call.End()
		return v
	}
	spec, ok := sdks().Constructors[name]
	if !ok || spec.Variadic == "" && len(call.Args) != len(spec.Args) || len(call.Args) < len(spec.Args) {
		return nil
	}
	v := &Value{Kind: Object, Pos: call.Pos(), End: call.End()}
	keys := make([]string, 0, len(spec.Set))
	for k := range spec.Set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		c := &Value{Kind: String, Const: spec.Set[k], Pos: call.Fun.Pos(), End: call.Fun.End()}
		v.Members = append(v.Members, &Member{Key: k, KeyPos: call.Fun.Pos(), KeyEnd: call.Fun.End(), Value: c})
	}
	v.Replayed = spec.Replay
	for _, key := range spec.Maybe {
		v.Members = append(v.Members, &Member{Key: key, KeyPos: call.Pos(), KeyEnd: call.End(), Value: &Value{Kind: Hole, Pos: call.Pos(), End: call.End()}, Maybe: true})
	}
	for i, key := range spec.Args {
		v.Members = append(v.Members, &Member{Key: key, KeyPos: call.Args[i].Pos(), KeyEnd: call.Args[i].End(), Value: l.expr(call.Args[i])})
	}
	if spec.Variadic != "" {
		arr := &Value{Kind: Array, Pos: call.Lparen, End: call.Rparen}
		if call.Ellipsis.IsValid() {
			arr = l.typedHole(call.Args[len(call.Args)-1])
		} else {
			for _, a := range call.Args[len(spec.Args):] {
				arr.Elems = append(arr.Elems, l.expr(a))
			}
		}
		v.Members = append(v.Members, &Member{Key: spec.Variadic, KeyPos: call.Lparen, KeyEnd: call.Rparen, Value: arr})
	}
	return v
}

// unionLit lowers an SDK union literal: the variant that is set is the value.
func (l *lowerer) unionLit(t types.Type, lit *ast.CompositeLit) *Value {
	st := types.Unalias(t).Underlying().(*types.Struct)
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i).Name() == id.Name && strings.Contains(st.Tag(i), "inline") {
				v := l.expr(kv.Value)
				v.Pos, v.End = lit.Pos(), lit.End()
				return v
			}
		}
	}
	return l.typedHole(lit)
}

// applyJSONSetters adds the keys that request options passed in the same call set on
// the body: openai-go's option.WithJSONSet("thinking", …), or the Python idiom
// option.WithJSONSet("extra_body", …) that sends a literal extra_body key.
func (l *lowerer) applyJSONSetters(v *Value, call *ast.CallExpr) {
	if v.Kind != Object {
		return
	}
	if _, ok := sdks().Sends[funcName(calleeFunc(l.pass, call))]; ok {
		return // applySendSemantics applies them, in order with the client's
	}
	for _, arg := range call.Args {
		opt, ok := ast.Unparen(arg).(*ast.CallExpr)
		if !ok {
			continue
		}
		ki, vi, ok := jsonSetter(calleeFunc(l.pass, opt))
		if !ok || ki >= len(opt.Args) || vi >= len(opt.Args) {
			continue
		}
		tv := l.pass.TypesInfo.Types[opt.Args[ki]]
		if tv.Value == nil || tv.Value.Kind() != constant.String {
			v.Open = true
			continue
		}
		path := strings.Split(constant.StringVal(tv.Value), ".")
		cur := v
		for i, key := range path {
			if cur.Kind != Object {
				break
			}
			if i == len(path)-1 {
				cur.set(&Member{Key: key, KeyPos: opt.Args[ki].Pos(), KeyEnd: opt.Args[ki].End(), Value: l.expr(opt.Args[vi])})
				break
			}
			m := cur.member(key)
			if m == nil {
				m = &Member{Key: key, KeyPos: opt.Args[ki].Pos(), KeyEnd: opt.Args[ki].End(), Value: &Value{Kind: Object, Pos: opt.Pos(), End: opt.End()}}
				cur.set(m)
			}
			cur = m.Value
		}
	}
}

// optionSend is the spec of an SDK call that sends a request built from options,
// looked up before any lowering: most calls are not one.
func optionSend(pass *analysis.Pass, call *ast.CallExpr) ([2]int, bool) {
	fn := calleeFunc(pass, call)
	if fn == nil {
		return [2]int{}, false
	}
	spec, ok := sdks().OptionCalls.Sends[funcName(fn.Origin())]
	return spec, ok
}

// optionCall lowers a request an SDK builds from functional options (langchaingo's
// llm.GenerateContent(ctx, msgs, llms.WithMaxTokens(2000))): the options of the call
// and of the constructor that made its client, when this function shows it.
func (l *lowerer) optionCall(call *ast.CallExpr) *Value {
	oc := sdks().OptionCalls
	spec, ok := optionSend(l.pass, call)
	if !ok {
		return nil
	}
	v := &Value{Kind: Object, Pos: call.Pos(), End: call.End()}
	v.Members = append(v.Members, &Member{Key: "messages", KeyPos: call.Pos(), KeyEnd: call.End(), Value: &Value{Kind: Hole, Types: []string{"array"}, Pos: call.Pos(), End: call.End()}})
	renames := map[string]string{}
	apply := func(args []ast.Expr) {
		for _, a := range args {
			opt, ok := ast.Unparen(a).(*ast.CallExpr)
			if !ok {
				v.Open = true // options the code computes
				continue
			}
			name := funcName(calleeFunc(l.pass, opt))
			if sets, ok := oc.Sets[name]; ok {
				keys := make([]string, 0, len(sets))
				for k := range sets {
					keys = append(keys, k)
				}
				sort.Strings(keys)
				for _, k := range keys {
					v.set(&Member{Key: k, KeyPos: opt.Fun.Pos(), KeyEnd: opt.Fun.End(), Value: jsonConst(sets[k], opt.Fun.Pos(), opt.Fun.End())})
				}
			}
			if r, ok := oc.Renames[name]; ok {
				for k, nk := range r {
					renames[k] = nk
				}
			}
			if key, ok := oc.Keys[name]; ok && len(opt.Args) == 1 {
				v.set(&Member{Key: key, KeyPos: opt.Fun.Pos(), KeyEnd: opt.Fun.End(), Value: l.expr(opt.Args[0])})
			}
		}
	}
	// The client: the receiver or an argument, followed to its constructor.
	var client ast.Expr
	if spec[0] < 0 {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			client = sel.X
		}
	} else if spec[0] < len(call.Args) {
		client = call.Args[spec[0]]
	}
	ctorSeen := false
	if id, ok := ast.Unparen(client).(*ast.Ident); ok {
		if obj, ok := l.pass.TypesInfo.Uses[id].(*types.Var); ok && l.locals[obj] != nil {
			if ctor := l.optionConstructor(l.locals[obj].def); ctor != nil {
				if i, ok := oc.Constructors[funcName(calleeFunc(l.pass, ctor))]; ok && i <= len(ctor.Args) {
					args, all := l.optionArgs(ctor, i)
					apply(args)
					ctorSeen = all
				}
			}
		}
	} else if ctors := l.fieldConstructors(client); len(ctors) == 1 {
		args, all := l.optionArgs(ctors[0], oc.Constructors[funcName(calleeFunc(l.pass, ctors[0]))])
		apply(args)
		ctorSeen = all
	} else if len(ctors) > 1 {
		// Several providers' clients in one field (p.llm = openai.New(…) in each
		// provider's Init): the models they are built with are candidates, judged
		// where they name DeepSeek's; their other options are not shown.
		var models []*Value
		for _, ctor := range ctors {
			args, _ := l.optionArgs(ctor, oc.Constructors[funcName(calleeFunc(l.pass, ctor))])
			for _, a := range args {
				if opt, ok := ast.Unparen(a).(*ast.CallExpr); ok && len(opt.Args) == 1 && oc.Keys[funcName(calleeFunc(l.pass, opt))] == "model" {
					mv := l.expr(opt.Args[0])
					models = append(models, mv)
					models = append(models, mv.Cands...)
				}
			}
		}
		h := &Value{Kind: Hole, Types: []string{"string"}, Pos: call.Pos(), End: call.End()}
		for _, m := range models {
			if m.Kind == String {
				h.Cands = append(h.Cands, m)
			}
		}
		if len(h.Cands) > 0 {
			v.set(&Member{Key: "model", KeyPos: call.Pos(), KeyEnd: call.End(), Value: h})
		}
	}
	if !ctorSeen {
		v.Open = true // the constructor's options (model, response format) are not shown
	}
	if spec[1] <= len(call.Args) {
		apply(call.Args[spec[1]:])
	}
	// Keys the SDK sends whatever the options say (langchaingo's temperature has no
	// omitempty): present, with the SDK's value.
	always := make([]string, 0, len(oc.Always))
	for k := range oc.Always {
		always = append(always, k)
	}
	sort.Strings(always)
	for _, k := range always {
		if v.member(k) == nil && (ctorSeen || k != "model") {
			v.Members = append(v.Members, &Member{Key: k, KeyPos: call.Pos(), KeyEnd: call.End(), Value: &Value{Kind: Hole, Types: oc.Always[k], Pos: call.Pos(), End: call.End()}})
		}
	}
	for _, m := range v.Members {
		if nk, ok := renames[m.Key]; ok {
			m.Key = nk
		}
	}
	return v
}

// jsonConst lowers a JSON constant from sdks.json to a Value at the given position.
func jsonConst(raw json.RawMessage, pos, end token.Pos) *Value {
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.UseNumber()
	var x any
	if err := dec.Decode(&x); err != nil {
		return &Value{Kind: Hole, Pos: pos, End: end}
	}
	var conv func(x any) *Value
	conv = func(x any) *Value {
		v := &Value{Pos: pos, End: end}
		switch x := x.(type) {
		case nil:
			v.Kind = Null
		case bool:
			v.Kind, v.Const = Bool, x
		case string:
			v.Kind, v.Const = String, x
		case json.Number:
			v.Kind, v.Const = Number, x
		case []any:
			v.Kind = Array
			for _, e := range x {
				v.Elems = append(v.Elems, conv(e))
			}
		case map[string]any:
			v.Kind = Object
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				v.Members = append(v.Members, &Member{Key: k, KeyPos: pos, KeyEnd: end, Value: conv(x[k])})
			}
		}
		return v
	}
	return conv(x)
}

// bodyEdit is one change an SDK makes to a serialized body: set a value at a path,
// delete a path, or (replace) swap the whole body for one the code builds.
type bodyEdit struct {
	op         string // "set", "del", "merge", "replace", "unknown"
	path       []string
	value      *Value
	keyPos     token.Pos
	keyEnd     token.Pos
	conditonal bool
	text       string // identity, to compare the edits of several sends
}

// applySendSemantics applies to a site what the SDK call that sends it does to the
// body (sdks.json "sends"): the extra fields merged when it is marshaled
// (SetExtraFields), the client's request options, the call's own options
// (option.WithJSONSet, WithJSONDel), then the keys the call forces
// (CreateChatCompletionStream and NewStreaming send "stream": true). A site sent by
// several calls that edit it differently keeps only what they agree on.
func applySendSemantics(l *lowerer, s *site) {
	if s == nil || s.value == nil || s.value.Kind != Object || s.body == nil || s.text {
		return
	}
	sends := l.sendCalls(s)
	if len(sends) == 0 {
		return
	}
	extras := l.extraFieldEdits(s)
	var all [][]bodyEdit
	for _, call := range sends {
		spec := sdks().Sends[funcName(calleeFunc(l.pass, call).Origin())]
		edits := append([]bodyEdit(nil), extras...)
		edits = append(edits, l.optionEdits(l.clientOptions(call))...)
		if spec.Options != nil && *spec.Options <= len(call.Args) {
			opts := call.Args[*spec.Options:]
			if call.Ellipsis.IsValid() && len(opts) > 0 {
				spread, cond := l.spreadLocal(opts[len(opts)-1])
				for _, e := range l.optionEdits(spread) {
					e.conditonal = e.conditonal || cond[e.text]
					edits = append(edits, e)
				}
				opts = opts[:len(opts)-1]
			}
			edits = append(edits, l.optionEdits(opts)...)
		}
		keys := make([]string, 0, len(spec.Force))
		for k := range spec.Force {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			edits = append(edits, bodyEdit{op: "set", path: []string{k}, value: jsonConst(spec.Force[k], call.Fun.Pos(), call.Fun.End()),
				keyPos: call.Fun.Pos(), keyEnd: call.Fun.End(), text: "force " + k + "=" + string(spec.Force[k])})
		}
		all = append(all, edits)
	}
	edits := all[0]
	for _, other := range all[1:] {
		edits = agreedEdits(edits, other)
	}
	for _, e := range edits {
		applyEdit(s.value, e)
	}
}

// agreedEdits keeps the edits two sends share; the others make the keys they touch
// unknown.
func agreedEdits(a, b []bodyEdit) []bodyEdit {
	same := len(a) == len(b)
	for i := 0; same && i < len(a); i++ {
		same = a[i].text == b[i].text
	}
	if same {
		return a
	}
	var out []bodyEdit
	for _, list := range [][]bodyEdit{a, b} {
		for _, e := range list {
			e.op, e.value = "unknown", nil
			out = append(out, e)
		}
	}
	return out
}

// sendCalls lists the calls in the site's function that send it with an SDK call
// sdks.json knows: the literal itself or its variable is the body argument.
func (l *lowerer) sendCalls(s *site) []*ast.CallExpr {
	var out []*ast.CallExpr
	ast.Inspect(s.body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn := calleeFunc(l.pass, call)
		if fn == nil {
			return true
		}
		spec, ok := sdks().Sends[funcName(fn.Origin())]
		if !ok || spec.Body >= len(call.Args) {
			return true
		}
		if refersTo(l.pass, call.Args[spec.Body], s) {
			out = append(out, call)
		}
		return true
	})
	return out
}

// extraFieldEdits lists the keys SetExtraFields merges into the site's variable
// when it is marshaled. Each call replaces the previous call's map.
func (l *lowerer) extraFieldEdits(s *site) []bodyEdit {
	if s.obj == nil {
		return nil
	}
	var last *ast.CallExpr
	var idx int
	conditional := false
	ast.Inspect(s.body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return true
		}
		i, ok := sdks().ExtraFields[funcName(calleeFunc(l.pass, call))]
		if !ok || i >= len(call.Args) || !refersTo(l.pass, sel.X, s) {
			return true
		}
		if last != nil {
			conditional = true // several maps: which one is last depends on the path taken
		}
		last, idx = call, i
		return true
	})
	if last == nil {
		return nil
	}
	arg := last.Args[idx]
	m := l.expr(arg)
	if m.Kind != Object {
		return []bodyEdit{{op: "open", text: "extra fields " + types.ExprString(arg)}}
	}
	var out []bodyEdit
	if m.Open || conditional {
		out = append(out, bodyEdit{op: "open", text: "extra fields open"})
	}
	for _, mem := range m.Members {
		e := bodyEdit{op: "set", path: []string{mem.Key}, value: mem.Value, keyPos: mem.KeyPos, keyEnd: mem.KeyEnd, conditonal: conditional || mem.Maybe,
			text: "extra " + mem.Key + "=" + types.ExprString(arg)}
		if l.isOmitMarker(arg, mem.Key) {
			e.op = "del"
		}
		out = append(out, e)
	}
	return out
}

// isOmitMarker reports whether an extra-fields map literal gives a key param.Omit
// (an SDK constant of type forceOmit), which deletes the key.
func (l *lowerer) isOmitMarker(arg ast.Expr, key string) bool {
	lit, ok := ast.Unparen(arg).(*ast.CompositeLit)
	if !ok {
		return false
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if tv := l.pass.TypesInfo.Types[kv.Key]; tv.Value == nil || tv.Value.Kind() != constant.String || constant.StringVal(tv.Value) != key {
			continue
		}
		if tn := namedOf(l.pass.TypesInfo.TypeOf(kv.Value)); tn != nil && tn.Name() == "forceOmit" && sdkPackages()[strings.TrimSuffix(tn.Pkg().Path(), "/packages/param")] {
			return true
		}
	}
	return false
}

// clientOptions returns the request options the client of a send call was built
// with, when the code shows its construction: a local or package variable defined
// by a constructor sdks.json knows, or by a function of this package that returns
// such a constructor's result.
func (l *lowerer) clientOptions(call *ast.CallExpr) []ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	// client.Chat.Completions.New: the client is the root of the selector chain.
	x := ast.Unparen(sel.X)
	for {
		s, ok := x.(*ast.SelectorExpr)
		if !ok {
			break
		}
		x = ast.Unparen(s.X)
	}
	id, ok := x.(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := l.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	var def ast.Expr
	if loc := l.locals[v]; loc != nil {
		def = loc.def
	} else if v.Parent() == l.pass.Pkg.Scope() && l.flow != nil {
		if as := l.flow.assignsOf(v); len(as) == 1 && as[0].index < 0 {
			def = as[0].expr // var client = openai.NewClient(…), never reassigned
		}
	}
	ctor, ok := ast.Unparen(def).(*ast.CallExpr)
	if !ok {
		return nil
	}
	for depth := 0; depth < 2; depth++ {
		fn := calleeFunc(l.pass, ctor)
		if fn == nil {
			return nil
		}
		if spec, ok := sdks().Clients[funcName(fn.Origin())]; ok {
			if spec.Options == nil || *spec.Options > len(ctor.Args) {
				return nil
			}
			args := ctor.Args[*spec.Options:]
			if ctor.Ellipsis.IsValid() && len(args) > 0 {
				return append(append([]ast.Expr(nil), args[:len(args)-1]...), l.spread(args[len(args)-1])...)
			}
			return args
		}
		// A constructor of this package returning the SDK's: return sdk.NewClient(…).
		ret := l.returnedCall(fn)
		if ret == nil {
			return nil
		}
		ctor = ret
	}
	return nil
}

// returnedCall is the call a function of this package returns, when its body is a
// single return of a call.
func (l *lowerer) returnedCall(fn *types.Func) *ast.CallExpr {
	if fn.Pkg() != l.pass.Pkg {
		return nil
	}
	for _, f := range l.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || l.pass.TypesInfo.Defs[fd.Name] != fn {
				continue
			}
			var ret *ast.CallExpr
			for _, st := range fd.Body.List {
				if r, ok := st.(*ast.ReturnStmt); ok && len(r.Results) == 1 {
					ret, _ = ast.Unparen(r.Results[0]).(*ast.CallExpr)
				}
			}
			return ret
		}
	}
	return nil
}

// spread lists the options of a spread argument (opts...) the code shows: a slice
// literal, or append(literal, …) whose further arguments are left out.
func (l *lowerer) spread(e ast.Expr) []ast.Expr {
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return e.Elts
	case *ast.CallExpr:
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok && id.Name == "append" && len(e.Args) > 0 {
			if _, ok := l.pass.TypesInfo.Uses[id].(*types.Builtin); ok {
				out := l.spread(e.Args[0])
				if !e.Ellipsis.IsValid() {
					out = append(out, e.Args[1:]...)
				}
				return out
			}
		}
	}
	return nil
}

// spreadLocal is spread for a slice the function builds in a local variable
// (var opts []option.RequestOption; if off { opts = append(opts, option.WithJSONSet(…)) }):
// options appended anywhere but the function's top level apply on some runs only,
// keyed by the text of the option.
func (l *lowerer) spreadLocal(e ast.Expr) ([]ast.Expr, map[string]bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || l.body == nil {
		return l.spread(e), nil
	}
	v, ok := l.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return nil, nil
	}
	top := map[ast.Stmt]bool{}
	for _, st := range l.body.List {
		top[st] = true
	}
	var out []ast.Expr
	cond := map[string]bool{}
	ast.Inspect(l.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				id, ok := lhs.(*ast.Ident)
				if !ok || i >= len(n.Rhs) || len(n.Lhs) != len(n.Rhs) {
					continue
				}
				if obj := l.pass.TypesInfo.ObjectOf(id); obj != v {
					continue
				}
				elems := l.spread(n.Rhs[i])
				for _, el := range elems {
					if !top[n] {
						cond[types.ExprString(el)] = true
					}
				}
				out = append(out, elems...)
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if l.pass.TypesInfo.Defs[name] == v && i < len(n.Values) {
					out = append(out, l.spread(n.Values[i])...)
				}
			}
		}
		return true
	})
	return out, cond
}

// definition is what a local variable the function defines once holds
// (noThinking := option.WithJSONSet(…)); any other expression is itself.
func (l *lowerer) definition(e ast.Expr) ast.Expr {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return e
	}
	v, ok := l.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return e
	}
	if loc := l.locals[v]; loc != nil && loc.def != nil && !loc.reassign {
		return loc.def
	}
	return e
}

// optionEdits lists the body edits of request options, in order.
func (l *lowerer) optionEdits(opts []ast.Expr) []bodyEdit {
	var out []bodyEdit
	for _, a := range opts {
		opt, ok := ast.Unparen(l.definition(a)).(*ast.CallExpr)
		if !ok {
			continue // an option value the code computes: most options touch no body key
		}
		bo, ok := sdks().BodyOptions[funcName(calleeFunc(l.pass, opt))]
		if !ok {
			continue
		}
		e := bodyEdit{op: bo.Op, keyPos: opt.Pos(), keyEnd: opt.End(), text: types.ExprString(opt)}
		if bo.Op == "replace" {
			out = append(out, e)
			continue
		}
		if bo.Key >= len(opt.Args) {
			continue
		}
		key := opt.Args[bo.Key]
		e.keyPos, e.keyEnd = key.Pos(), key.End()
		tv := l.pass.TypesInfo.Types[key]
		if tv.Value == nil || tv.Value.Kind() != constant.String {
			e.op = "open"
			out = append(out, e)
			continue
		}
		path, ok := sjsonPath(constant.StringVal(tv.Value))
		if !ok {
			e.op = "open"
			out = append(out, e)
			continue
		}
		e.path = path
		if bo.Op == "set" {
			if bo.Value >= len(opt.Args) {
				continue
			}
			e.value = l.expr(opt.Args[bo.Value])
		}
		out = append(out, e)
	}
	return out
}

// sjsonPath splits an sjson path into object keys, when it is a plain dotted path
// (no escapes, wildcards, modifiers or array indexes).
func sjsonPath(p string) ([]string, bool) {
	if p == "" || strings.ContainsAny(p, "\\*?#|@:!") {
		return nil, false
	}
	parts := strings.Split(p, ".")
	for _, part := range parts {
		if part == "" || part == "-1" || strings.Trim(part, "0123456789") == "" {
			return nil, false
		}
	}
	return parts, true
}

// applyEdit applies one body edit to a lowered object.
func applyEdit(v *Value, e bodyEdit) {
	switch e.op {
	case "replace":
		// The body is another value altogether: nothing lowered from the params holds.
		v.Members, v.Open = nil, true
		return
	case "open":
		v.Open = true
		for _, m := range v.Members {
			m.Maybe = true
		}
		return
	}
	cur := v
	for i, key := range e.path {
		last := i == len(e.path)-1
		m := cur.member(key)
		if last {
			switch e.op {
			case "set":
				val := e.value
				cur.set(&Member{Key: key, KeyPos: e.keyPos, KeyEnd: e.keyEnd, Value: val, Maybe: e.conditonal})
			case "del":
				if m != nil {
					if e.conditonal {
						m.Maybe = true
					} else {
						removeMember(cur, key)
					}
				}
			case "unknown":
				if m != nil {
					m.Maybe = true
					m.Value = &Value{Kind: Hole, Pos: m.Value.Pos, End: m.Value.End}
				} else {
					cur.Open = true
				}
			}
			return
		}
		switch {
		case m == nil && (e.op == "del" || e.op == "unknown"):
			if e.op == "unknown" {
				cur.Open = true
			}
			return
		case m == nil:
			m = &Member{Key: key, KeyPos: e.keyPos, KeyEnd: e.keyEnd, Value: &Value{Kind: Object, Pos: e.keyPos, End: e.keyEnd}, Maybe: e.conditonal}
			cur.set(m)
		case m.Value.Kind != Object:
			if e.op != "set" {
				return
			}
			// sjson replaces a non-object with an object holding the key; a value the
			// code does not show may have been an object with other keys.
			open := m.Value.Kind == Hole
			m.Value = &Value{Kind: Object, Pos: e.keyPos, End: e.keyEnd, Open: open}
		}
		cur = m.Value
	}
}

func removeMember(v *Value, key string) {
	out := v.Members[:0]
	for _, m := range v.Members {
		if m.Key != key {
			out = append(out, m)
		}
	}
	v.Members = out
}

// optionConstructor is the SDK constructor call that builds a client: e itself,
// or the one a function of this package returns (func newDeepSeek(model string)
// (*openai.LLM, error) { return openai.New(…, openai.WithModel(model)) }), whose
// parameters the flow gives its callers' arguments.
func (l *lowerer) optionConstructor(e ast.Expr) *ast.CallExpr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	callee := calleeFunc(l.pass, call)
	if callee == nil {
		return nil
	}
	if _, ok := sdks().OptionCalls.Constructors[funcName(callee.Origin())]; ok {
		return call
	}
	if l.flow == nil {
		return nil
	}
	l.flow.ready()
	rets := l.flow.returns[callee.Origin()]
	if l.flow.decls[callee.Origin()] == nil || len(rets) != 1 || len(rets[0].Results) != 1 {
		return nil
	}
	inner, ok := ast.Unparen(rets[0].Results[0]).(*ast.CallExpr)
	if !ok {
		return nil
	}
	f := calleeFunc(l.pass, inner)
	if f == nil {
		return nil
	}
	if _, ok := sdks().OptionCalls.Constructors[funcName(f.Origin())]; !ok {
		return nil
	}
	return inner
}

// fieldConstructors lists the SDK constructor calls whose clients this package
// stores in the field a send is made on (p.llm = llm, with llm := openai.New(…)
// in a provider's Init).
func (l *lowerer) fieldConstructors(client ast.Expr) []*ast.CallExpr {
	sel, ok := ast.Unparen(client).(*ast.SelectorExpr)
	if !ok || l.flow == nil {
		return nil
	}
	s := l.pass.TypesInfo.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal || s.Obj().Pkg() != l.pass.Pkg {
		return nil
	}
	var out []*ast.CallExpr
	var follow func(e ast.Expr, depth int)
	follow = func(e ast.Expr, depth int) {
		if depth > 3 {
			return
		}
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if v, ok := l.pass.TypesInfo.Uses[id].(*types.Var); ok && isLocalTo(v) {
				for _, a := range l.flow.assignsOf(v) {
					if a.index <= 0 && !a.fromCall {
						follow(a.expr, depth+1)
					}
				}
			}
			return
		}
		if ctor := l.optionConstructor(e); ctor != nil {
			out = append(out, ctor)
		}
	}
	for _, a := range l.flow.assignsOf(s.Obj()) {
		if a.index <= 0 && !a.fromCall {
			follow(a.expr, 0)
		}
	}
	return out
}

// optionArgs lists a constructor's option arguments from index i, expanding a
// spread local slice (opts := []openai.Option{…}; opts = append(opts, …);
// openai.New(opts...)); all reports whether every option is shown.
func (l *lowerer) optionArgs(ctor *ast.CallExpr, i int) (args []ast.Expr, all bool) {
	if i > len(ctor.Args) {
		return nil, false
	}
	args = ctor.Args[i:]
	if !ctor.Ellipsis.IsValid() || len(args) == 0 || l.flow == nil {
		return args, !ctor.Ellipsis.IsValid()
	}
	id, ok := ast.Unparen(args[len(args)-1]).(*ast.Ident)
	v, _ := l.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v == nil || !isLocalTo(v) {
		return args[:len(args)-1], false
	}
	args = args[: len(args)-1 : len(args)-1]
	all = true
	for _, a := range l.flow.assignsOf(v) {
		switch x := ast.Unparen(a.expr).(type) {
		case *ast.CompositeLit:
			args = append(args, x.Elts...)
		case *ast.CallExpr:
			if fn, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && fn.Name == "append" && !x.Ellipsis.IsValid() && len(x.Args) > 1 {
				args = append(args, x.Args[1:]...) // an option added on some path
				continue
			}
			all = false
		default:
			all = false
		}
	}
	return args, all
}
