package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// A payload is a value that may be sent. A request-shaped value whose every way out
// of its function is shown and ends somewhere other than a sender — a session saved
// to disk, a log line, a response written to this program's own client — is not a
// payload, whatever its keys.

// exit is where a value goes when it leaves the code that built it.
type exit int

const (
	exitUnknown exit = iota // returned, stored in something, passed on: may be sent
	exitStored              // written to a file, a log or an HTTP response
	exitRead                // only read (a field, a method, a length): not an exit
)

// maySend reports whether a site may reach a sender. Only a site whose exits are
// all shown to be stores is dropped.
func maySend(pass *analysis.Pass, fl *flow, s *site) bool {
	if s.body == nil || s.text {
		return true
	}
	parents := parentMap(s.body)
	var uses []ast.Node
	if s.obj != nil {
		ast.Inspect(s.body, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && pass.TypesInfo.Uses[id] == s.obj {
				uses = append(uses, id)
			}
			return true
		})
	} else {
		uses = append(uses, s.root)
	}
	switch exitsOf(pass, fl, parents, uses, 0) {
	case exitStored:
		return false
	case exitRead:
		// Every use reads or updates it: nothing passes it on (a session read
		// from disk whose messages are shown).
		return false
	}
	return true
}

// exitsOf combines the exits of several uses: stored only when every use that
// leaves is stored, and at least one does.
func exitsOf(pass *analysis.Pass, fl *flow, parents map[ast.Node]ast.Node, uses []ast.Node, depth int) exit {
	result := exitRead
	for _, u := range uses {
		switch exitOf(pass, fl, parents, u, depth) {
		case exitUnknown:
			return exitUnknown
		case exitStored:
			result = exitStored
		}
	}
	return result
}

func exitOf(pass *analysis.Pass, fl *flow, parents map[ast.Node]ast.Node, use ast.Node, depth int) exit {
	if depth > 4 {
		return exitUnknown
	}
	cur := use
	for {
		switch p := parents[cur].(type) {
		case *ast.ParenExpr:
			cur = p
			continue
		case *ast.UnaryExpr:
			if p.Op == token.AND {
				cur = p
				continue
			}
		case *ast.KeyValueExpr:
			if p.Value == cur {
				if f := literalField(pass, p); f != nil {
					return fieldExit(pass, fl, f, depth) // turn{sess: sess}: where t.sess goes
				}
			}
			cur = p
			continue
		case *ast.CompositeLit:
			cur = p
			if p.Type != nil {
				return exitUnknown // wrapped in another value
			}
		}
		break
	}
	switch p := parents[cur].(type) {
	case *ast.SelectorExpr:
		return exitRead // x.Field, x.Method()
	case *ast.BinaryExpr:
		return exitRead // x != nil
	case *ast.IndexExpr:
		return exitRead
	case *ast.CallExpr:
		if p.Fun == cur {
			return exitRead
		}
		fn := calleeFunc(pass, p)
		name := funcName(fn)
		if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "encoding/json" {
			switch fn.Name() {
			case "Marshal", "MarshalIndent":
				return bytesExit(pass, fl, parents, p, depth)
			case "Encode":
				return encoderExit(pass, fl, p)
			case "Unmarshal", "Valid", "Indent", "Compact":
				return exitRead
			}
		}
		if storeFuncs()[name] || sendsElsewhere(name) {
			return exitStored // stored, or sent to an endpoint that is not a DeepSeek one
		}
		if fn != nil && fn.Signature().Recv() != nil && logMethods()[fn.Name()] {
			return exitStored // logger.Debug(ctx, "request", map[string]any{…}): logged
		}
		if e := paramExit(pass, fl, p, cur, depth); e != exitUnknown {
			return e // writeJSON(w, v): where this package's helper puts it
		}
		if id, ok := ast.Unparen(p.Fun).(*ast.Ident); ok {
			if _, builtin := pass.TypesInfo.Uses[id].(*types.Builtin); builtin {
				if id.Name == "append" && len(p.Args) > 0 && p.Args[0] == cur {
					return exitOf(pass, fl, parents, p, depth+1) // append(b, '\n') is b
				}
				return exitRead // len(x)
			}
		}
		return exitUnknown
	case *ast.AssignStmt:
		for i, r := range p.Rhs {
			if r == cur {
				if len(p.Lhs) == len(p.Rhs) {
					if id, ok := p.Lhs[i].(*ast.Ident); ok {
						return localExit(pass, fl, parents, id, depth) // s = Session{…}: where s goes
					}
					if f := ownField(pass, p.Lhs[i]); f != nil {
						return fieldExit(pass, fl, f, depth) // t.sess = &Session{…}: where t.sess goes
					}
				}
				return exitUnknown // copied elsewhere
			}
		}
		return exitRead // assigned to: an update, not an exit
	}
	return exitUnknown
}

// localExit follows a local variable a value is assigned to: its exits are the
// value's.
func localExit(pass *analysis.Pass, fl *flow, parents map[ast.Node]ast.Node, id *ast.Ident, depth int) exit {
	obj, ok := pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok || !isLocalTo(obj) {
		return exitUnknown
	}
	var root ast.Node = id
	for p := parents[root]; p != nil; p = parents[p] {
		root = p
	}
	var uses []ast.Node
	ast.Inspect(root, func(n ast.Node) bool {
		if u, ok := n.(*ast.Ident); ok && u != id && pass.TypesInfo.Uses[u] == obj {
			uses = append(uses, u)
		}
		return true
	})
	if len(uses) == 0 {
		return exitUnknown
	}
	return exitsOf(pass, fl, parents, uses, depth+1)
}

// bytesExit follows the bytes json.Marshal returns: to a file or log, or on.
func bytesExit(pass *analysis.Pass, fl *flow, parents map[ast.Node]ast.Node, call *ast.CallExpr, depth int) exit {
	as, ok := parents[call].(*ast.AssignStmt)
	if !ok || len(as.Lhs) == 0 {
		return exitUnknown
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return exitUnknown
	}
	obj := pass.TypesInfo.Defs[id]
	if obj == nil {
		obj = pass.TypesInfo.Uses[id]
	}
	if obj == nil {
		return exitUnknown
	}
	var block ast.Node = as
	for p := parents[as]; p != nil; p = parents[p] {
		if _, ok := p.(*ast.BlockStmt); ok {
			block = p
		}
	}
	var uses []ast.Node
	ast.Inspect(block, func(n ast.Node) bool {
		if u, ok := n.(*ast.Ident); ok && u != id && pass.TypesInfo.Uses[u] == obj {
			uses = append(uses, u)
		}
		return true
	})
	// string(b) is b.
	for i, u := range uses {
		if conv, ok := parents[u].(*ast.CallExpr); ok && len(conv.Args) == 1 {
			if tv := pass.TypesInfo.Types[conv.Fun]; tv.IsType() {
				uses[i] = conv
			}
		}
	}
	return exitsOf(pass, fl, parents, uses, depth+1)
}

// encoderExit says where json.NewEncoder(w).Encode(x) writes.
func encoderExit(pass *analysis.Pass, fl *flow, call *ast.CallExpr) exit {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return exitUnknown
	}
	ctor, ok := ast.Unparen(sel.X).(*ast.CallExpr)
	if !ok {
		// An encoder kept in a variable or field: json.NewEncoder(os.Stdout).
		if obj := fl.target(sel.X); obj != nil && len(fl.assignsOf(obj)) == 1 {
			ctor, ok = ast.Unparen(fl.assignsOf(obj)[0].expr).(*ast.CallExpr)
		}
	}
	if !ok || len(ctor.Args) != 1 {
		return exitUnknown
	}
	w := ast.Unparen(ctor.Args[0])
	if t := pass.TypesInfo.TypeOf(w); t != nil && storeWriterTypes()[types.TypeString(t, nil)] {
		return exitStored // a file, or a response to this program's own client
	}
	if s, ok := w.(*ast.SelectorExpr); ok {
		if obj, ok := pass.TypesInfo.Uses[s.Sel].(*types.Var); ok && obj.Pkg() != nil && storeWriters()[obj.Pkg().Path()+"."+obj.Name()] {
			return exitStored
		}
	}
	return exitUnknown
}

// sendsElsewhere reports whether an SDK call sends its argument to an endpoint other
// than DeepSeek's (sdks.json otherEndpointFuncs.sends: images, embeddings, Ollama).
func sendsElsewhere(name string) bool {
	for _, s := range sdks().OtherEndpointFuncs.Sends {
		if s == name {
			return true
		}
	}
	return false
}

// paramExit follows an argument into a function of this package: where its
// parameter goes there.
func paramExit(pass *analysis.Pass, fl *flow, call *ast.CallExpr, arg ast.Node, depth int) exit {
	fn := calleeFunc(pass, call)
	if fn == nil || fn.Pkg() != pass.Pkg || depth > 3 {
		return exitUnknown
	}
	fl.ready()
	decl := fl.decls[fn.Origin()]
	i := argIndex(call, arg)
	if decl == nil || decl.Body == nil || i < 0 || i >= fn.Signature().Params().Len() || fn.Signature().Variadic() && i >= fn.Signature().Params().Len()-1 {
		return exitUnknown
	}
	param := fn.Origin().Signature().Params().At(i)
	var uses []ast.Node
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && pass.TypesInfo.Uses[id] == param {
			uses = append(uses, id)
		}
		return true
	})
	if len(uses) == 0 {
		return exitUnknown
	}
	return exitsOf(pass, fl, parentMap(decl.Body), uses, depth+1)
}

// literalField is the field of this package's struct type a keyed literal
// element sets, or nil.
func literalField(pass *analysis.Pass, kv *ast.KeyValueExpr) *types.Var {
	id, ok := kv.Key.(*ast.Ident)
	if !ok {
		return nil
	}
	f, _ := pass.TypesInfo.Uses[id].(*types.Var)
	return privateField(pass, f)
}

// ownField is the field of this package's struct type an assignment's left-hand
// side sets (t.sess = …), or nil.
func ownField(pass *analysis.Pass, lhs ast.Expr) *types.Var {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	s := pass.TypesInfo.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return nil
	}
	f, _ := s.Obj().(*types.Var)
	return privateField(pass, f)
}

// privateField returns f if only this package reads it: a field of this package
// that importers cannot see.
func privateField(pass *analysis.Pass, f *types.Var) *types.Var {
	if f == nil || !f.IsField() || f.Pkg() != pass.Pkg || f.Exported() && pass.Pkg.Name() != "main" {
		return nil
	}
	return f
}

// fieldExit is where the values a struct field holds go: every use of the field
// in the package (t.sess.Add(m), t.sess.Save()).
func fieldExit(pass *analysis.Pass, fl *flow, f *types.Var, depth int) exit {
	if depth > 4 {
		return exitUnknown
	}
	if e, ok := fl.fieldExits[f]; ok {
		return e
	}
	if fl.fieldExits == nil {
		fl.fieldExits = map[*types.Var]exit{}
	}
	fl.fieldExits[f] = exitRead // a cycle adds nothing new
	result := exitRead
	for _, file := range pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			var uses []ast.Node
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok {
					if s := pass.TypesInfo.Selections[sel]; s != nil && s.Obj() == f {
						uses = append(uses, sel)
					}
				}
				return true
			})
			if len(uses) == 0 {
				continue
			}
			switch exitsOf(pass, fl, parentMap(fd.Body), uses, depth+1) {
			case exitUnknown:
				fl.fieldExits[f] = exitUnknown
				return exitUnknown
			case exitStored:
				result = exitStored
			}
		}
	}
	fl.fieldExits[f] = result
	return result
}
