package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/deepseekvet/deepseekvet/schema"
	"golang.org/x/tools/go/analysis"
)

// reporter validates lowered sites and turns violations into diagnostics.
type reporter struct {
	pass     *analysis.Pass
	contract *schema.Contract
	cfg      *Config
	diags    []analysis.Diagnostic
	seen     map[string]bool
	files    map[*token.File]*ast.File

	typesChecked map[*types.TypeName]bool
	flow         *flow                        // nil: every declared field may be set
	site         *site                        // the site being checked, for SDK-specific advice
	sender       string                       // the function of another package that builds the body
	anchor       *Value                       // where this package sends that body to DeepSeek
	sharedType   bool                         // the type being checked is built by a shared builder
	supplied     map[types.Object][]supply    // what this package gives other packages' objects
	onlyCall     *ast.CallExpr                // when set, supplies passed in other calls are left out
	ifaceArgs    map[ifaceParam][]ifaceSupply // arguments passed to interface methods
	ifaceMemo    map[*types.Var][]supply      // interfaceSupplies' memo
	ep           schema.Endpoint              // the endpoint of the site being checked
	// elsewhereFields are the fields of payload types this package also sends to
	// other providers.
	elsewhereFields map[*types.Var]bool
}

// sentElsewhere notes a payload type a request to another provider uses.
func (r *reporter) sentElsewhere(tn *types.TypeName) {
	if tn == nil || tn.Pkg() != r.pass.Pkg {
		return
	}
	st, ok := tn.Type().Underlying().(*types.Struct)
	if !ok {
		return
	}
	if r.elsewhereFields == nil {
		r.elsewhereFields = map[*types.Var]bool{}
	}
	for i := 0; i < st.NumFields(); i++ {
		r.elsewhereFields[st.Field(i)] = true
	}
}

func newReporter(pass *analysis.Pass, c *schema.Contract, cfg *Config) *reporter {
	r := &reporter{pass: pass, contract: c, cfg: cfg, seen: map[string]bool{}, files: map[*token.File]*ast.File{}, typesChecked: map[*types.TypeName]bool{}}
	for _, f := range pass.Files {
		r.files[pass.Fset.File(f.Pos())] = f
	}
	return r
}

// check validates one site against an endpoint's schema and records what the code
// shows to be wrong.
func (r *reporter) check(s *site, ep schema.Endpoint) {
	r.site, r.ep = s, ep
	defer func() { r.site, r.ep = nil, "" }()
	toolsOfReplay(s.value)
	omitEmptyToolTurnContent(s.value)
	inst, index := instance(s.value)
	violations, err := r.contract.Validate(ep, inst)
	if err != nil {
		return
	}
	r.reportAll(violations, index, false)
	r.checkCandidates(s, ep, index)
}

// checkType validates what a payload struct type itself says, whatever values a
// literal gives it: a field declared with the wrong Go type (Temperature string) or
// under a name DeepSeek does not know. These are reported at the declaration, once.
func (r *reporter) checkType(tn *types.TypeName, ep schema.Endpoint, shared bool) {
	if r.typesChecked[tn] {
		return
	}
	r.typesChecked[tn] = true
	r.sharedType = shared
	defer func() { r.sharedType = false }()
	l := newLowerer(r.pass, nil, nil)
	l.typeLevel = true
	v := l.shape(tn.Type(), 0)
	v.Pos, v.End = tn.Pos(), tn.Pos()+token.Pos(len(tn.Name()))
	inst, index := instance(v)
	violations, err := r.contract.Validate(ep, inst)
	if err != nil {
		return
	}
	r.reportAll(violations, index, true)
}

func (r *reporter) reportAll(violations []schema.Violation, index map[string]*node, typeLevel bool) {
	var kept []schema.Violation
	rejected := map[string]bool{}
	for _, v := range violations {
		n := index[v.Instance]
		if n == nil || !r.certain(v, n, index) {
			continue
		}
		// A key declared in a type this package also sends elsewhere is reported
		// where a DeepSeek literal sets it, not at the declaration.
		declared := n.member != nil && n.member.Field != nil && r.inPackage(n.member.Field.Pos()) && !r.elsewhereFields[n.member.Field]
		keyLevel := r.presence(v) && !valueLevel(v)
		switch {
		case typeLevel && keyLevel && declared && r.neverSent(n.member):
			continue // declared, but no code of this package sets it: never on the wire
		case typeLevel && !(keyLevel && declared) && !(n.value.Kind == Hole && v.Keyword == "type"):
			continue // a type alone shows only declarations
		case !typeLevel && keyLevel && declared:
			continue // reported once, at the declaration, by checkType
		}
		if v.Rule.SharedSilent && (r.site != nil && r.site.shared || r.sharedType) {
			continue // a builder other providers use too: the key may be theirs
		}
		if v.Rule.Severity == "error" {
			rejected[reportedInstance(v)] = true
		}
		kept = append(kept, v)
	}
	for _, v := range kept {
		if v.Rule.Severity == "warning" && rejected[reportedInstance(v)] {
			continue // DeepSeek rejects the value; that it would ignore it is moot
		}
		r.report(v, index[v.Instance])
	}
}

// reportedInstance is the instance a violation is shown at.
func reportedInstance(v schema.Violation) string {
	if v.Annotation != nil && v.Annotation.At != "" {
		return v.Instance + "/" + escapePointer(v.Annotation.At)
	}
	return v.Instance
}

// valueLevel reports whether a violation is about a value rather than its key: it
// fails inside a condition on that very value (model == "deepseek-chat").
func valueLevel(v schema.Violation) bool {
	for _, c := range v.Conditions {
		if c.Instance == v.Instance {
			return true
		}
	}
	return false
}

// certain reports whether a violation holds whatever the holes of the value are:
// the analyzer never reports what a value it does not know could explain.
func (r *reporter) certain(v schema.Violation, n *node, index map[string]*node) bool {
	val := n.value
	switch {
	case r.presence(v):
		// "false" or "not: {}" fails for every value: the key itself is wrong.
	case val.Kind == Hole:
		if v.Keyword != "type" || len(val.Types) == 0 {
			return false
		}
	case v.Keyword == "required" || v.Keyword == "minProperties" || v.Keyword == "dependentRequired":
		if val.Open || val.Nullable {
			return false
		}
		for _, name := range v.Missing {
			if m := val.member(name); m != nil {
				return false
			}
		}
	case v.Keyword == "minItems" || v.Keyword == "contains" || v.Keyword == "minContains":
		if val.Open || val.UnknownBefore || val.uncertain() {
			return false
		}
	case v.Keyword == "not" || v.Keyword == "anyOf" || v.Keyword == "oneOf" || v.Keyword == "allOf":
		if val.uncertain() {
			return false
		}
	}
	for _, c := range v.Conditions {
		base := index[c.Instance]
		if base == nil {
			return false
		}
		// A key set on some paths only is known where it is reported: on every path
		// that sends it, the rule holds (if opts.Usage { body["stream_options"] = … }).
		at := strings.Split(strings.TrimPrefix(reportedInstance(v), c.Instance+"/"), "/")
		for _, p := range r.contract.ConditionPaths(c.If) {
			if !known(base.value, p, at) && !r.eitherWay(v, index, base.value, p) {
				return false
			}
		}
	}
	return true
}

// eitherWay reports whether a violation holds whether or not a key set on one
// path only is sent, when that key is all the condition does not know
// (thinking: {type: enabled} set on one branch: thinking is on either way).
func (r *reporter) eitherWay(v schema.Violation, index map[string]*node, base *Value, path []string) bool {
	root := index[""]
	if root == nil || r.ep == "" {
		return false
	}
	var maybe *Member
	var parent *Value
	var rest []string
	cur := base
	for i, step := range path {
		if cur.Kind != Object || cur.Nullable || step == "*" {
			return false
		}
		m := cur.member(step)
		if m == nil {
			if cur.Open {
				return false
			}
			break
		}
		if m.Maybe {
			if maybe != nil {
				return false // one such key at a time
			}
			maybe, parent, rest = m, cur, path[i+1:]
		}
		cur = m.Value
	}
	if maybe == nil || !known(maybe.Value, rest, nil) {
		return false
	}
	holds := func() bool {
		inst, _ := instance(root.value)
		got, err := r.contract.Validate(r.ep, inst)
		if err != nil {
			return false
		}
		for _, g := range got {
			if g.Rule == v.Rule && reportedInstance(g) == reportedInstance(v) {
				return true
			}
		}
		return false
	}
	saved := parent.Members
	defer func() { parent.Members = saved }()
	kept := make([]*Member, 0, len(saved))
	for _, m := range saved {
		if m != maybe {
			kept = append(kept, m)
		}
	}
	parent.Members = kept
	return holds() // absent; present is the violation being checked
}

// presence reports whether a violation is of a schema no value satisfies (false,
// not: {}): it holds whatever the value is.
func (r *reporter) presence(v schema.Violation) bool {
	return v.Keyword == "false" || v.Keyword == "not" && isEmptySchema(r.contract.SchemaAt(v.SchemaLocation))
}

func isEmptySchema(s any) bool {
	m, ok := s.(map[string]any)
	return ok && len(m) == 0
}

// known reports whether the code shows the value (or absence) at a path under v.
func known(v *Value, path, sentAt []string) bool {
	for i, step := range path {
		switch v.Kind {
		case Hole:
			return false
		case Object:
			if v.Nullable {
				return false
			}
			if step == "*" {
				return true
			}
			m := v.member(step)
			if m == nil {
				return !v.Open
			}
			if m.Maybe && !(len(sentAt) == i+1 && samePath(path[:i+1], sentAt)) {
				return false
			}
			v = m.Value
		case Array:
			if step != "*" {
				return true
			}
			if v.Open || v.UnknownBefore {
				return false
			}
			for _, e := range v.Elems {
				if !known(e, path[i+1:], nil) {
					return false
				}
			}
			return true
		default:
			return true
		}
	}
	return v.Kind != Hole || v.SomeElems
}

// report renders one diagnostic.
func (r *reporter) report(v schema.Violation, n *node) {
	rule := v.Rule
	a := v.Annotation
	if a == nil {
		a = &schema.Annotation{}
	}
	at := n
	if a.At != "" && n.value.Kind == Object {
		if m := n.value.member(a.At); m != nil {
			at = &node{value: m.Value, member: m, path: joinPath(n.path, a.At), parent: n}
		}
	}
	pos, end := r.position(v, at, a.At != "")
	value := valueLevel(v)
	if !pos.IsValid() {
		return
	}
	key := ""
	if at.member != nil {
		key = at.member.Key
	}
	path := at.path
	if path == "" {
		path = "request body"
	}
	template := a.Message
	if template == "" {
		template = rule.Message
	}
	msg := render(template, map[string]string{
		"path":     path,
		"key":      key,
		"value":    at.value.text(),
		"found":    at.value.jsonType(),
		"expected": v.Expected,
		"use":      a.Use,
		"provider": a.Provider,
	})
	if m := omittedMember(v, at.value); m != nil {
		msg += fmt.Sprintf("; the %s field omits an empty value, and a turn that only calls tools usually has no text", fieldName(m))
	}
	if r.site != nil {
		msg = withSDKAdvice(msg, sdkUse(r.pass, r.site, rule.ID, key))
	}
	if r.sender != "" {
		msg += " (the request is built by " + r.sender + ")"
	}
	d := analysis.Diagnostic{
		Pos:      pos,
		End:      end,
		Category: rule.ID,
		URL:      DocsURL + "#" + strings.ToLower(rule.ID),
		Message:  fmt.Sprintf("%s (%s)", msg, rule.ID),
		Related:  related(at.value),
	}
	if !r.generated(pos) {
		d.SuggestedFixes = r.fixes(a, at, value)
	}
	// One finding per place and rule: a value checked alone and again in the
	// body another package builds is one mistake.
	k := fmt.Sprintf("%d\x00%s", d.Pos, d.Category)
	if r.seen[k] {
		return
	}
	r.seen[k] = true
	r.diags = append(r.diags, d)
}

// position picks where a violation is shown: the key for a key that must go, the
// value for a value that is wrong, the declaration of a field whose Go type is wrong.
func (r *reporter) position(v schema.Violation, n *node, atKey bool) (token.Pos, token.Pos) {
	keyLevel := r.presence(v) && !valueLevel(v)
	var pos, end token.Pos
	switch {
	case (keyLevel || atKey) && n.member != nil && n.member.KeyPos.IsValid():
		pos, end = n.member.KeyPos, n.member.KeyEnd
	case n.value.Kind == Hole && r.inPackage(n.value.Decl):
		pos, end = n.value.Decl, n.value.DeclEnd
	default:
		pos, end = n.value.Pos, n.value.End
		if v.Keyword == "required" && n.value.Kind == Object && pos.IsValid() {
			end = pos + 1 // the opening of the object, not all of it
			if n.member != nil && n.member.KeyPos.IsValid() {
				pos, end = n.member.KeyPos, n.member.KeyEnd
			}
		}
		if m := omittedMember(v, n.value); m != nil && m.KeyPos.IsValid() {
			pos, end = m.KeyPos, m.KeyEnd // Content: reply, dropped when empty
		}
	}
	if !r.inPackage(pos) && n.member != nil && r.inPackage(n.member.KeyPos) {
		pos, end = n.member.KeyPos, n.member.KeyEnd
	}
	if !r.inPackage(pos) && r.inPackage(n.value.Pos) {
		pos, end = n.value.Pos, n.value.End // a key another package writes: report the value written here
	}
	if !r.inPackage(pos) && r.anchor != nil {
		pos, end = r.anchor.Pos, r.anchor.End // another package's builder: where this one makes it DeepSeek's
	}
	for p := n.parent; !r.inPackage(pos) && p != nil; p = p.parent {
		pos, end = p.value.Pos, p.value.Pos+1
	}
	if !r.inPackage(pos) {
		return token.NoPos, token.NoPos
	}
	if !end.IsValid() || end < pos {
		end = pos
	}
	return pos, end
}

func (r *reporter) inPackage(pos token.Pos) bool {
	if !pos.IsValid() {
		return false
	}
	tf := r.pass.Fset.File(pos)
	return tf != nil && r.files[tf] != nil
}

func (r *reporter) generated(pos token.Pos) bool {
	f := r.files[r.pass.Fset.File(pos)]
	return f != nil && ast.IsGenerated(f)
}

// fixes offers the certain fixes an annotation allows (a rename to DeepSeek's
// name, or removing a key DeepSeek ignores) when the code compiles with them;
// fixsafe.go builds and checks them.
func (r *reporter) fixes(a *schema.Annotation, n *node, value bool) []analysis.SuggestedFix {
	return fixFor(r, a, n, value)
}

// render fills a message template. A clause ("; use {use}") whose placeholder has no
// value is dropped rather than printed half empty.
func render(template string, vars map[string]string) string {
	clauses := strings.Split(template, "; ")
	out := clauses[:0]
	for _, c := range clauses {
		empty := false
		for k, v := range vars {
			if strings.Contains(c, "{"+k+"}") {
				if v == "" {
					empty = true
				}
				c = strings.ReplaceAll(c, "{"+k+"}", v)
			}
		}
		if !empty {
			out = append(out, c)
		}
	}
	return strings.Join(out, "; ")
}

// flush applies ignore directives and reports the diagnostics in source order.
func (r *reporter) flush() {
	r.applyIgnores()
	sort.SliceStable(r.diags, func(i, j int) bool { return r.diags[i].Pos < r.diags[j].Pos })
	for _, d := range r.diags {
		if r.cfg.Severity == "error" && r.contract.Rule(d.Category).Severity == "warning" {
			continue
		}
		r.pass.Report(d)
	}
}

func samePath(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// withSDKAdvice puts what to write in the user's SDK in place of a message's last
// clause, which by convention says what to write on the wire (rules.json).
func withSDKAdvice(msg, use string) string {
	if use == "" {
		return msg
	}
	if i := strings.LastIndex(msg, "; "); i >= 0 {
		msg = msg[:i]
	}
	return msg + "; " + use
}

// omittedMember is the member of an object a "required" violation finds missing
// because its Go field omits it when empty (Value.Omitted), or nil.
func omittedMember(v schema.Violation, obj *Value) *Member {
	if v.Keyword != "required" {
		return nil
	}
	for _, m := range obj.Omitted {
		for _, k := range v.Missing {
			if m.Key == strings.Trim(k, "'`\"") {
				return m
			}
		}
	}
	return nil
}

// fieldName names the Go field a member comes from, or its key.
func fieldName(m *Member) string {
	if m.Field != nil {
		return m.Field.Name()
	}
	return m.Key
}
