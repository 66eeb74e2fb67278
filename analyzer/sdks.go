// SDK knowledge as data: sdks.json, loaded once, and the queries over it.

package analyzer

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

//go:embed sdks.json
var sdksJSON []byte

type sdkData struct {
	BoundTypes map[string]string `json:"boundTypes"`
	// TransparentMarshalers maps a type to the struct tags its MarshalJSON really
	// uses for some fields.
	TransparentMarshalers map[string]map[string]string `json:"transparentMarshalers"`
	// TransparentPackages marshal every type with the tags' meaning (openai-go's
	// param.MarshalObject); fields tagged ",inline" are union variants.
	TransparentPackages []string `json:"transparentPackages"`
	// ValueWrappers marshal as their type argument (param.Opt[T]); ValueFuncs
	// return their first argument wrapped (openai.Float(0.7)).
	ValueWrappers []string `json:"valueWrappers"`
	ValueFuncs    []string `json:"valueFuncs"`
	// ConstantPackages hold string types that always marshal their default tag.
	ConstantPackages []string `json:"constantPackages"`
	// Constructors build an object: constant members, then one key per argument
	// (or all arguments as one array).
	Constructors map[string]struct {
		Set      map[string]string `json:"set"`
		Args     []string          `json:"args"`
		Variadic string            `json:"variadic"`
		// Maybe lists keys with values the code cannot see (ToParam() copies the
		// response's content and tool calls, and nothing else).
		Maybe []string `json:"maybe"`
		// Replay marks a call that turns the model's response message into the
		// next request's assistant message.
		Replay bool `json:"replay"`
	} `json:"constructors"`
	// Sends are the SDK calls that send a request body: where the body and the
	// request options are among the arguments, the path the call appends to the
	// client's base URL, and the keys it forces.
	Sends map[string]sendSpec `json:"sends"`
	// Clients are the calls that build an SDK client: their options apply to every
	// request the client sends, and their default base URL.
	Clients map[string]clientSpec `json:"clients"`
	// BodyOptions are request options that edit the serialized body.
	BodyOptions map[string]bodyOption `json:"bodyOptions"`
	// ExtraFields are methods of a request value that merge top-level keys into its
	// JSON when it is marshaled: the index of the map argument.
	ExtraFields map[string]int `json:"extraFields"`
	// Advice is what to write instead, per SDK module and rule ID: the first variant
	// whose Needs all exist in the SDK version the code builds against.
	Advice map[string]map[string][]sdkAdvice `json:"advice"`
	// OptionCalls describes SDKs configured by functional options (langchaingo).
	OptionCalls struct {
		Sends        map[string][2]int            `json:"sends"`
		Constructors map[string]int               `json:"constructors"`
		Keys         map[string]string            `json:"keys"`
		Renames      map[string]map[string]string `json:"renames"`
		// Sets are options that set constant keys; Dropped are options the SDK
		// accepts and never sends; Always are keys the SDK always sends, with the
		// JSON types of their values.
		Sets    map[string]map[string]json.RawMessage `json:"sets"`
		Dropped map[string]string                     `json:"dropped"`
		Always  map[string][]string                   `json:"always"`
	} `json:"optionCalls"`
	// GoLibraries says what Go's own libraries do with a value (goLibraries).
	GoLibraries struct {
		Stores []string `json:"stores"`
		// LogMethods are the names of logger methods: a value passed to one
		// (logger.Debug(ctx, msg, fields)) is logged, not sent.
		LogMethods       []string `json:"logMethods"`
		StoreWriterTypes []string `json:"storeWriterTypes"`
		StoreWriters     []string `json:"storeWriters"`
		FlagPackages     []string `json:"flagPackages"`
		// RequestURLs are the index of the URL argument of request builders.
		RequestURLs map[string]any `json:"requestURLs"`
		// DestinationNames are name parts of fields and parameters holding a URL.
		DestinationNames struct {
			Names []string `json:"names"`
		} `json:"destinationNames"`
		// StringJoiners build a string from their arguments (a URL from a base).
		StringJoiners []string `json:"stringJoiners"`
	} `json:"goLibraries"`
	// OtherEndpointFuncs send elsewhere (Sends), or set a base URL from the
	// argument at the given index (BaseURL).
	OtherEndpointFuncs struct {
		Sends   []string       `json:"sends"`
		BaseURL map[string]int `json:"baseURL"`
	} `json:"otherEndpointFuncs"`
}

// sdkAdvice is one way to write a fix in an SDK: Use, when every identifier in Needs
// ("import/path.Name" or "import/path.Type.FieldOrMethod") exists.
type sdkAdvice struct {
	Use   string   `json:"use"`
	Needs []string `json:"needs"`
	// Keys limits the advice to violations at these keys (empty: any key).
	Keys []string `json:"keys"`
}

// sendSpec describes one SDK call that sends a request.
type sendSpec struct {
	Body    int  `json:"body"`    // index of the request argument
	Options *int `json:"options"` // index of the first request option, if it takes any
	// Path is what the call appends to the client's base URL; BaseURL, when set, is
	// the base URL the call uses whatever the client's.
	Path    string `json:"path"`
	BaseURL string `json:"baseURL"`
	// Force holds the keys the call sets on the body itself, after every option.
	Force map[string]json.RawMessage `json:"force"`
	// Refuses holds values the SDK rejects before sending (documentation for
	// advice: go-openai's CreateChatCompletion returns an error for stream: true).
	Refuses map[string]string `json:"refuses"`
}

// clientSpec describes a call that builds an SDK client.
type clientSpec struct {
	Options        *int   `json:"options"`        // index of the first client option
	BaseURL        *int   `json:"baseURL"`        // index of an optional base URL argument
	DefaultBaseURL string `json:"defaultBaseURL"` // the base URL when none is given
	// Fixed marks a constructor whose client always sends to DefaultBaseURL
	// (go-openai's NewClient(token)): nothing the caller writes can change it.
	Fixed bool `json:"fixed"`
}

// bodyOption describes a request option that edits the body: set (an sjson path
// and a value), del (an sjson path), or replace (the whole body).
type bodyOption struct {
	Op    string `json:"op"`
	Key   int    `json:"key"`
	Value int    `json:"value"`
}

func set(list []string) map[string]bool {
	m := map[string]bool{}
	for _, s := range list {
		m[s] = true
	}
	return m
}

// funcName is "import/path.Name" for a function and "(import/path.Type).Name"
// for a method.
func funcName(fn *types.Func) string {
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	if recv := fn.Signature().Recv(); recv != nil {
		if tn := namedOf(recv.Type()); tn != nil {
			return "(" + qualifiedName(tn) + ")." + fn.Name()
		}
		return ""
	}
	return fn.Pkg().Path() + "." + fn.Name()
}

// jsonSetter returns the key and value argument indexes of a body-setting option.
func jsonSetter(fn *types.Func) (key, value int, ok bool) {
	o, ok := sdks().BodyOptions[funcName(fn)]
	if !ok || o.Op != "set" {
		return 0, 0, false
	}
	return o.Key, o.Value, true
}

// sdkDefaultBaseURL is the base URL an SDK client built by the named constructor
// sends to when the code gives it none ("" if sdks.json does not know it).
func sdkDefaultBaseURL(ctor *types.Func) string {
	return sdks().Clients[funcName(ctor)].DefaultBaseURL
}

var sdks = sync.OnceValue(func() *sdkData {
	d := new(sdkData)
	if err := json.Unmarshal(sdksJSON, d); err != nil {
		panic(fmt.Sprintf("analyzer/sdks.json: %v", err)) // embedded: a build-time bug
	}
	return d
})

func transparent() map[string]map[string]string { return sdks().TransparentMarshalers }

// qualifiedName is "import/path.Name" for a named type.
func qualifiedName(tn *types.TypeName) string {
	if tn == nil || tn.Pkg() == nil {
		return ""
	}
	return tn.Pkg().Path() + "." + tn.Name()
}

// sdkClass is what sdks.json says about an SDK type.
func sdkClass(tn *types.TypeName) endpointClass {
	switch sdks().BoundTypes[qualifiedName(tn)] {
	case "deepseek":
		return toDeepSeekAny
	case "fim":
		return toFIM
	}
	return 0
}

// sdkPackages are the import paths whose use makes a package worth analysing.
var sdkPackages = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for path := range builtinSDKPackages {
		m[path] = true
	}
	for name := range sdks().BoundTypes {
		m[name[:strings.LastIndexByte(name, '.')]] = true
	}
	for name := range sdks().TransparentMarshalers {
		m[name[:strings.LastIndexByte(name, '.')]] = true
	}
	for name := range sdks().OptionCalls.Constructors {
		m[name[:strings.LastIndexByte(name, '.')]] = true
	}
	for _, path := range sdks().TransparentPackages {
		m[path] = true
	}
	return m
})

// deepSeekSDKPackages are the SDK packages whose clients send to DeepSeek by
// default: those of DeepSeek-bound types and of constructors with a DeepSeek
// default base URL.
func deepSeekSDKPackages(u *urlClassifier) map[string]bool {
	m := map[string]bool{}
	for name, class := range sdks().BoundTypes {
		if class == "deepseek" || class == "fim" {
			m[name[:strings.LastIndexByte(name, '.')]] = true
		}
	}
	for name, spec := range sdks().Clients {
		if u.classify(spec.DefaultBaseURL)&toDeepSeek != 0 {
			m[name[:strings.LastIndexByte(name, '.')]] = true
		}
	}
	return m
}

// builtinSDKPackages are SDK packages sdkPackages knows without sdks.json.
var builtinSDKPackages = map[string]bool{
	"github.com/sashabaranov/go-openai": true,
	"github.com/openai/openai-go":       true,
	"github.com/openai/openai-go/v2":    true,
	"github.com/openai/openai-go/v3":    true,
}

var (
	transparentPackages = sync.OnceValue(func() map[string]bool { return set(sdks().TransparentPackages) })
	valueWrappers       = sync.OnceValue(func() map[string]bool { return set(sdks().ValueWrappers) })
	valueFuncs          = sync.OnceValue(func() map[string]bool { return set(sdks().ValueFuncs) })
	constantPackages    = sync.OnceValue(func() map[string]bool { return set(sdks().ConstantPackages) })
	storeFuncs          = sync.OnceValue(func() map[string]bool { return set(sdks().GoLibraries.Stores) })
	storeWriterTypes    = sync.OnceValue(func() map[string]bool { return set(sdks().GoLibraries.StoreWriterTypes) })
	storeWriters        = sync.OnceValue(func() map[string]bool { return set(sdks().GoLibraries.StoreWriters) })
	flagPackages        = sync.OnceValue(func() map[string]bool { return set(sdks().GoLibraries.FlagPackages) })
	logMethods          = sync.OnceValue(func() map[string]bool { return set(sdks().GoLibraries.LogMethods) })
	stringJoiners       = sync.OnceValue(func() map[string]bool { return set(sdks().GoLibraries.StringJoiners) })
	requestURLArg       = sync.OnceValue(func() map[string]int {
		out := map[string]int{}
		for name, v := range sdks().GoLibraries.RequestURLs {
			if i, ok := v.(float64); ok {
				out[name] = int(i)
			}
		}
		return out
	})
)

// siteSDK is the SDK module whose advice applies to a site: the module of its Go type,
// or of the call an option-configured SDK builds it from.
func siteSDK(pass *analysis.Pass, s *site) string {
	path := ""
	if tn := namedOf(s.typ); tn != nil && tn.Pkg() != nil {
		path = tn.Pkg().Path()
	} else if call, ok := s.root.(*ast.CallExpr); ok {
		if fn := calleeFunc(pass, call); fn != nil && fn.Pkg() != nil {
			path = fn.Pkg().Path()
		}
	}
	best := ""
	for module := range sdks().Advice {
		if (path == module || strings.HasPrefix(path, module+"/")) && len(module) > len(best) {
			best = module
		}
	}
	return best
}

// sdkUse is what to write instead for a rule reported on a site built with an SDK,
// in that SDK's terms for the version the package builds against, or "".
func sdkUse(pass *analysis.Pass, s *site, rule, key string) string {
	module := siteSDK(pass, s)
	if module == "" {
		return ""
	}
	for _, a := range sdks().Advice[module][rule] {
		ok := len(a.Keys) == 0 || key == "" || slices.Contains(a.Keys, key)
		for _, n := range a.Needs {
			if lookupQualified(pass.Pkg, n) == nil {
				ok = false
				break
			}
		}
		if ok {
			return a.Use
		}
	}
	return ""
}

// lookupQualified finds "import/path.Name" or "import/path.Type.FieldOrMethod" among
// the packages pkg imports, directly or not.
func lookupQualified(pkg *types.Package, name string) types.Object {
	slash := strings.LastIndexByte(name, '/')
	dot := strings.IndexByte(name[slash+1:], '.')
	if dot < 0 {
		return nil
	}
	path, rest := name[:slash+1+dot], strings.Split(name[slash+2+dot:], ".")
	target := findImport(pkg, path, map[*types.Package]bool{})
	if target == nil {
		return nil
	}
	obj := target.Scope().Lookup(rest[0])
	for _, member := range rest[1:] {
		if obj == nil {
			return nil
		}
		obj, _, _ = types.LookupFieldOrMethod(obj.Type(), true, target, member)
	}
	return obj
}

func findImport(pkg *types.Package, path string, seen map[*types.Package]bool) *types.Package {
	if pkg.Path() == path {
		return pkg
	}
	if seen[pkg] {
		return nil
	}
	seen[pkg] = true
	for _, imp := range pkg.Imports() {
		if p := findImport(imp, path, seen); p != nil {
			return p
		}
	}
	return nil
}

// sdkPackage reports whether a package belongs to an SDK whose types sdks.json
// reads as transparent (openai-go, anthropic-sdk-go): large generated clients for
// other providers, whose own code sends whatever callers give it. Analysing them
// would cost more than the rest of a program (hundreds of milliseconds each) and
// find nothing. (The DeepSeek SDKs and go-openai stay analysed: their tests and
// examples are code a maintainer runs deepseekvet on.)
func sdkPackage(path string) bool {
	if !mayBeTransparentPackage(path) {
		return false // no need to decode sdks.json
	}
	for _, p := range sdks().TransparentPackages {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// The prefilter every package runs through asks whether the package or one of its
// imports is an SDK's. Decoding sdks.json to answer costs more than the rest of the
// prefilter, in every go vet process, so these necessary conditions come first: a
// path sdkPackages or transparentPackages holds is a module path (its first element
// has a dot) and is written in sdks.json as a string or a qualified name's package,
// or is one of builtinSDKPackages. A test checks both for every entry.

// modulePath reports whether an import path may name a module's package: its first
// element has a dot. Standard library paths have none.
func modulePath(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return strings.Contains(first, ".")
}

// mayBeSDKPackage is a necessary condition for sdkPackages()[path].
func mayBeSDKPackage(path string) bool {
	if !modulePath(path) {
		return false
	}
	return builtinSDKPackages[path] || inSDKsJSON(path, '.') || inSDKsJSON(path, '"')
}

// mayBeTransparentPackage is a necessary condition for sdkPackage(path): path or one
// of its parents is written in sdks.json as a string.
func mayBeTransparentPackage(path string) bool {
	if !modulePath(path) {
		return false
	}
	for p := path; ; {
		if inSDKsJSON(p, '"') {
			return true
		}
		i := strings.LastIndexByte(p, '/')
		if i < 0 {
			return false
		}
		p = p[:i]
	}
}

// inSDKsJSON reports whether sdks.json's text holds a string starting with path and
// the byte end.
func inSDKsJSON(path string, end byte) bool {
	return bytes.Contains(sdksJSON, append(append([]byte{'"'}, path...), end))
}
