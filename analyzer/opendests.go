package analyzer

import (
	"go/ast"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/types/objectpath"
)

// Generic builders. An OpenAI-compatible provider builds the request and sends it
// to a URL or SDK client its importer gives it (generic.Setup(key, url),
// c.Cli = openai.NewClientWithConfig(cfg)); the package that gives a DeepSeek URL
// or client is the one that makes the body DeepSeek's. The builder exports the body
// with the exported fields and parameters its destination comes from; an importer
// that supplies DeepSeek there checks it, reporting at what it supplies.

// openDest lists the exported fields and parameters of exported functions the URL
// or SDK client of a site's function comes from, as object paths, and the request
// paths that function joins to them.
func (b *binder) openDest(s *site) (origins, paths []string) {
	fd, ok := s.fn.(*ast.FuncDecl)
	if !ok || fd.Body == nil {
		return nil, nil
	}
	var from []*types.Var
	sends := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		callee := calleeFunc(b.pass, call)
		if callee == nil {
			return true
		}
		name := funcName(callee.Origin())
		for _, arg := range b.urlArgs(call, callee) {
			from = append(from, b.flow.of(arg).Origins...)
			sends = true
		}
		if _, ok := sdks().Sends[name]; ok {
			from = append(from, b.clientOrigins(call.Fun)...)
			sends = true
		}
		return true
	})
	if sends && b.classOf(fd)&toOther == 0 {
		from = append(from, b.urlNamed()...)
	}
	seen := map[string]bool{}
	for _, v := range from {
		if v.Pkg() != b.pass.Pkg {
			continue
		}
		if p, err := objectpath.For(v); err == nil && !seen[string(p)] {
			seen[string(p)] = true
			origins = append(origins, string(p))
		}
	}
	for p := range b.destsOf(fd).paths {
		paths = append(paths, p)
	}
	sort.Strings(origins)
	sort.Strings(paths)
	return origins, paths
}

// urlArgs lists the arguments of a call that are URLs a request goes to: an
// HTTP request's URL, or what a helper of this package posts to (post(req, url)).
func (b *binder) urlArgs(call *ast.CallExpr, callee *types.Func) []ast.Expr {
	var out []ast.Expr
	if i, ok := requestURLArg()[funcName(callee.Origin())]; ok && i < len(call.Args) {
		out = append(out, call.Args[i])
	}
	if callee.Pkg() == b.pass.Pkg {
		for _, i := range b.urlParams(callee.Origin()) {
			if i < len(call.Args) {
				out = append(out, call.Args[i])
			}
		}
	}
	return out
}

// urlParams lists the parameters of this package's function that it, or a helper
// it calls, sends a request to (CreateChatCompletion(req, url, key) posts to url).
func (b *binder) urlParams(fn *types.Func) []int {
	fd := b.flow.decls[fn]
	if fd == nil || fd.Body == nil {
		return nil
	}
	if ps, ok := b.sendsTo[fn]; ok {
		return ps
	}
	if b.sendsTo == nil {
		b.sendsTo = map[*types.Func][]int{}
	}
	b.sendsTo[fn] = nil // a recursive call adds nothing
	params := paramsOf(fn)
	var out []int
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		callee := calleeFunc(b.pass, call)
		if callee == nil {
			return true
		}
		for _, arg := range b.urlArgs(call, callee) {
			from := b.flow.of(arg).Origins
			if id, ok := ast.Unparen(arg).(*ast.Ident); ok {
				if v, ok := b.pass.TypesInfo.Uses[id].(*types.Var); ok {
					from = append(from, v) // the parameter itself, whatever its callers pass
				}
			}
			for _, o := range from {
				for i, p := range params {
					if o == p {
						out = append(out, i)
					}
				}
			}
		}
		return true
	})
	b.sendsTo[fn] = out
	return out
}

// urlNamed lists this package's exported string fields and parameters of exported
// functions whose names say they hold a URL (sdks.json destinationNames): where
// a generic builder that names no host gets one (compat.Config{BaseURL: …}).
func (b *binder) urlNamed() []*types.Var {
	var out []*types.Var
	named := func(v *types.Var) bool {
		if !isString(v.Type()) {
			return false
		}
		name := strings.ToLower(v.Name())
		for _, part := range sdks().GoLibraries.DestinationNames.Names {
			if strings.Contains(name, part) {
				return true
			}
		}
		return false
	}
	scope := b.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.TypeName:
			if st, ok := obj.Type().Underlying().(*types.Struct); ok && obj.Exported() {
				for i := 0; i < st.NumFields(); i++ {
					if f := st.Field(i); f.Exported() && named(f) {
						out = append(out, f)
					}
				}
			}
		case *types.Func:
			if obj.Exported() {
				for _, p := range paramsOf(obj) {
					if named(p) {
						out = append(out, p)
					}
				}
			}
		}
	}
	return out
}

// clientOrigins is where the SDK client of a send comes from: c.Cli in
// c.Cli.CreateChatCompletion, or c.client in c.client.Chat.Completions.New (the
// SDK's own service fields are skipped).
func (b *binder) clientOrigins(fun ast.Expr) []*types.Var {
	sel, ok := ast.Unparen(fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	x := sel.X
	for {
		inner, ok := ast.Unparen(x).(*ast.SelectorExpr)
		if !ok {
			break
		}
		if obj := b.flow.target(inner); obj != nil && obj.Pkg() == b.pass.Pkg {
			break
		}
		x = inner.X
	}
	return b.flow.of(x).Origins
}

// importedDest is what this package makes of an imported body's destination: the
// class of the URLs and clients it supplies to the builder's origins, and where
// the first DeepSeek one is written.
func (r *reporter) importedDest(b *binder, pkg *types.Package, body portableBody) (endpointClass, *Value) {
	var class endpointClass
	var anchor *Value
	for _, path := range body.DestOrigins {
		obj, err := objectpath.Object(pkg, objectpath.Path(path))
		if err != nil {
			continue
		}
		for _, sup := range r.supplies(obj) {
			var c endpointClass
			at := &Value{Pos: sup.expr.Pos(), End: sup.expr.End()}
			if isString(obj.Type()) {
				for _, k := range b.flow.of(sup.expr).Consts {
					s, ok := k.Const.(string)
					if !ok {
						continue
					}
					d := &dests{}
					b.addString(d, s)
					for _, p := range body.Paths {
						d.addPath(p)
					}
					if kc := d.resolve(b.urls); kc&toDeepSeek != 0 && anchor == nil {
						at = k
					}
					c |= d.resolve(b.urls)
				}
			} else if sup.fn != nil {
				c = b.classOf(sup.fn)
			}
			if c&toDeepSeek != 0 && anchor == nil && r.inPackage(at.Pos) {
				anchor = at
			}
			class |= c
		}
	}
	return class, anchor
}

// checkPerCall checks, one call at a time, a body whose importer passes it
// DeepSeek's URL in some calls and other hosts' in others
// (AIScan("deepseek-chat", deepSeekURL, …) beside AIScan("qwen-plus", qwenURL, …)):
// each call that gives it only DeepSeek's URL is checked with that call's values.
func (r *reporter) checkPerCall(b *binder, pkg *types.Package, pb portableBody) {
	calls := map[*ast.CallExpr]bool{}
	var order []*ast.CallExpr
	for _, path := range pb.DestOrigins {
		obj, err := objectpath.Object(pkg, objectpath.Path(path))
		if err != nil {
			continue
		}
		for _, sup := range r.supplies(obj) {
			if sup.call != nil && !calls[sup.call] {
				calls[sup.call] = true
				order = append(order, sup.call)
			}
		}
	}
	defer func() { r.onlyCall, r.anchor, r.sender = nil, nil, "" }()
	for _, call := range order {
		if !r.destShown(b, pkg, pb, call) {
			continue // a URL the call takes from elsewhere (a config field many providers fill)
		}
		r.onlyCall = call
		class, anchor := r.importedDest(b, pkg, pb)
		if anchor == nil || class&toOther != 0 || class&toDeepSeek == 0 {
			continue
		}
		body := r.rebuild(pb.Body, "", pb.Shared, pkg, b.flow, map[string][]*Value{})
		r.anchor, r.sender = anchor, pb.Sender
		r.check(&site{value: body, shared: pb.Shared}, b.endpointFor(body, class))
	}
}

// destShown reports whether a call gives the builder's URL parameters only
// constants: the call itself, not a shared config, says where the body goes.
func (r *reporter) destShown(b *binder, pkg *types.Package, pb portableBody, call *ast.CallExpr) bool {
	shown := false
	for _, path := range pb.DestOrigins {
		obj, err := objectpath.Object(pkg, objectpath.Path(path))
		if err != nil {
			continue
		}
		for _, sup := range r.supplied[obj] {
			if sup.call != call {
				continue
			}
			c := b.flow.of(sup.expr)
			if c.Unknown || len(c.Consts) == 0 {
				return false
			}
			shown = true
		}
	}
	return shown
}
