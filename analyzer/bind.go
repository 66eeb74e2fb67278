// Binding: whether a payload site goes to DeepSeek, and which schema it is checked
// against (URLs are classified in urls.go, destinations followed in dests.go).

package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/deepseekvet/deepseekvet/schema"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// binder decides whether a site goes to DeepSeek and to which endpoint. Precision
// comes first: the code must show it, by a DeepSeek model constant, a DeepSeek URL
// reaching the function that builds the payload, a type bound by such a function, or
// an explicit directive; and a payload shown to go elsewhere stays silent.
type binder struct {
	pass     *analysis.Pass
	ins      *inspector.Inspector
	contract *schema.Contract
	models   map[string]bool
	urls     *urlClassifier

	funcs     map[*types.Func]*ast.FuncDecl
	funcDests map[ast.Node]*dests
	flow      *flow
	visiting  map[ast.Node]bool
	typeClass map[*types.TypeName]endpointClass   // client types whose literals hold URLs
	typeBases map[*types.TypeName]map[string]bool // DeepSeek base URLs those literals hold
	sentTypes map[*types.TypeName]uint8           // 1: a value of it may be sent; 2: one is only stored
	parents   map[*ast.BlockStmt]map[ast.Node]ast.Node
	payloads  map[*types.TypeName]endpointClass // payload types used in bound functions
	varClass  map[*types.Var]endpointClass      // package-level clients built with a URL
	clients   map[*types.TypeName]endpointClass // memo of clientClass
	once      bool
	signal    int8 // deepSeekSignal's memo: 1 yes, -1 no, 0 not yet known
	decoded   map[*types.TypeName]bool
	sendsTo   map[*types.Func][]int // urlParams' memo
}

func newBinder(pass *analysis.Pass, ins *inspector.Inspector, c *schema.Contract) *binder {
	b := &binder{pass: pass, ins: ins, contract: c, models: map[string]bool{}, urls: classifierFor(c),
		funcs: map[*types.Func]*ast.FuncDecl{}, funcDests: map[ast.Node]*dests{}, flow: newFlow(pass, c.Endpoints.OtherProviders, c.Endpoints.ResponseMessageKeys),
		visiting: map[ast.Node]bool{}, typeClass: map[*types.TypeName]endpointClass{}, typeBases: map[*types.TypeName]map[string]bool{}, sentTypes: map[*types.TypeName]uint8{}, parents: map[*ast.BlockStmt]map[ast.Node]ast.Node{},
		payloads: map[*types.TypeName]endpointClass{}, varClass: map[*types.Var]endpointClass{}, clients: map[*types.TypeName]endpointClass{}}
	for _, m := range c.Accepted {
		b.models[m] = true
	}
	for _, m := range c.Retired {
		b.models[m] = true
	}
	return b
}

// target returns the schema root a site is checked against, or false when the code
// does not show that it goes to DeepSeek. A site whose destinations include other
// providers too (a builder shared by several) is marked shared.
func (b *binder) target(s *site) (schema.Endpoint, bool) {
	b.init()
	class := endpointClass(0)
	if d := directiveOf(b.pass, s); d != "" {
		switch d {
		case "beta":
			class = toBeta
		case "fim":
			class = toFIM
		case "anthropic":
			class = toAnthropic
		default:
			class = toChat
		}
	} else {
		sent := maySend(b.pass, b.flow, s)
		if tn := namedOf(s.typ); tn != nil {
			if sent {
				b.sentTypes[tn] |= 1
			} else {
				b.sentTypes[tn] |= 2
			}
		}
		if !sent {
			return "", false // saved, logged or answered, never sent
		}
		if c, ok := b.optionClientDest(s); ok {
			class = c // the client an SDK call built from options is made on
		} else if c, ok := b.siteDest(s); ok {
			class = c // the call that sends it names the URL
		} else if c, ok := b.sdkSendDest(s); ok {
			class = c // the SDK method that sends it appends its path
		} else if s.fn != nil {
			class = b.classOf(s.fn) | b.embeddersClass(s.fn)
		}
		if class&toOther != 0 && class&toDeepSeek == 0 {
			s.elsewhere = true
			return "", false // shown to go to another provider
		}
		if class&toDeepSeek == 0 {
			class = b.typeBinding(namedOf(s.typ))
		}
		models, others := b.modelsOf(s.value)
		if class&toOther != 0 && class&(urlKnown|toAnthropic|toResponses) == 0 {
			// An SDK whose DeepSeek default is overridden: only the model can say,
			// and only a model written in the request (a field's candidates gather
			// every provider's).
			class &^= toDeepSeek
			if m := s.value.member("model"); m == nil || m.Value.Kind != String {
				models = false
			}
		}
		switch {
		case class&toDeepSeek == 0 && class&toOther != 0 && !(models && !others):
			s.elsewhere = true
			return "", false // shown to go to another provider
		case class&toDeepSeek == 0:
			// Only the model says where it goes: every constant it may be names
			// a DeepSeek model, and the type is not read back from JSON (a session
			// file the package loads, whose defaults are no request).
			if !models || others || b.decodedType(namedOf(s.typ)) {
				return "", false
			}
		case class&toOther != 0 && others && !models:
			// A function that calls DeepSeek and another provider, and a request
			// whose model names only the other's (llama3.2 for the local server).
			s.elsewhere = true
			return "", false
		case class&toOther != 0:
			s.shared = true
			if tn := namedOf(s.typ); tn != nil && tn.Pkg() != nil && tn.Pkg() != b.pass.Pkg && !sdkPackages()[tn.Pkg().Path()] && b.typeBinding(tn) == 0 {
				// Another library's request type (Ollama's api.ChatRequest) in code
				// that also talks to DeepSeek: its own API, not DeepSeek's.
				return "", false
			}
		}
	}
	if b.payloadShape(s.value) == toResponses && class&toResponses == 0 && class&(urlKnown|toAnthropic) != 0 {
		return "", false // {model, input} sent elsewhere than /responses: not a request we know
	}
	if c := sdkClass(namedOf(s.typ)); c == toFIM && class&toDeepSeek != 0 {
		class = c // the SDK picks the endpoint (deepseek-go sends FIM to /beta itself)
	}
	return b.endpointFor(s.value, class), true
}

// modelsOf reports whether a payload's model may be a DeepSeek model constant, and
// whether it may be a constant naming no DeepSeek model.
func (b *binder) modelsOf(v *Value) (deepseek, other bool) {
	if v == nil || v.Kind != Object {
		return false, false
	}
	m := v.member("model")
	if m == nil {
		return false, false
	}
	vals := []*Value{m.Value}
	if m.Value.Kind == Hole {
		vals = m.Value.Cands
	}
	for _, c := range vals {
		if c.Kind != String {
			continue
		}
		if b.models[c.Const.(string)] && !c.ForOther {
			deepseek = true
		} else {
			other = true
		}
	}
	return deepseek, other
}

// endpointFor picks the schema: the endpoint the URLs resolve to, and where they
// leave it open (several DeepSeek endpoints, or DeepSeek without a path), the one
// the payload's shape names. Endpoint-specific rules (beta-only features) apply only
// to a resolved endpoint.
func (b *binder) endpointFor(v *Value, class endpointClass) schema.Endpoint {
	shape := b.payloadShape(v)
	url := class & (urlKnown | toAnthropic | toResponses)
	if url&(url-1) != 0 || url == 0 {
		// Unresolved or ambiguous: the shape decides, with no endpoint rules.
		switch {
		case shape == toResponses && (url == 0 || url&toResponses != 0):
			return schema.Responses
		case shape == toAnthropic && (url == 0 || url&toAnthropic != 0):
			return schema.Anthropic
		case shape == toFIM && url&(toFIM|toFIMNoBeta) == toFIMNoBeta:
			return schema.FIMNonBeta
		case shape == toFIM:
			return schema.FIM
		}
		return schema.Chat
	}
	switch url {
	case toAnthropic:
		return schema.Anthropic
	case toResponses:
		return schema.Responses
	case toFIM:
		if shape == toFIM {
			return schema.FIM
		}
		return schema.Chat
	case toFIMNoBeta:
		if shape == toFIM {
			return schema.FIMNonBeta
		}
		return schema.Chat
	case toBeta:
		if shape == toFIM {
			return schema.FIM
		}
		return schema.ChatBeta
	}
	// toChat
	if shape == toFIM {
		return schema.FIMNonBeta
	}
	if shape == toAnthropic {
		return schema.Chat // an Anthropic body on the chat URL: checked as chat, without endpoint rules
	}
	return schema.ChatNonBeta
}

// payloadShape names the endpoint a body's own keys belong to (endpoints.json
// shapes: FIM's prompt, the Responses input, Anthropic's system or input_schema),
// else chat.
func (b *binder) payloadShape(v *Value) endpointClass {
	if v == nil || v.Kind != Object {
		return toChat
	}
	for _, sh := range b.contract.Endpoints.Shapes {
		if sh.Without != "" && v.member(sh.Without) != nil {
			continue
		}
		for _, key := range sh.AnyOf {
			if hasKey(v, key) {
				return b.urls.names[sh.Endpoint]
			}
		}
	}
	return toChat
}

// hasKey reports whether an object has a key; "a[].b" is b in an element of a.
func hasKey(v *Value, key string) bool {
	outer, inner, nested := strings.Cut(key, "[].")
	m := v.member(outer)
	if m == nil || !nested {
		return m != nil
	}
	if m.Value.Kind != Array {
		return false
	}
	for _, e := range m.Value.Elems {
		if e.Kind == Object && e.member(inner) != nil {
			return true
		}
	}
	return false
}

func namedOf(t types.Type) *types.TypeName {
	if t == nil {
		return nil
	}
	if n, ok := types.Unalias(deref(t)).(*types.Named); ok {
		return n.Origin().Obj()
	}
	return nil
}

// boundPayloadTypes lists, in declaration order, the payload types of this package
// that functions sending to DeepSeek use.
func (b *binder) boundPayloadTypes() []*types.TypeName {
	if !b.once {
		return nil // no signals: exportFacts did not need the index
	}
	var out []*types.TypeName
	for tn, c := range b.payloads {
		if b.sentTypes[tn] == 2 {
			continue // its values here are saved or logged, never sent
		}
		if c&toDeepSeek != 0 && c&toOther == 0 && c&(toAnthropic|toResponses) == 0 {
			out = append(out, tn)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Pos() < out[j].Pos() })
	return out
}

// endpointOf is the schema a bound payload type is checked against: the
// endpoint its functions send to, with its own keys deciding where that is
// open (a FIM request type has prompt).
func (b *binder) endpointOf(tn *types.TypeName) schema.Endpoint {
	l := newLowerer(b.pass, nil, nil)
	l.typeLevel = true
	return b.endpointFor(l.shape(tn.Type(), 0), b.payloads[tn])
}

// typeBinding is what is known of a named type: this package's analysis, a fact
// from the package declaring it, or sdks.json.
func (b *binder) typeBinding(tn *types.TypeName) endpointClass {
	if tn == nil || tn.Pkg() == nil {
		return 0
	}
	if tn.Pkg() == b.pass.Pkg {
		return b.typeClass[tn] | b.payloads[tn]
	}
	if c := sdkClass(tn); c != 0 || sdkPackages()[tn.Pkg().Path()] {
		return c
	}
	var f boundFact
	if b.pass.ImportObjectFact(tn, &f) {
		return endpointClass(f.Class)
	}
	return 0
}

// hasSignals reports whether anything in the package can bind a function: a URL
// constant, a fact from an import, or a DeepSeek SDK.
func (b *binder) hasSignals() bool {
	for _, tv := range b.pass.TypesInfo.Types {
		if tv.Value != nil && tv.Value.Kind() == constant.String && b.urls.classify(constant.StringVal(tv.Value)) != 0 {
			return true
		}
	}
	for _, imp := range b.pass.Pkg.Imports() {
		if sdkPackages()[imp.Path()] {
			return true
		}
	}
	return len(b.pass.AllObjectFacts()) > 0
}

// deepSeekSignal reports whether anything can bind a function of this package to
// DeepSeek: a DeepSeek URL constant, a DeepSeek SDK among the packages it depends on,
// or an imported fact that names DeepSeek. Without one every function's
// destinations are other providers' or unknown, and classifying them (a walk of
// every function body) can be skipped.
func (b *binder) deepSeekSignal() bool {
	if b.signal != 0 {
		return b.signal > 0
	}
	found := func() bool {
		for _, tv := range b.pass.TypesInfo.Types {
			if tv.Value != nil && tv.Value.Kind() == constant.String && b.urls.classify(constant.StringVal(tv.Value))&toDeepSeek != 0 {
				return true
			}
		}
		for _, f := range b.pass.AllObjectFacts() {
			switch f := f.Fact.(type) {
			case *boundFact:
				if endpointClass(f.Class)&toDeepSeek != 0 {
					return true
				}
			case *constFact:
				if f.Kind == String && b.urls.classify(f.Text)&toDeepSeek != 0 {
					return true
				}
			case *sinkFact:
				return true
			}
		}
		if len(b.pass.AllPackageFacts()) > 0 {
			return true // bodies built from their importers' values
		}
		return importsAny(b.pass.Pkg, deepSeekSDKPackages(b.urls))
	}()
	b.signal = -1
	if found {
		b.signal = 1
	}
	return found
}

// importsAny reports whether pkg depends, directly or not, on one of paths.
func importsAny(pkg *types.Package, paths map[string]bool) bool {
	seen := map[*types.Package]bool{}
	var walk func(p *types.Package) bool
	walk = func(p *types.Package) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		if paths[p.Path()] {
			return true
		}
		for _, imp := range p.Imports() {
			if walk(imp) {
				return true
			}
		}
		return false
	}
	return walk(pkg)
}

// init indexes the package once: its functions, the client types whose literals
// hold URL constants, and the payload types bound functions use.
func (b *binder) init() {
	if b.once {
		return
	}
	b.once = true
	for _, f := range b.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if obj, ok := b.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					b.funcs[obj] = fd
				}
			}
		}
	}
	// A client type is bound by the URLs it is built with: a literal that holds one
	// (Client{BaseURL: deepseekURL}), or a constructor that refers to one and returns
	// the type (NewDeepSeek() *Provider).
	b.ins.Preorder([]ast.Node{(*ast.CompositeLit)(nil)}, func(n ast.Node) {
		lit := n.(*ast.CompositeLit)
		tn := namedOf(b.pass.TypesInfo.TypeOf(lit))
		if tn == nil || tn.Pkg() != b.pass.Pkg || payloadShapedType(b.pass, tn.Type(), nil) {
			return
		}
		for _, elt := range lit.Elts {
			// A URL in a nested literal of another type binds that type, not this
			// one (a config holding every provider's settings).
			if kv, ok := elt.(*ast.KeyValueExpr); ok && !isLiteral(kv.Value) {
				b.addTypeURLs(tn, kv.Value)
			}
		}
	})
	// A package-level client: var client = openai.NewClient(option.WithBaseURL(…)).
	for _, f := range b.pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if v, ok := b.pass.TypesInfo.Defs[name].(*types.Var); ok && i < len(vs.Values) {
						if c := b.constURLs(vs.Values[i]) | b.otherEndpointIn(vs.Values[i]); c != 0 {
							b.varClass[v] |= c
						}
					}
				}
			}
		}
	}
	for obj, fd := range b.funcs {
		results := obj.Signature().Results()
		for i := 0; i < results.Len(); i++ {
			if tn := namedOf(results.At(i).Type()); tn != nil && tn.Pkg() == b.pass.Pkg && !payloadShapedType(b.pass, tn.Type(), nil) {
				if _, ok := tn.Type().Underlying().(*types.Struct); ok && b.constURLs(fd.Body) != 0 {
					b.addTypeURLs(tn, fd.Body)
				}
			}
		}
	}
	if !b.deepSeekSignal() {
		return
	}
	for _, fd := range b.funcs {
		class := b.classOf(fd)
		if class&toDeepSeek == 0 && class&toOther == 0 {
			continue
		}
		for _, tn := range b.typesUsed(fd) {
			b.payloads[tn] |= class
		}
	}
	for tn, c := range b.payloads {
		if c&toOther != 0 {
			delete(b.payloads, tn) // used for several providers: the type says nothing
		}
	}
}

// otherEndpoint classifies SDK calls that send elsewhere or override the base URL
// with something other than a DeepSeek URL constant.
func (b *binder) otherEndpoint(call *ast.CallExpr) endpointClass {
	callee := calleeFunc(b.pass, call)
	if callee == nil {
		return 0
	}
	name := funcName(callee.Origin())
	for _, s := range sdks().OtherEndpointFuncs.Sends {
		if s == name {
			return toOther
		}
	}
	if i, ok := sdks().OtherEndpointFuncs.BaseURL[name]; ok && i < len(call.Args) {
		if b.constURLs(call.Args[i])&toDeepSeek == 0 {
			return toOther
		}
	}
	return 0
}

// otherEndpointIn applies otherEndpoint to every call in an expression.
func (b *binder) otherEndpointIn(e ast.Node) endpointClass {
	var c endpointClass
	ast.Inspect(e, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			c |= b.otherEndpoint(call)
		}
		return true
	})
	return c
}

// clientClass is the binding of a client type a function uses (payload types bind
// nothing here: they are what is being checked). It is asked for every identifier,
// so it is memoized.
func (b *binder) clientClass(tn *types.TypeName) endpointClass {
	if c, ok := b.clients[tn]; ok {
		return c
	}
	var c endpointClass
	switch {
	case tn.Pkg() == nil:
	case tn.Pkg() == b.pass.Pkg:
		c = b.typeClass[tn]
	default:
		c = b.typeBinding(tn)
	}
	if c != 0 && payloadShapedType(b.pass, tn.Type(), nil) {
		c = 0
	}
	b.clients[tn] = c
	return c
}

// exportFacts records this package's bindings for its importers.
func (b *binder) exportFacts() {
	if !b.hasSignals() {
		return // no URL, no bound import: nothing to bind, nothing to export
	}
	b.init()
	for obj, fd := range b.funcs {
		if !b.deepSeekSignal() {
			break
		}
		if c := b.classOf(fd); c&toDeepSeek != 0 && obj.Exported() {
			b.pass.ExportObjectFact(obj, &boundFact{Class: uint8(c)})
		}
	}
	for tn, c := range b.typeClass {
		// Importers see a base URL the way an SDK uses it: the chat endpoint.
		c = (&dests{class: c, bases: b.typeBases[tn]}).resolve(b.urls)
		if c|b.payloads[tn] != 0 {
			b.pass.ExportObjectFact(tn, &boundFact{Class: uint8(c | b.payloads[tn])})
		}
	}
	for tn, c := range b.payloads {
		if b.typeClass[tn] == 0 && c != 0 {
			b.pass.ExportObjectFact(tn, &boundFact{Class: uint8(c)})
		}
	}
}

// addTypeURLs binds a client type to the URL constants in e. A DeepSeek base URL
// is kept as a base, for the request paths its users join to it.
func (b *binder) addTypeURLs(tn *types.TypeName, e ast.Node) {
	ast.Inspect(e, func(n ast.Node) bool {
		x, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		tv := b.pass.TypesInfo.Types[x]
		if tv.Value == nil || tv.Value.Kind() != constant.String {
			return true
		}
		s := constant.StringVal(tv.Value)
		c := b.urls.classify(s)
		if c&toDeepSeek != 0 && b.urls.isBase(s) {
			if b.typeBases[tn] == nil {
				b.typeBases[tn] = map[string]bool{}
			}
			b.typeBases[tn][s] = true
			c = toDeepSeekAny
		}
		b.typeClass[tn] |= c
		return false
	})
}

// constURLs classifies the URL constants in an expression.
func (b *binder) constURLs(e ast.Node) endpointClass {
	var class endpointClass
	ast.Inspect(e, func(n ast.Node) bool {
		if x, ok := n.(ast.Expr); ok {
			if tv := b.pass.TypesInfo.Types[x]; tv.Value != nil && tv.Value.Kind() == constant.String {
				class |= b.urls.classify(constant.StringVal(tv.Value))
				return false
			}
		}
		return true
	})
	return class
}

// typesUsed lists the payload-shaped named types of this package a function
// mentions.
func (b *binder) typesUsed(fd *ast.FuncDecl) []*types.TypeName {
	seen := map[*types.TypeName]bool{}
	var out []*types.TypeName
	ast.Inspect(fd, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		tn := namedOf(b.pass.TypesInfo.TypeOf(id))
		if obj, ok := b.pass.TypesInfo.Uses[id].(*types.TypeName); ok {
			tn = namedOf(obj.Type())
		}
		if tn == nil || seen[tn] || tn.Pkg() != b.pass.Pkg || !payloadShapedType(b.pass, tn.Type(), nil) || isStringKeyedMap(tn.Type()) || !requestShapedType(tn.Type()) {
			return true
		}
		seen[tn] = true
		out = append(out, tn)
		return true
	})
	return out
}

// decodedType reports whether the package decodes JSON into a value of type tn
// (json.Unmarshal(data, &s), dec.Decode(&s)): a record it stores and loads.
func (b *binder) decodedType(tn *types.TypeName) bool {
	if tn == nil {
		return false
	}
	if b.decoded == nil {
		b.decoded = map[*types.TypeName]bool{}
		b.ins.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
			call := n.(*ast.CallExpr)
			if !isJSONDecode(calleeFunc(b.pass, call)) || len(call.Args) == 0 {
				return
			}
			target := call.Args[len(call.Args)-1]
			t := b.pass.TypesInfo.TypeOf(target)
			if p, ok := types.Unalias(t).(*types.Pointer); ok {
				t = p.Elem()
			}
			if dt := namedOf(t); dt != nil {
				b.decoded[dt] = true
			}
		})
	}
	return b.decoded[tn]
}
