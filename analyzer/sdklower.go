// SDK-specific lowering: the calls, unions, option setters and functional options
// that sdks.json describes. General Go lowering lives in lower.go.

package analyzer

import (
	"go/ast"
	"go/constant"
	"go/types"
	"sort"
	"strings"
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

// optionCall lowers a request an SDK builds from functional options (langchaingo's
// llm.GenerateContent(ctx, msgs, llms.WithMaxTokens(2000))): the options of the call
// and of the constructor that made its client, when this function shows it.
func (l *lowerer) optionCall(call *ast.CallExpr) *Value {
	oc := sdks().OptionCalls
	fn := calleeFunc(l.pass, call)
	if fn == nil {
		return nil
	}
	spec, ok := oc.Sends[funcName(fn.Origin())]
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
	if id, ok := ast.Unparen(client).(*ast.Ident); ok {
		if obj, ok := l.pass.TypesInfo.Uses[id].(*types.Var); ok && l.locals[obj] != nil {
			if ctor, ok := ast.Unparen(l.locals[obj].def).(*ast.CallExpr); ok {
				if i, ok := oc.Constructors[funcName(calleeFunc(l.pass, ctor))]; ok && i <= len(ctor.Args) {
					apply(ctor.Args[i:])
				}
			}
		}
	}
	if spec[1] <= len(call.Args) {
		apply(call.Args[spec[1]:])
	}
	for _, m := range v.Members {
		if nk, ok := renames[m.Key]; ok {
			m.Key = nk
		}
	}
	return v
}
