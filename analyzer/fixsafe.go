package analyzer

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"weak"

	"github.com/deepseekvet/deepseekvet/schema"
	"golang.org/x/tools/go/analysis"
)

// Suggested fixes are offered only when they are certain and the code still
// compiles with them: a rename never lands on a key the payload already has (the
// duplicate is removed instead), and a fix that removes code is offered only when
// the package still type-checks with it and with every fix offered before it in the
// package (drivers apply them all at once). Removing a field whose value is a local
// variable used nowhere else removes the variable's declaration too; when that is
// not possible, no fix is offered.

// fixFor builds the fix for a finding at n, or returns nil.
func fixFor(r *reporter, a *schema.Annotation, n *node, value bool) []analysis.SuggestedFix {
	if value {
		// A literal replaced by a literal of the same kind: always compiles.
		if rep := n.value.Replace; a.Rename != "" && rep != nil && r.inPackage(rep.Pos) {
			return one(fmt.Sprintf("Replace %s with %q", n.value.text(), a.Rename),
				analysis.TextEdit{Pos: rep.Pos, End: rep.End, NewText: []byte(fmt.Sprintf(rep.NewText, a.Rename))})
		}
		return nil
	}
	m := n.member
	if m == nil {
		return nil
	}
	if a.Rename != "" && siblingHas(n, m, a.Rename) {
		// Renaming would send the key twice (or not compile): the payload already
		// has DeepSeek's key, so the copied one goes.
		if m.Remove == nil || !r.inPackage(m.Remove.Pos) {
			return nil
		}
		edits, vars := removal(r, m)
		return r.checked(fmt.Sprintf("Remove %s (%s is already set)%s", m.Key, a.Rename, vars), edits)
	}
	switch {
	case a.Rename != "" && m.Rename != nil && r.inPackage(m.Rename.Pos):
		if m.Field != nil && fieldNameTaken(r.pass, m.Field, a.Rename) {
			// A struct tag renamed onto another field's JSON name: encoding/json
			// would drop both fields silently. The other field is DeepSeek's;
			// removing this one is the user's call (it may be used elsewhere).
			return nil
		}
		// A string literal or a tag's name replaced by another: always compiles.
		return one(fmt.Sprintf("Rename %s to %s", m.Key, a.Rename),
			analysis.TextEdit{Pos: m.Rename.Pos, End: m.Rename.End, NewText: []byte(fmt.Sprintf(m.Rename.NewText, a.Rename))})
	case a.Rename != "" && m.FieldKey != nil && m.Owner != nil && r.inPackage(m.FieldKey.Pos()):
		// An SDK struct: rename the Go field to the one DeepSeek's name comes from.
		for _, f := range jsonFields(m.Owner) {
			if f.Name == a.Rename && len(f.Index) == 1 && !f.Alt {
				msg := fmt.Sprintf("Use %s (%s) instead of %s", f.Var.Name(), a.Rename, m.FieldKey.Name)
				if note := deprecatedNote(m.Owner, f.Var.Name()); note != "" {
					msg += "; " + note
				}
				// The fields' Go types may differ: type-check it.
				return r.checked(msg, []analysis.TextEdit{{Pos: m.FieldKey.Pos(), End: m.FieldKey.End(), NewText: []byte(f.Var.Name())}})
			}
		}
	case a.Remove && m.Remove != nil && r.inPackage(m.Remove.Pos):
		edits, vars := removal(r, m)
		return r.checked(fmt.Sprintf("Remove %s%s", m.Key, vars), edits)
	}
	return nil
}

func one(msg string, edits ...analysis.TextEdit) []analysis.SuggestedFix {
	return []analysis.SuggestedFix{{Message: msg, TextEdits: edits}}
}

// siblingHas reports whether the object holding member m also has the key name:
// a key of the same literal or JSON text, or a field the literal sets.
func siblingHas(n *node, m *Member, name string) bool {
	if n.parent == nil || n.parent.value == nil {
		return false
	}
	for _, o := range n.parent.value.Members {
		if o != m && o.Key == name {
			return true
		}
	}
	return false
}

// fieldNameTaken reports whether the struct declaring field has another field
// whose JSON name is name (its own or promoted from an embedded struct).
func fieldNameTaken(pass *analysis.Pass, field *types.Var, name string) bool {
	st := structOf(pass, field)
	if st == nil {
		return true // unknown: do not rename
	}
	for _, f := range jsonFields(st) {
		if f.Name == name && f.Var != field {
			return true
		}
	}
	return false
}

// structOf finds the struct type of this package that declares field.
func structOf(pass *analysis.Pass, field *types.Var) types.Type {
	var found types.Type
	for _, file := range pass.Files {
		if file.FileStart > field.Pos() || field.Pos() >= file.FileEnd {
			continue
		}
		ast.Inspect(file, func(n ast.Node) bool {
			st, ok := n.(*ast.StructType)
			if !ok || found != nil {
				return found == nil
			}
			for _, f := range st.Fields.List {
				for _, name := range f.Names {
					if name.Pos() == field.Pos() {
						found = pass.TypesInfo.TypeOf(st)
					}
				}
			}
			return true
		})
	}
	return found
}

// deprecatedFields are SDK fields their SDK marks deprecated although DeepSeek
// needs them; the fix says so, since staticcheck's SA1019 will flag the result.
var deprecatedFields = map[string]string{
	"github.com/sashabaranov/go-openai.ChatCompletionRequest.MaxTokens": "go-openai marks MaxTokens deprecated for OpenAI's o-series models, but DeepSeek reads max_tokens and ignores max_completion_tokens: silence staticcheck's SA1019 on this line (//nolint:staticcheck or //lint:ignore SA1019)",
}

func deprecatedNote(owner types.Type, field string) string {
	if tn := namedOf(owner); tn != nil && tn.Pkg() != nil {
		return deprecatedFields[tn.Pkg().Path()+"."+tn.Name()+"."+field]
	}
	return ""
}

// removal is the edit that removes member m from its literal, and the
// declarations of the local variables its value alone uses; vars names those
// (" and the variable seed, used only there") for the fix's message.
func removal(r *reporter, m *Member) (edits []analysis.TextEdit, vars string) {
	edits = []analysis.TextEdit{{Pos: m.Remove.Pos, End: m.Remove.End}}
	c := checkerFor(r)
	var names []string
	for _, v := range c.localsOnlyIn(m.Remove.Pos, m.Remove.End) {
		if e, ok := c.declRemoval(v); ok {
			edits = append(edits, e)
			names = append(names, v.Name())
		}
	}
	switch len(names) {
	case 0:
	case 1:
		vars = " and the variable " + names[0] + ", used only there"
	default:
		vars = " and the variables " + strings.Join(names, ", ") + ", used only there"
	}
	return edits, vars
}

// checked returns the fix when the package type-checks with it and the fixes
// offered before, or nil.
func (r *reporter) checked(msg string, edits []analysis.TextEdit) []analysis.SuggestedFix {
	if !checkerFor(r).accept(edits) {
		return nil
	}
	return one(msg, edits...)
}

// maxChecks bounds the type-checks spent on one package's fixes.
const maxChecks = 64

// fixChecker type-checks a package with fixes applied. There is one per
// reporter (one per pass).
type fixChecker struct {
	pass     *analysis.Pass
	accepted []analysis.TextEdit
	checks   int
	base     int // 0 unknown, 1 the package type-checks, -1 it does not
	imports  map[string]*types.Package
	uses     map[*types.Var][]*ast.Ident
	defs     map[*types.Var]*ast.Ident
}

var (
	checkersMu sync.Mutex
	checkers   = map[weak.Pointer[reporter]]*fixChecker{}
)

func checkerFor(r *reporter) *fixChecker {
	key := weak.Make(r)
	checkersMu.Lock()
	defer checkersMu.Unlock()
	c := checkers[key]
	if c == nil {
		c = &fixChecker{pass: r.pass}
		checkers[key] = c
		// Forget the checker when the reporter is gone.
		runtime.AddCleanup(r, func(key weak.Pointer[reporter]) {
			checkersMu.Lock()
			delete(checkers, key)
			checkersMu.Unlock()
		}, key)
	}
	return c
}

// accept reports whether the package type-checks with edits and every fix
// accepted before, and if so accepts them.
func (c *fixChecker) accept(edits []analysis.TextEdit) bool {
	if c.base == 0 {
		c.base = -1
		if c.typeChecks(nil) {
			c.base = 1
		}
	}
	if c.base < 0 || c.checks >= maxChecks {
		return false
	}
	c.checks++
	all := append(append([]analysis.TextEdit(nil), c.accepted...), edits...)
	if !c.typeChecks(all) {
		return false
	}
	c.accepted = all
	return true
}

// typeChecks type-checks the package with the edits applied to its files.
func (c *fixChecker) typeChecks(edits []analysis.TextEdit) bool {
	pass := c.pass
	byFile := map[*token.File][]analysis.TextEdit{}
	for _, e := range edits {
		tf := pass.Fset.File(e.Pos)
		if tf == nil {
			return false
		}
		byFile[tf] = append(byFile[tf], e)
	}
	files := make([]*ast.File, 0, len(pass.Files))
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.FileStart)
		es := byFile[tf]
		if len(es) == 0 {
			files = append(files, f)
			continue
		}
		src, err := readSource(pass, tf.Name())
		if err != nil || len(src) != tf.Size() {
			return false
		}
		out, ok := applyTextEdits(src, tf, es)
		if !ok {
			return false
		}
		// Parsed into the pass's file set (safe for concurrent use), which go/types
		// needs to hold every file it checks.
		nf, err := parser.ParseFile(pass.Fset, tf.Name(), out, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return false
		}
		files = append(files, nf)
	}
	if c.imports == nil {
		c.imports = map[string]*types.Package{"unsafe": types.Unsafe}
		for _, f := range pass.Files {
			for _, spec := range f.Imports {
				if pn := pass.TypesInfo.PkgNameOf(spec); pn != nil {
					c.imports[importPath(spec)] = pn.Imported()
				}
			}
		}
	}
	conf := types.Config{
		Importer:  importerFunc(func(path string) (*types.Package, error) { return c.lookup(path) }),
		GoVersion: pass.Pkg.GoVersion(),
		Sizes:     pass.TypesSizes,
		Error:     func(error) {}, // collect every error, soft ones included
	}
	_, err := conf.Check(pass.Pkg.Path(), pass.Fset, files, nil)
	return err == nil
}

func (c *fixChecker) lookup(path string) (*types.Package, error) {
	if p := c.imports[path]; p != nil {
		return p, nil
	}
	return nil, fmt.Errorf("import %q: not among the package's imports", path)
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

func importPath(spec *ast.ImportSpec) string {
	p := spec.Path.Value
	if len(p) >= 2 {
		p = p[1 : len(p)-1]
	}
	return p
}

// readSource reads a file of the package, through the driver when it offers it.
func readSource(pass *analysis.Pass, name string) ([]byte, error) {
	if pass.ReadFile != nil {
		return pass.ReadFile(name)
	}
	return os.ReadFile(name)
}

// applyTextEdits applies edits of one file; false when they overlap (identical
// edits count once).
func applyTextEdits(src []byte, tf *token.File, edits []analysis.TextEdit) ([]byte, bool) {
	type span struct {
		start, end int
		text       []byte
	}
	var spans []span
	for _, e := range edits {
		end := e.End
		if !end.IsValid() {
			end = e.Pos
		}
		spans = append(spans, span{tf.Offset(e.Pos), tf.Offset(end), e.NewText})
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	var buf bytes.Buffer
	last := 0
	for i, s := range spans {
		if i > 0 && s.start == spans[i-1].start && s.end == spans[i-1].end && bytes.Equal(s.text, spans[i-1].text) {
			continue
		}
		if s.start < last || s.end < s.start || s.end > len(src) {
			return nil, false
		}
		buf.Write(src[last:s.start])
		buf.Write(s.text)
		last = s.end
	}
	buf.Write(src[last:])
	return buf.Bytes(), true
}

// localsOnlyIn lists the local variables used in [pos, end) and nowhere else (the
// declaration aside).
func (c *fixChecker) localsOnlyIn(pos, end token.Pos) []*types.Var {
	c.index()
	seen := map[*types.Var]bool{}
	var out []*types.Var
	for v, ids := range c.uses {
		inside, outside := false, false
		for _, id := range ids {
			if pos <= id.Pos() && id.End() <= end {
				inside = true
			} else {
				outside = true
			}
		}
		if inside && !outside && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Pos() < out[j].Pos() })
	return out
}

// index records the uses and definitions of the package's local variables.
func (c *fixChecker) index() {
	if c.uses != nil {
		return
	}
	c.uses = map[*types.Var][]*ast.Ident{}
	c.defs = map[*types.Var]*ast.Ident{}
	scope := c.pass.Pkg.Scope()
	for id, obj := range c.pass.TypesInfo.Uses {
		if v, ok := obj.(*types.Var); ok && !v.IsField() && v.Parent() != nil && v.Parent() != scope && v.Pkg() == c.pass.Pkg {
			c.uses[v] = append(c.uses[v], id)
		}
	}
	for id, obj := range c.pass.TypesInfo.Defs {
		if v, ok := obj.(*types.Var); ok && c.uses[v] != nil {
			c.defs[v] = id
		}
	}
}

// declRemoval is the edit that deletes the statement declaring v, when it declares
// v alone (v := x, var v = x, var v T) and its value has no side effect.
func (c *fixChecker) declRemoval(v *types.Var) (analysis.TextEdit, bool) {
	def := c.defs[v]
	if def == nil {
		return analysis.TextEdit{}, false
	}
	var stmt ast.Stmt
	var values []ast.Expr
	for _, f := range c.pass.Files {
		if f.FileStart > def.Pos() || def.Pos() >= f.FileEnd {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if stmt != nil || n == nil || n.Pos() > def.Pos() || n.End() <= def.Pos() {
				return false
			}
			switch s := n.(type) {
			case *ast.AssignStmt:
				if s.Tok == token.DEFINE && len(s.Lhs) == 1 && len(s.Rhs) == 1 && s.Lhs[0] == ast.Expr(def) {
					stmt, values = s, s.Rhs
				}
			case *ast.DeclStmt:
				if gd, ok := s.Decl.(*ast.GenDecl); ok && gd.Tok == token.VAR && len(gd.Specs) == 1 && !gd.Lparen.IsValid() {
					if vs := gd.Specs[0].(*ast.ValueSpec); len(vs.Names) == 1 && vs.Names[0] == def {
						stmt, values = s, vs.Values
					}
				}
			}
			return stmt == nil
		})
	}
	if stmt == nil {
		return analysis.TextEdit{}, false
	}
	for _, e := range values {
		if !c.pure(e) {
			return analysis.TextEdit{}, false
		}
	}
	return c.lineRemoval(stmt), true
}

// pure reports whether evaluating e has no effect besides its value: no call
// other than a conversion or a builtin without effects, no receive.
func (c *fixChecker) pure(e ast.Expr) bool {
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // creating a closure runs nothing
		case *ast.CallExpr:
			tv, found := c.pass.TypesInfo.Types[n.Fun]
			switch {
			case found && tv.IsType():
			case found && tv.IsBuiltin():
				if id, isID := ast.Unparen(n.Fun).(*ast.Ident); !isID || !pureBuiltins[id.Name] {
					ok = false
				}
			default:
				ok = false
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				ok = false
			}
		}
		return ok
	})
	return ok
}

var pureBuiltins = map[string]bool{"len": true, "cap": true, "min": true, "max": true, "complex": true, "real": true, "imag": true, "make": true, "new": true}

// lineRemoval deletes a statement, and its whole line when nothing else is on it.
func (c *fixChecker) lineRemoval(stmt ast.Stmt) analysis.TextEdit {
	tf := c.pass.Fset.File(stmt.Pos())
	src, err := readSource(c.pass, tf.Name())
	if err != nil || len(src) != tf.Size() {
		return analysis.TextEdit{Pos: stmt.Pos(), End: stmt.End()}
	}
	start, end := tf.Offset(stmt.Pos()), tf.Offset(stmt.End())
	ls := start
	for ls > 0 && (src[ls-1] == ' ' || src[ls-1] == '\t') {
		ls--
	}
	le := end
	for le < len(src) && (src[le] == ' ' || src[le] == '\t') {
		le++
	}
	if (ls == 0 || src[ls-1] == '\n') && le < len(src) && src[le] == '\n' {
		return analysis.TextEdit{Pos: tf.Pos(ls), End: tf.Pos(le + 1)}
	}
	return analysis.TextEdit{Pos: stmt.Pos(), End: stmt.End()}
}
