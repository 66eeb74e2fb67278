// Destinations: where a function or a single body sends, from the URLs, base URLs
// and request paths the code shows, joined wherever they meet.

package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// classOf is what URLs say about a function: its own, its callees' in this
// package, and those of the client types it uses, with base URLs joined to the
// request paths the function or its callees name.
func (b *binder) classOf(fn ast.Node) endpointClass {
	return b.destsOf(fn).resolve(b.urls)
}

// dests is what a function shows of where it sends: classes of full URLs, clients
// and callees, and the DeepSeek base URLs and request paths that are joined at run
// time (c.BaseURL + path, with path a caller's constant).
type dests struct {
	class endpointClass
	bases map[string]bool
	paths map[string]bool
	// prefixes are path segments a format puts between a base and a path
	// (fmt.Sprintf("%s/beta/%s", base, path)).
	prefixes map[string]bool
	// foreign marks another API's path joined to the bases (/api/embed).
	foreign bool
}

func (d *dests) union(o *dests) {
	d.class |= o.class
	d.foreign = d.foreign || o.foreign
	for s := range o.bases {
		d.addBase(s)
	}
	for s := range o.paths {
		d.addPath(s)
	}
	for s := range o.prefixes {
		if d.prefixes == nil {
			d.prefixes = map[string]bool{}
		}
		d.prefixes[s] = true
	}
}

func (d *dests) addBase(s string) {
	if d.bases == nil {
		d.bases = map[string]bool{}
	}
	d.bases[s] = true
}

func (d *dests) addPath(s string) {
	if d.paths == nil {
		d.paths = map[string]bool{}
	}
	d.paths[s] = true
}

// resolve classifies the bases joined with the paths; a base alone keeps its own
// class (an SDK appends the chat path itself).
func (d *dests) resolve(u *urlClassifier) endpointClass {
	c := d.class
	for base := range d.bases {
		if len(d.paths) == 0 && d.foreign {
			c |= toOther // c.BaseURL + "/api/embed": not a DeepSeek endpoint
			continue
		}
		if len(d.paths) == 0 {
			c |= u.classify(base)
			continue
		}
		prefixes := []string{""}
		for pre := range d.prefixes {
			if !strings.HasSuffix(strings.TrimSuffix(base, "/"), pre) {
				prefixes = append(prefixes, pre)
			}
		}
		if len(prefixes) > 1 {
			prefixes = prefixes[1:] // the format puts its segment in every URL it builds
		}
		for p := range d.paths {
			for _, pre := range prefixes {
				c |= u.classify(strings.TrimSuffix(base, "/") + pre + "/" + strings.TrimPrefix(p, "/"))
			}
		}
	}
	if c&(urlKnown|toAnthropic|toResponses) != 0 {
		c &^= toDeepSeekAny // the endpoint is known
	}
	return c
}

// addString records what a string constant says about a destination.
func (b *binder) addString(d *dests, s string) {
	if c := b.urls.classify(s); c != 0 {
		if c&toDeepSeek != 0 && b.urls.isBase(s) {
			d.addBase(s)
		} else {
			d.class |= c
		}
		return
	}
	if p, ok := b.urls.requestPath(s); ok {
		d.addPath(p)
	} else if pre, ok := formatSegment(s); ok {
		if d.prefixes == nil {
			d.prefixes = map[string]bool{}
		}
		d.prefixes[pre] = true
	} else if b.urls.foreignPath(s) {
		d.foreign = true
	}
}

func (b *binder) destsOf(fn ast.Node) *dests {
	if d, ok := b.funcDests[fn]; ok {
		return d
	}
	d := &dests{}
	if b.visiting[fn] {
		return d
	}
	b.visiting[fn] = true
	defer delete(b.visiting, fn)
	elsewhere := b.clientsPointedElsewhere(fn)
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BasicLit, *ast.Ident, *ast.SelectorExpr, *ast.BinaryExpr:
			e := n.(ast.Expr)
			if tv := b.pass.TypesInfo.Types[e]; tv.Value != nil && tv.Value.Kind() == constant.String {
				b.addString(d, constant.StringVal(tv.Value))
				return false
			}
			if id, ok := n.(*ast.Ident); ok {
				if tn := namedOf(b.pass.TypesInfo.TypeOf(id)); tn != nil && !elsewhere[tn] {
					d.class |= b.clientClass(tn)
					if b.clientClass(tn) != 0 {
						for base := range b.typeBases[tn] {
							d.addBase(base)
						}
					}
				}
				if v, ok := b.pass.TypesInfo.Uses[id].(*types.Var); ok {
					d.class |= b.varClass[v]
				}
			}
			if isString(b.pass.TypesInfo.TypeOf(e)) && isIdentOrSelector(e) && !b.isParamOf(fn, e) && !isFieldKey(b.pass, e) {
				// A base URL or path held in a variable or field. (A parameter's
				// value is the caller's: its constants bind the caller.)
				if strs := b.flow.of(e).strings(); !b.providerSwitch(strs) {
					for _, s := range strs {
						b.addString(d, s)
					}
				}
			}
		case *ast.CallExpr:
			d.class |= b.otherEndpoint(n)
			if callee := calleeFunc(b.pass, n); callee != nil {
				if spec, ok := sdks().Clients[funcName(callee.Origin())]; ok {
					switch {
					case spec.Fixed:
						// A client built on its SDK's default base URL:
						// openai.NewClient(key) sends to OpenAI.
						if c := b.urls.classify(spec.DefaultBaseURL); c&toOther != 0 {
							d.class |= toOther
						}
					case spec.BaseURL != nil && *spec.BaseURL >= len(n.Args) && spec.Options == nil:
						// The optional base URL left out: deepseek.NewClient(key)
						// posts to https://api.deepseek.com/, not /beta.
						b.addString(d, spec.DefaultBaseURL)
					}
				}
				if decl := b.funcs[callee.Origin()]; decl != nil && ast.Node(decl) != fn {
					d.union(b.destsOf(decl))
				} else if callee.Pkg() != nil && callee.Pkg() != b.pass.Pkg && !sdkPackages()[callee.Pkg().Path()] {
					// SDKs are known by sdks.json: the URLs inside them say nothing
					// about where a caller's client points.
					var f boundFact
					if recv := callee.Signature().Recv(); recv != nil && elsewhere[namedOf(recv.Type())] {
						// A method of a client this function points elsewhere.
					} else if b.pass.ImportObjectFact(callee.Origin(), &f) {
						d.class |= endpointClass(f.Class)
					}
				}
			}
		}
		return true
	})
	b.funcDests[fn] = d
	return d
}

// embeddersClass is where a method's body goes when the method is promoted into
// another type of this package: DeepSeekProvider embeds OpenAIProvider and
// overrides Endpoint() with DeepSeek's URL, so OpenAIProvider.PrepareRequest
// builds DeepSeek's requests too. It is what the embedding type's own methods say.
func (b *binder) embeddersClass(fn ast.Node) endpointClass {
	fd, ok := fn.(*ast.FuncDecl)
	if !ok || fd.Recv == nil || len(fd.Recv.List) != 1 {
		return 0
	}
	recv := namedOf(b.pass.TypesInfo.TypeOf(fd.Recv.List[0].Type))
	if recv == nil {
		return 0
	}
	var class endpointClass
	scope := b.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn == recv {
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		embeds := false
		for i := 0; i < st.NumFields(); i++ {
			if f := st.Field(i); f.Embedded() && namedOf(f.Type()) == recv {
				embeds = true
			}
		}
		named, ok := tn.Type().(*types.Named)
		if !embeds || !ok {
			continue
		}
		var own endpointClass
		for i := 0; i < named.NumMethods(); i++ {
			m := named.Method(i)
			if m.Name() == fd.Name.Name {
				own = 0 // overridden: the promoted method is not used
				break
			}
			if decl := b.funcs[m]; decl != nil {
				own |= b.classOf(decl)
			}
		}
		class |= own
	}
	return class
}

// clientsPointedElsewhere lists the DeepSeek client types a function builds with
// another host's URL (deepseek.Client{BaseUrl: "http://localhost:11434"}): what
// it sends through them goes there, whatever the type's own default.
func (b *binder) clientsPointedElsewhere(fn ast.Node) map[*types.TypeName]bool {
	out := map[*types.TypeName]bool{}
	ast.Inspect(fn, func(n ast.Node) bool {
		lit, ok := n.(*ast.CompositeLit)
		if !ok {
			return true
		}
		tn := namedOf(b.pass.TypesInfo.TypeOf(lit))
		if tn == nil || b.clientClass(tn)&toDeepSeek == 0 {
			return true
		}
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if tv := b.pass.TypesInfo.Types[kv.Value]; tv.Value != nil && tv.Value.Kind() == constant.String {
				if c := b.urls.classify(constant.StringVal(tv.Value)); c != 0 && c&toDeepSeek == 0 {
					out[tn] = true
				}
			}
		}
		return true
	})
	return out
}

// isParamOf reports whether e names a parameter of fn.
func (b *binder) isParamOf(fn ast.Node, e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := b.pass.TypesInfo.ObjectOf(id).(*types.Var)
	return ok && v.Pos() >= fn.Pos() && v.Pos() < fn.End() && isParamPos(fn, v.Pos())
}

func isParamPos(fn ast.Node, pos token.Pos) bool {
	var ft *ast.FuncType
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		ft = fn.Type
	case *ast.FuncLit:
		ft = fn.Type
	}
	return ft != nil && ft.Params != nil && ft.Params.Pos() <= pos && pos < ft.Params.End()
}

// isFieldKey reports whether e is a field name written as a struct literal's key.
func isFieldKey(pass *analysis.Pass, e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := pass.TypesInfo.Uses[id].(*types.Var)
	return ok && v.IsField()
}

func isString(t types.Type) bool {
	if t == nil {
		return false
	}
	basic, ok := types.Unalias(t).Underlying().(*types.Basic)
	return ok && basic.Info()&types.IsString != 0
}

func isIdentOrSelector(e ast.Expr) bool {
	switch e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		return true
	}
	return false
}

// siteDest is where the call that sends a site says it goes, when that call names
// the URL or path itself: postJSON("https://api.openai.com/v1/chat/completions", key,
// body) in a function that also posts to DeepSeek, or
// http.NewRequest("POST", url, bytes.NewReader([]byte(`{…}`))). A path alone is
// joined to the function's base URLs.
func (b *binder) siteDest(s *site) (endpointClass, bool) {
	if s.siblings != nil {
		// {url: root + "/chat/completions", body: …}: the literal names it.
		d := &dests{}
		for _, elt := range s.siblings.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if tv := b.pass.TypesInfo.Types[kv.Value]; tv.Value != nil && tv.Value.Kind() == constant.String {
					b.addString(d, constant.StringVal(tv.Value))
				}
			}
		}
		if d.class != 0 || len(d.bases) > 0 {
			return d.resolve(b.urls), true
		}
	}
	if s.body == nil {
		return 0, false
	}
	parents := b.parentsOf(s.body)
	var calls []*ast.CallExpr
	var leaves []ast.Node
	if s.obj != nil {
		ast.Inspect(s.body, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && b.pass.TypesInfo.Uses[id] == s.obj {
				leaves = append(leaves, id)
			}
			return true
		})
	} else {
		leaves = append(leaves, s.root)
	}
	for _, leaf := range leaves {
		cur := leaf
		for depth := 0; depth < 6; depth++ {
			p := parents[cur]
			if p == nil {
				break
			}
			if call, ok := p.(*ast.CallExpr); ok && call.Fun != cur {
				calls = append(calls, call)
			}
			if _, ok := p.(ast.Stmt); ok {
				break
			}
			cur = p
		}
	}
	d := &dests{}
	for _, call := range calls {
		for _, arg := range call.Args {
			if tv := b.pass.TypesInfo.Types[arg]; tv.Value != nil && tv.Value.Kind() == constant.String {
				b.addString(d, constant.StringVal(tv.Value))
			}
		}
	}
	if d.class == 0 && len(d.bases) == 0 {
		if len(d.paths) == 0 || s.fn == nil {
			return 0, false
		}
		fd := b.destsOf(s.fn)
		if len(fd.bases) == 0 {
			return 0, false
		}
		d.bases = fd.bases
	}
	return d.resolve(b.urls), true
}

// parentsOf is the parent map of a function body, built once per body.
func (b *binder) parentsOf(body *ast.BlockStmt) map[ast.Node]ast.Node {
	if p, ok := b.parents[body]; ok {
		return p
	}
	p := parentMap(body)
	b.parents[body] = p
	return p
}

// sdkSendDest joins the function's DeepSeek base URLs with the path of the SDK
// method that sends the site (sdks.json sends: client.Responses.New appends
// "responses", CreateCompletion "/completions").
func (b *binder) sdkSendDest(s *site) (endpointClass, bool) {
	if s.body == nil || s.fn == nil {
		return 0, false
	}
	d := &dests{}
	var client *dests
	ast.Inspect(s.body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn := calleeFunc(b.pass, call)
		if fn == nil {
			return true
		}
		spec, ok := sdks().Sends[funcName(fn.Origin())]
		if !ok || spec.Path == "" || spec.Body >= len(call.Args) || !refersTo(b.pass, call.Args[spec.Body], s) {
			return true
		}
		d.addPath(spec.Path)
		if c := b.clientDests(call); c != nil {
			client = c
		}
		return true
	})
	if len(d.paths) == 0 {
		return 0, false
	}
	fd := b.destsOf(s.fn)
	if client != nil {
		fd = client // the client the call is made on says, not the function's other calls
	}
	if len(fd.bases) == 0 {
		return 0, false
	}
	d.bases = fd.bases
	d.class = fd.class &^ (urlKnown | toAnthropic | toResponses | toDeepSeekAny)
	return d.resolve(b.urls), true
}

// providerSwitch reports whether the URLs a field or variable may hold name both
// DeepSeek and another provider: a config filled by every provider's constructor
// (SetDefaultAPIBase(cfg, url) called with each one's base URL). The field says
// only that some provider is used; which one is decided where the function is
// reached from, so it binds nothing.
func (b *binder) providerSwitch(strs []string) bool {
	var c endpointClass
	for _, s := range strs {
		c |= b.urls.classify(s)
	}
	return c&toDeepSeek != 0 && c&toOther != 0
}

// clientDests is where the local client an SDK call is made on sends, from the
// URL constants of the expressions that build it (client := openai.NewClient(
// option.WithBaseURL("https://api.deepseek.com/v1"))), or nil when the call is not
// made on such a local or its construction names no URL.
func (b *binder) clientDests(call *ast.CallExpr) *dests {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	x := sel.X
	for {
		inner, ok := ast.Unparen(x).(*ast.SelectorExpr)
		if !ok {
			break
		}
		x = inner.X // client.Chat.Completions.New: the root is client
	}
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := b.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || !isLocalTo(v) {
		return nil
	}
	assigns := b.flow.assignsOf(v)
	if len(assigns) == 0 {
		return nil
	}
	d := &dests{}
	for _, a := range assigns {
		ast.Inspect(a.expr, func(n ast.Node) bool {
			e, ok := n.(ast.Expr)
			if !ok {
				return true
			}
			if tv := b.pass.TypesInfo.Types[e]; tv.Value != nil && tv.Value.Kind() == constant.String {
				b.addString(d, constant.StringVal(tv.Value))
				return false
			}
			if call, ok := e.(*ast.CallExpr); ok {
				d.class |= b.otherEndpoint(call)
				// A constructor of this package: newDeepSeek(model) names the URL.
				if callee := calleeFunc(b.pass, call); callee != nil && b.funcs[callee.Origin()] != nil {
					d.union(b.destsOf(b.funcs[callee.Origin()]))
				}
			}
			return true
		})
	}
	if len(d.bases) == 0 && d.class == 0 {
		return nil
	}
	return d
}

// optionClientDest is where an SDK call built from options (langchaingo's
// llm.Call(ctx, q, llms.WithTemperature(…))) sends: its local client's.
func (b *binder) optionClientDest(s *site) (endpointClass, bool) {
	call, ok := s.root.(*ast.CallExpr)
	if !ok {
		return 0, false
	}
	if spec, ok := optionSend(b.pass, call); !ok || spec[0] >= 0 {
		return 0, false
	}
	b.init()
	d := b.clientDests(call)
	if d == nil {
		return 0, false
	}
	return d.resolve(b.urls), true
}

// formatSegment is the path segment a format joining a base to a path puts
// between them: "/beta" in "%s/beta/%s".
func formatSegment(s string) (string, bool) {
	for _, verb := range []string{"%s", "%v"} {
		if strings.HasPrefix(s, verb+"/") && strings.HasSuffix(s, "/"+verb) && len(s) > 2*len(verb)+2 {
			mid := s[len(verb)+1 : len(s)-len(verb)-1]
			if mid != "" && !strings.ContainsAny(mid, "% ?:") {
				return "/" + mid, true
			}
		}
	}
	return "", false
}
