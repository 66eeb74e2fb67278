// SDK knowledge as data: sdks.json, loaded once, and the queries over it.

package analyzer

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"go/types"
	"strings"
	"sync"
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
	} `json:"constructors"`
	// JSONSetters are request options that set a body key: the indexes of the key
	// and value arguments.
	JSONSetters map[string]any `json:"jsonSetters"`
	// OptionCalls describes SDKs configured by functional options (langchaingo).
	OptionCalls struct {
		Sends        map[string][2]int            `json:"sends"`
		Constructors map[string]int               `json:"constructors"`
		Keys         map[string]string            `json:"keys"`
		Renames      map[string]map[string]string `json:"renames"`
	} `json:"optionCalls"`
	// OtherEndpointFuncs send elsewhere (Sends), or set a base URL from the
	// argument at the given index (BaseURL).
	OtherEndpointFuncs struct {
		Sends   []string       `json:"sends"`
		BaseURL map[string]int `json:"baseURL"`
	} `json:"otherEndpointFuncs"`
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
	idx, ok := sdks().JSONSetters[funcName(fn)].([]any)
	if !ok || len(idx) != 2 {
		return 0, 0, false
	}
	k, _ := idx[0].(float64)
	v, _ := idx[1].(float64)
	return int(k), int(v), true
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
	m := map[string]bool{
		"github.com/sashabaranov/go-openai": true,
		"github.com/openai/openai-go":       true,
		"github.com/openai/openai-go/v2":    true,
		"github.com/openai/openai-go/v3":    true,
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

var (
	transparentPackages = sync.OnceValue(func() map[string]bool { return set(sdks().TransparentPackages) })
	valueWrappers       = sync.OnceValue(func() map[string]bool { return set(sdks().ValueWrappers) })
	valueFuncs          = sync.OnceValue(func() map[string]bool { return set(sdks().ValueFuncs) })
	constantPackages    = sync.OnceValue(func() map[string]bool { return set(sdks().ConstantPackages) })
)
