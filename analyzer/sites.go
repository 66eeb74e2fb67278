package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// A site is a candidate payload: a value the code builds that may be sent as a
// request body.
type site struct {
	body  *ast.BlockStmt // enclosing function body; nil at package level
	fn    ast.Node       // enclosing *ast.FuncDecl, or nil
	root  ast.Node       // the literal, variable or string the payload starts at
	obj   *types.Var     // the variable holding it, if any
	typ   types.Type     // its Go type
	value *Value
	text  bool // lowered from JSON text
	// shared marks a payload the code sends to DeepSeek and to other providers (a
	// generic builder): values it may hold are judged only where they name DeepSeek.
	shared bool
	// elsewhere marks a payload shown to go to another provider only: the values
	// it reads are another API's too (otherReads).
	elsewhere bool
	// siblings is the literal a nested payload is a field of ({url: …, body:
	// map[string]any{…}} in a table): its other fields may name the URL.
	siblings *ast.CompositeLit
}

// findSites lists the payload-shaped values of a package: JSON objects built from
// map literals, tagged struct literals or JSON text that carry a chat or FIM request's
// keys. Values nested in another literal are part of that literal's site.
func findSites(pass *analysis.Pass, ins *inspector.Inspector, fl *flow) []*site {
	var sites []*site
	lowerers := map[*ast.BlockStmt]*lowerer{}
	lowererFor := func(body *ast.BlockStmt) *lowerer {
		l := lowerers[body]
		if l == nil {
			l = newLowerer(pass, body, fl)
			lowerers[body] = l
		}
		return l
	}
	seenVars := map[*types.Var]bool{}
	filter := []ast.Node{(*ast.CompositeLit)(nil), (*ast.CallExpr)(nil), (*ast.ValueSpec)(nil)}
	ins.WithStack(filter, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		fn, body := enclosingFunc(stack)
		switch n := n.(type) {
		case *ast.CompositeLit:
			if nestedInPayload(pass, stack) || !payloadShapedType(pass, pass.TypesInfo.TypeOf(n), n) || !requestKeys(pass, n) {
				return true
			}
			s := &site{body: body, fn: fn, root: n, typ: pass.TypesInfo.TypeOf(n), siblings: enclosingLiteral(stack)}
			if s.siblings != nil && !namesURL(pass, s.siblings) {
				// An element of a table (test cases, fixtures) without its URL: the
				// table's user decides where it goes, if anywhere.
				return true
			}
			obj := definedVar(pass, stack)
			if obj == nil && len(n.Elts) == 0 && !isStringKeyedMap(s.typ) {
				return true // T{}: a zero value (return T{}, err), not a payload
			}
			if obj != nil && body != nil {
				if seenVars[obj] {
					return true
				}
				seenVars[obj] = true
				l := lowererFor(body)
				if loc := l.locals[obj]; loc != nil {
					if loc.decoded {
						return true
					}
					s.obj, s.value = obj, l.localValue(obj, loc, varIdent(stack, obj))
				}
			}
			if s.value == nil {
				s.value = lowererFor(body).expr(n)
			}
			if call, ok := stack[len(stack)-2].(*ast.CallExpr); ok {
				lowererFor(body).applyJSONSetters(s.value, call)
			}
			sites = append(sites, s)
		case *ast.ValueSpec:
			// var req Request, filled in field by field.
			if body == nil || len(n.Values) != 0 || n.Type == nil {
				return true
			}
			for _, id := range n.Names {
				obj, ok := pass.TypesInfo.Defs[id].(*types.Var)
				if !ok || seenVars[obj] || !payloadShapedType(pass, obj.Type(), nil) {
					continue
				}
				seenVars[obj] = true
				l := lowererFor(body)
				if loc := l.locals[obj]; loc != nil && !loc.decoded {
					sites = append(sites, &site{body: body, fn: fn, root: id, obj: obj, typ: obj.Type(), value: l.localValue(obj, loc, id)})
				}
			}
		case *ast.CallExpr:
			if s := jsonTextSite(pass, n); s != nil {
				s.body, s.fn = body, fn
				sites = append(sites, s)
			}
			for _, s := range jsonTextArgSites(pass, n) {
				s.body, s.fn = body, fn
				sites = append(sites, s)
			}
			if _, ok := optionSend(pass, n); !ok {
				return true
			}
			if v := lowererFor(body).optionCall(n); v != nil {
				sites = append(sites, &site{body: body, fn: fn, root: n, value: v})
			}
		}
		return true
	})
	// Keep only request-shaped values.
	out := sites[:0]
	for _, s := range sites {
		applySendSemantics(lowererFor(s.body), s) // what the SDK call sending it adds (sdklower.go)
		if requestShaped(s.value) || directiveOf(pass, s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// requestShaped reports whether a lowered value carries a chat or FIM request's
// keys; config structs with a model field do not.
func requestShaped(v *Value) bool {
	if v == nil || v.Kind != Object {
		return false
	}
	return v.member("messages") != nil || (v.member("prompt") != nil || v.member("input") != nil) && v.member("model") != nil
}

// requestShapedType is requestShaped for a struct type: its JSON has messages, or
// a model beside a prompt or an input. (A task result with a prompt is not a request.)
func requestShapedType(t types.Type) bool {
	keys := map[string]bool{}
	for _, f := range jsonFields(deref(t)) {
		keys[f.Name] = true
	}
	return keys["messages"] || keys["model"] && (keys["prompt"] || keys["input"])
}

// requestKeys is the cheap test of a map literal before lowering: it names a
// request key, or it is empty and filled in later.
func requestKeys(pass *analysis.Pass, lit *ast.CompositeLit) bool {
	if !isStringKeyedMap(pass.TypesInfo.TypeOf(lit)) || len(lit.Elts) == 0 {
		return true
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if tv := pass.TypesInfo.Types[kv.Key]; tv.Value != nil && tv.Value.Kind() == constant.String {
				switch constant.StringVal(tv.Value) {
				case "messages", "model", "prompt", "input":
					return true
				}
			}
		}
	}
	return false
}

// payloadShapedType is the cheap test before lowering: string-keyed maps, and structs
// whose JSON has a messages or prompt key.
func payloadShapedType(pass *analysis.Pass, t types.Type, lit *ast.CompositeLit) bool {
	if t == nil {
		return false
	}
	t = deref(t)
	if isStringKeyedMap(t) {
		// A request is a map[string]any: map[string]string or http.Header hold
		// no messages array.
		_, isInterface := types.Unalias(types.Unalias(t).Underlying().(*types.Map).Elem()).Underlying().(*types.Interface)
		return isInterface
	}
	if v, ok := requestStructMemo.Load(t); ok {
		return v.(bool)
	}
	r := false
	if _, ok := types.Unalias(t).Underlying().(*types.Struct); ok && !hasCustomJSON(t) {
		for _, f := range jsonFields(t) {
			if f.Name == "messages" || f.Name == "prompt" || f.Name == "input" {
				r = true
			}
		}
	}
	requestStructMemo.Store(t, r)
	return r
}

var requestStructMemo sync.Map // types.Type → whether its JSON has messages or prompt

func enclosingFunc(stack []ast.Node) (ast.Node, *ast.BlockStmt) {
	for i := len(stack) - 1; i >= 0; i-- {
		if fd, ok := stack[i].(*ast.FuncDecl); ok {
			return fd, fd.Body
		}
	}
	return nil, nil
}

// nestedInPayload reports whether the top of the stack sits inside a literal that is
// a payload candidate itself (and lowers this one as its part). A payload in a table
// of probes or test cases ([]probe{{url: …, body: map[string]any{…}}}) is its own.
func nestedInPayload(pass *analysis.Pass, stack []ast.Node) bool {
	for i := len(stack) - 2; i >= 0; i-- {
		if lit, ok := stack[i].(*ast.CompositeLit); ok && payloadShapedType(pass, pass.TypesInfo.TypeOf(lit), lit) {
			return true
		}
	}
	return false
}

// namesURL reports whether a literal has a string constant field that is an http(s)
// URL: a table row that says where its body goes.
func namesURL(pass *analysis.Pass, lit *ast.CompositeLit) bool {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if tv := pass.TypesInfo.Types[kv.Value]; tv.Value != nil && tv.Value.Kind() == constant.String {
				if v := constant.StringVal(tv.Value); strings.HasPrefix(v, "https://") || strings.HasPrefix(v, "http://") {
					return true
				}
			}
		}
	}
	return false
}

// enclosingLiteral is the literal the top of the stack is a value of, if any.
func enclosingLiteral(stack []ast.Node) *ast.CompositeLit {
	for i := len(stack) - 2; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.CompositeLit:
			return p
		case *ast.KeyValueExpr, *ast.UnaryExpr, *ast.ParenExpr:
			continue
		}
		return nil
	}
	return nil
}

// definedVar returns the local variable a literal initialises (x := lit, x := &lit,
// var x = lit).
func definedVar(pass *analysis.Pass, stack []ast.Node) *types.Var {
	lit := stack[len(stack)-1]
	for i := len(stack) - 2; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.UnaryExpr, *ast.ParenExpr:
			lit = p
			continue
		case *ast.AssignStmt:
			if p.Tok != token.DEFINE || len(p.Lhs) != len(p.Rhs) {
				return nil
			}
			for j, rhs := range p.Rhs {
				if rhs == lit {
					if id, ok := p.Lhs[j].(*ast.Ident); ok {
						v, _ := pass.TypesInfo.Defs[id].(*types.Var)
						return v
					}
				}
			}
		case *ast.ValueSpec:
			for j, val := range p.Values {
				if val == lit && j < len(p.Names) {
					v, _ := pass.TypesInfo.Defs[p.Names[j]].(*types.Var)
					return v
				}
			}
		}
		return nil
	}
	return nil
}

func varIdent(stack []ast.Node, obj *types.Var) *ast.Ident {
	for i := len(stack) - 1; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.AssignStmt:
			for _, lhs := range p.Lhs {
				if id, ok := lhs.(*ast.Ident); ok && id.Pos() == obj.Pos() {
					return id
				}
			}
		case *ast.ValueSpec:
			for _, id := range p.Names {
				if id.Pos() == obj.Pos() {
					return id
				}
			}
		}
	}
	return ast.NewIdent(obj.Name())
}

// jsonFormatOf lowers fmt.Sprintf(`{"model": "deepseek-chat", "messages": %s}`, m):
// the format's constants are known, its verbs are values filled in at run time.
func jsonFormatOf(pass *analysis.Pass, call *ast.CallExpr) *site {
	format := ast.Unparen(call.Args[0])
	tv := pass.TypesInfo.Types[format]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return nil
	}
	text := constant.StringVal(tv.Value)
	trimmed := strings.TrimSpace(text)
	if !strings.HasPrefix(trimmed, "{") || !strings.Contains(trimmed, `"messages"`) && !strings.Contains(trimmed, `"prompt"`) {
		return nil
	}
	pos := func(int) token.Pos { return format.Pos() }
	if lit := stringLitOf(pass, format); lit != nil {
		if value, p, _, ok := stringLitPositions(lit); ok && value == text {
			pos = p
		}
	}
	v, err := parseJSONFormat(text, pos)
	if err != nil {
		return nil
	}
	return &site{root: call, typ: pass.TypesInfo.TypeOf(call), value: v, text: true}
}

// bodyReaders are the calls whose string argument becomes a request body.
var bodyReaders = map[string]bool{
	"strings.NewReader":     true,
	"bytes.NewBufferString": true,
	"bytes.NewReader":       true,
	"bytes.NewBuffer":       true,
}

// jsonTextSite recognises a JSON object in a string constant sent as a body:
// strings.NewReader(`{...}`), bytes.NewBufferString(...), []byte(...).
func jsonTextSite(pass *analysis.Pass, call *ast.CallExpr) *site {
	if len(call.Args) != 1 {
		return nil
	}
	arg := ast.Unparen(call.Args[0])
	if tv := pass.TypesInfo.Types[call.Fun]; tv.IsType() {
		// []byte(`{...}`) and json.RawMessage(`{...}`).
		if s, ok := types.Unalias(tv.Type).Underlying().(*types.Slice); !ok || !isByte(s.Elem()) {
			return nil
		}
	} else {
		fn := calleeFunc(pass, call)
		if fn == nil || fn.Pkg() == nil || !bodyReaders[fn.Pkg().Path()+"."+fn.Name()] {
			return nil
		}
		if conv, ok := arg.(*ast.CallExpr); ok && len(conv.Args) == 1 {
			if tv := pass.TypesInfo.Types[conv.Fun]; tv.IsType() {
				return nil // bytes.NewReader([]byte(...)): the conversion is the site
			}
		}
	}
	return jsonTextOf(pass, arg)
}

// jsonTextOf lowers a string constant holding a request's JSON text, or a
// fmt.Sprintf whose constant format spells one, or nil.
func jsonTextOf(pass *analysis.Pass, arg ast.Expr) *site {
	arg = ast.Unparen(arg)
	if call, ok := arg.(*ast.CallExpr); ok && funcName(calleeFunc(pass, call)) == "fmt.Sprintf" && len(call.Args) > 0 {
		return jsonFormatOf(pass, call)
	}
	tv := pass.TypesInfo.Types[arg]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return nil
	}
	text := constant.StringVal(tv.Value)
	trimmed := strings.TrimSpace(text)
	if !strings.HasPrefix(trimmed, "{") || !strings.Contains(trimmed, `"messages"`) && !strings.Contains(trimmed, `"prompt"`) && !strings.Contains(trimmed, `"input"`) {
		return nil
	}
	pos := func(int) token.Pos { return arg.Pos() }
	keyFormat := ""
	if lit := stringLitOf(pass, arg); lit != nil {
		if value, p, kf, ok := stringLitPositions(lit); ok && value == text {
			pos, keyFormat = p, kf
		}
	}
	v, err := parseJSONText(text, pos, keyFormat)
	if err != nil {
		return nil // not JSON: not a payload we can read
	}
	return &site{root: arg, typ: tv.Type, value: v, text: true}
}

// jsonTextArgSites recognises JSON text handed to a helper of this package that
// makes its parameter the body: do(`{"model": …}`) with do(body string) calling
// strings.NewReader(body).
func jsonTextArgSites(pass *analysis.Pass, call *ast.CallExpr) []*site {
	fn := calleeFunc(pass, call)
	if fn == nil || fn.Pkg() != pass.Pkg {
		return nil
	}
	var out []*site
	for i, arg := range call.Args {
		tv := pass.TypesInfo.Types[arg]
		if tv.Value == nil || tv.Value.Kind() != constant.String || !bodyParam(pass, fn.Origin(), i) {
			continue
		}
		if s := jsonTextOf(pass, arg); s != nil {
			out = append(out, s)
		}
	}
	return out
}

// bodyParam reports whether a function of this package passes its i-th parameter
// to a body reader (strings.NewReader(body), []byte(body)).
func bodyParam(pass *analysis.Pass, fn *types.Func, i int) bool {
	if i >= fn.Signature().Params().Len() {
		return false
	}
	param := fn.Signature().Params().At(i)
	if !isString(param.Type()) {
		return false
	}
	decl := funcDecl(pass, fn)
	if decl == nil || decl.Body == nil {
		return false
	}
	found := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found || len(call.Args) != 1 {
			return !found
		}
		id, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
		if !ok || pass.TypesInfo.Uses[id] != param {
			return true
		}
		if tv := pass.TypesInfo.Types[call.Fun]; tv.IsType() {
			if s, ok := types.Unalias(tv.Type).Underlying().(*types.Slice); ok && isByte(s.Elem()) {
				found = true
			}
		} else if c := calleeFunc(pass, call); c != nil && c.Pkg() != nil && bodyReaders[c.Pkg().Path()+"."+c.Name()] {
			found = true
		}
		return true
	})
	return found
}

// stringLitOf finds the literal spelling a string constant: the argument itself, or
// the declaration of the named constant it refers to, when it is in this package.
func stringLitOf(pass *analysis.Pass, e ast.Expr) *ast.BasicLit {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return e
	case *ast.Ident:
		c, ok := pass.TypesInfo.Uses[e].(*types.Const)
		if !ok || c.Pkg() != pass.Pkg {
			return nil
		}
		for _, f := range pass.Files {
			if c.Pos() < f.Pos() || c.Pos() > f.End() {
				continue
			}
			var lit *ast.BasicLit
			ast.Inspect(f, func(n ast.Node) bool {
				if vs, ok := n.(*ast.ValueSpec); ok {
					for i, name := range vs.Names {
						if name.Pos() == c.Pos() && i < len(vs.Values) {
							lit, _ = ast.Unparen(vs.Values[i]).(*ast.BasicLit)
						}
					}
					return false
				}
				return lit == nil
			})
			return lit
		}
	}
	return nil
}

func isByte(t types.Type) bool {
	b, ok := types.Unalias(t).Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}

// refersTo reports whether an argument is the site: its literal, or its variable
// (possibly through & or *).
func refersTo(pass *analysis.Pass, arg ast.Expr, s *site) bool {
	for {
		switch e := ast.Unparen(arg).(type) {
		case *ast.UnaryExpr:
			if e.Op != token.AND {
				return false
			}
			arg = e.X
			continue
		case *ast.StarExpr:
			arg = e.X
			continue
		case *ast.Ident:
			return s.obj != nil && pass.TypesInfo.Uses[e] == s.obj
		default:
			return ast.Node(e) == s.root
		}
	}
}
