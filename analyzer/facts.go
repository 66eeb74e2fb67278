package analyzer

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"go/types"
	"strings"
	"sync"
)

// boundFact says that an object is tied to DeepSeek's endpoints: a function whose
// body (or whose callees') sends to them, a client type built with their URL, or a
// payload type the functions sending there use. It carries that binding across
// packages: a client set up in package llm binds the payloads package app builds.
type boundFact struct{ Class uint8 }

func (*boundFact) AFact() {}

func (f *boundFact) String() string { return "deepseek:" + endpointClass(f.Class).String() }

func (c endpointClass) String() string {
	var parts []string
	for _, p := range []struct {
		c    endpointClass
		name string
	}{{toChat, "chat"}, {toBeta, "beta"}, {toFIM, "fim"}, {toFIMNoBeta, "fim-nonbeta"}, {toAnthropic, "anthropic"}, {toOther, "other"}} {
		if c&p.c != 0 {
			parts = append(parts, p.name)
		}
	}
	return strings.Join(parts, "+")
}

//go:embed sdks.json
var sdksJSON []byte

type sdkData struct {
	BoundTypes map[string]string `json:"boundTypes"`
	// TransparentMarshalers maps a type to the struct tags its MarshalJSON really
	// uses for some fields.
	TransparentMarshalers map[string]map[string]string `json:"transparentMarshalers"`
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
	case "chat":
		return toChat
	case "fim":
		return toFIM
	case "beta":
		return toBeta
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
	return m
})
