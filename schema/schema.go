// Package schema holds DeepSeek's request contract as JSON Schema and the rule catalogue
// beside it, and compiles them for validation. See README.md in this directory for the
// annotation conventions the analyzer relies on.
package schema

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

//go:embed *.json
var files embed.FS

// contractFiles are the files a contract consists of, embedded or in a -schema-dir.
var contractFiles = []string{"chat.schema.json", "fim.schema.json", "anthropic.schema.json", "responses.schema.json", "rules.json", "endpoints.json"}

// baseURL names the embedded files for the compiler; it is never fetched.
const baseURL = "deepseekvet:///schema/"

// Endpoint names a schema root (see README.md, "Entry points").
type Endpoint string

const (
	Chat        Endpoint = "chat.schema.json#/$defs/request"
	ChatNonBeta Endpoint = "chat.schema.json#/$defs/requestNonBeta"
	ChatBeta    Endpoint = "chat.schema.json#/$defs/requestBeta"
	FIM         Endpoint = "fim.schema.json#/$defs/request"
	FIMNonBeta  Endpoint = "fim.schema.json#/$defs/requestNonBeta"
	Anthropic   Endpoint = "anthropic.schema.json#/$defs/request"
	Responses   Endpoint = "responses.schema.json#/$defs/request"
)

var endpoints = []Endpoint{Chat, ChatNonBeta, ChatBeta, FIM, FIMNonBeta, Anthropic, Responses}

// EndpointRoots maps the endpoint names of endpoints.json ("endpoint" of a path, and
// "default") to the root a payload is checked against when its URL is known to
// match that path. Chat, the root for a payload whose URL is not known, has no name.
var EndpointRoots = map[string]Endpoint{
	"chat":        ChatNonBeta,
	"beta":        ChatBeta,
	"fim":         FIM,
	"fim-nonbeta": FIMNonBeta,
	"anthropic":   Anthropic,
	"responses":   Responses,
}

// Rule is one entry of rules.json.
type Rule struct {
	ID        string `json:"-"`
	Name      string `json:"name"`
	Severity  string `json:"severity"` // "error" or "warning"
	Title     string `json:"title"`
	DeepSeek  string `json:"deepseek"`
	ErrorText string `json:"error_text"`
	Message   string `json:"message"`
	Fix       string `json:"fix"`
	Source    string `json:"source"`
	Evidence  string `json:"evidence"`
	Bad       string `json:"bad"`
	Good      string `json:"good"`
	// SharedSilent keeps the rule silent in a builder that also sends to other
	// providers: a key DeepSeek does not know may be another API's.
	SharedSilent bool `json:"shared_silent"`
}

// Endpoints is endpoints.json: DeepSeek's API host and the paths that select a schema.
type Endpoints struct {
	Host  string `json:"host"`
	Paths []struct {
		Prefix   string `json:"prefix"`
		Path     string `json:"path"`
		Endpoint string `json:"endpoint"` // anthropic, fim, beta, fim-nonbeta, responses
		Source   string `json:"source"`
	} `json:"paths"`
	Default       string   `json:"default"`
	OwnDomain     string   `json:"ownDomain"`
	OtherAPIPaths []string `json:"otherAPIPaths"`
	// RequestPaths are the endings of DeepSeek request paths: a string constant
	// ending so, joined to a DeepSeek base URL in code, selects the endpoint.
	RequestPaths []string `json:"requestPaths"`
	// Shapes name the endpoint a body's own keys belong to when its URL leaves it
	// open, in order; a body matching none is a chat request. A key "a[].b" is b
	// in an element of the array a.
	Shapes []struct {
		Endpoint string   `json:"endpoint"`
		Without  string   `json:"without"`
		AnyOf    []string `json:"anyOf"`
		Source   string   `json:"source"`
	} `json:"shapes"`
	// OtherProviders are names code uses to select another provider ("openai"):
	// what a branch on one of them sets is not sent to DeepSeek.
	OtherProviders []string `json:"otherProviders"`
	// ResponseMessageKeys are the keys of a chat completion response's message:
	// all a replayed response message can carry.
	ResponseMessageKeys []string `json:"responseMessageKeys"`
}

// Annotation is an x-deepseekvet object (README.md, "Annotations").
type Annotation struct {
	Rule     string `json:"rule"`
	Message  string `json:"message"`
	Use      string `json:"use"`
	Provider string `json:"provider"`
	Rename   string `json:"rename"`
	Remove   bool   `json:"remove"`
	At       string `json:"at"`
	Evidence string `json:"evidence"`
	Source   string `json:"source"`
}

// Contract is a compiled set of schemas and rules. It is immutable and safe for
// concurrent use.
type Contract struct {
	roots       map[Endpoint]*root // every endpoint's, each compiled at first use
	docs        map[string]any     // file name → parsed JSON, for annotation look-ups
	annotations map[string]*Annotation
	rules       map[string]*Rule
	Endpoints   Endpoints
	// Model names read from chat.schema.json.
	Accepted, Retired, Vision []string
	// Digest is the SHA-256 of the schema files, in name order.
	Digest string

	condPaths sync.Map // "if" location → [][]string

	compileRoot func(Endpoint) (*jsonschema.Schema, error)
	compileMu   sync.Mutex // the jsonschema compiler is not safe for concurrent use

	// full, when set, fills rules, docs, annotations and the compiler at first use
	// (the embedded contract, whose Endpoints, model lists and Digest are read at
	// load without decoding the schemas).
	full     func() error
	fullOnce sync.Once
	fullErr  error
}

// root is an endpoint's compiled schema.
type root struct {
	once   sync.Once
	schema *jsonschema.Schema
	err    error
}

var defaultContract = sync.OnceValues(func() (*Contract, error) {
	// Most packages a go vet run sees hold no payload, and each is its own process:
	// the embedded contract reads at load only what binding needs (endpoints.json,
	// the model names, the digest); its rules and schemas are decoded at first use,
	// and compiled at the first validation. Its tests load and compile it all.
	return loadLight(func(name string) ([]byte, error) { return files.ReadFile(name) }, "embedded schema")
})

// Default returns the embedded contract, compiled once per process.
func Default() (*Contract, error) { return defaultContract() }

// Load compiles the contract from dir, a directory holding the same file names as the
// embedded one (a newer chat.schema.json, say). Files missing from dir are taken from
// the embedded copy. Nothing outside dir is read and nothing is fetched.
func Load(dir string) (*Contract, error) {
	if st, err := os.Stat(dir); err != nil {
		return nil, err
	} else if !st.IsDir() {
		return nil, fmt.Errorf("%s: not a directory", dir)
	}
	return load(func(name string) ([]byte, error) {
		data, err := os.ReadFile(path.Join(dir, name))
		if os.IsNotExist(err) {
			return files.ReadFile(name)
		}
		return data, err
	}, dir, true)
}

// FileNames lists the contract's files.
func FileNames() []string { return append([]string(nil), contractFiles...) }

// load reads a contract; eager compiles its schemas now, so that a bad override
// fails with a message naming the problem, else they compile on first use.
func load(read func(string) ([]byte, error), origin string, eager bool) (*Contract, error) {
	c := &Contract{
		roots:       map[Endpoint]*root{},
		docs:        map[string]any{},
		annotations: map[string]*Annotation{},
		rules:       map[string]*Rule{},
	}
	compiler := jsonschema.NewCompiler()
	compiler.Draft = jsonschema.Draft2020
	compiler.LoadURL = func(u string) (io.ReadCloser, error) {
		return nil, fmt.Errorf("deepseekvet never fetches schemas: $ref %q is not a file of the contract", u)
	}
	registerExtensions(compiler)
	digest := sha256.New()
	for _, name := range FileNames() {
		data, err := read(name)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		fmt.Fprintf(digest, "%s %d\n", name, len(data))
		digest.Write(data)
		var doc any
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		if err := dec.Decode(&doc); err != nil {
			return nil, fmt.Errorf("%s/%s: not JSON: %v", origin, name, err)
		}
		if name == "endpoints.json" {
			if err := decodeEndpoints(data, &c.Endpoints); err != nil {
				return nil, fmt.Errorf("%s/%s: %v", origin, name, err)
			}
			continue
		}
		if name == "rules.json" {
			if err := json.Unmarshal(data, &c.rules); err != nil {
				return nil, fmt.Errorf("%s/%s: %v", origin, name, err)
			}
			continue
		}
		c.docs[name] = doc
		if err := compiler.AddResource(baseURL+name, bytes.NewReader(data)); err != nil {
			return nil, fmt.Errorf("%s/%s: %v", origin, name, err)
		}
	}
	c.Digest = hex.EncodeToString(digest.Sum(nil))
	for id, r := range c.rules {
		r.ID = id
		if r.Severity != "error" && r.Severity != "warning" {
			return nil, fmt.Errorf("%s/rules.json: /%s/severity: %q is neither error nor warning", origin, id, r.Severity)
		}
	}
	for _, ep := range endpoints {
		c.roots[ep] = &root{}
	}
	c.compileRoot = func(ep Endpoint) (*jsonschema.Schema, error) {
		s, err := compiler.Compile(baseURL + string(ep))
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %v", origin, ep, err)
		}
		return s, nil
	}
	if eager {
		if err := c.compiled(); err != nil {
			return nil, err
		}
	}
	for name, doc := range c.docs {
		if err := c.collect(name, "", doc); err != nil {
			return nil, fmt.Errorf("%s/%s: %v", origin, name, err)
		}
	}
	chat := c.docs["chat.schema.json"]
	for _, list := range []struct {
		ptr string
		dst *[]string
	}{{"/$defs/acceptedModel/enum", &c.Accepted}, {"/$defs/retiredModel/enum", &c.Retired}, {"/$defs/visionModel/enum", &c.Vision}} {
		v, _ := Pointer(chat, list.ptr)
		items, ok := v.([]any)
		if !ok {
			return nil, fmt.Errorf("%s/chat.schema.json: %s: want an array of model names", origin, list.ptr)
		}
		for _, it := range items {
			if s, ok := it.(string); ok {
				*list.dst = append(*list.dst, s)
			}
		}
	}
	return c, nil
}

// decodeEndpoints decodes endpoints.json: strictly, so that a misspelt key is an
// error, but "_doc" is prose.
func decodeEndpoints(data []byte, ep *Endpoints) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	delete(raw, "_doc")
	clean, _ := json.Marshal(raw)
	dec := json.NewDecoder(bytes.NewReader(clean))
	dec.DisallowUnknownFields()
	if err := dec.Decode(ep); err != nil {
		return err
	}
	if ep.Host == "" {
		return errors.New("/host: missing")
	}
	if _, ok := EndpointRoots[ep.Default]; !ok {
		return fmt.Errorf("/default: %q is not an endpoint name", ep.Default)
	}
	for i, sh := range ep.Shapes {
		if _, ok := EndpointRoots[sh.Endpoint]; !ok {
			return fmt.Errorf("/shapes/%d/endpoint: %q is not an endpoint name", i, sh.Endpoint)
		}
	}
	for i, p := range ep.Paths {
		if _, ok := EndpointRoots[p.Endpoint]; !ok {
			return fmt.Errorf("/paths/%d/endpoint: %q is not an endpoint name", i, p.Endpoint)
		}
	}
	return nil
}

// loadLight reads a contract's digest, endpoints.json and model lists, which are all
// a package without payloads needs, and leaves the rest to the first method that
// needs it: load, in full, then. The embedded contract's tests check that both
// read the same endpoints, models and digest.
func loadLight(read func(string) ([]byte, error), origin string) (*Contract, error) {
	c := &Contract{}
	digest := sha256.New()
	for _, name := range FileNames() {
		data, err := read(name)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		fmt.Fprintf(digest, "%s %d\n", name, len(data))
		digest.Write(data)
		switch name {
		case "endpoints.json":
			if err := decodeEndpoints(data, &c.Endpoints); err != nil {
				return nil, fmt.Errorf("%s/%s: %v", origin, name, err)
			}
		case "chat.schema.json":
			// Only the three enums, by their fixed pointers (as load reads them).
			type enum struct {
				Enum *[]any `json:"enum"`
			}
			var models struct {
				Defs struct {
					Accepted *enum `json:"acceptedModel"`
					Retired  *enum `json:"retiredModel"`
					Vision   *enum `json:"visionModel"`
				} `json:"$defs"`
			}
			if err := json.Unmarshal(data, &models); err != nil {
				return nil, fmt.Errorf("%s/%s: not JSON: %v", origin, name, err)
			}
			for _, list := range []struct {
				ptr string
				src *enum
				dst *[]string
			}{{"/$defs/acceptedModel/enum", models.Defs.Accepted, &c.Accepted}, {"/$defs/retiredModel/enum", models.Defs.Retired, &c.Retired}, {"/$defs/visionModel/enum", models.Defs.Vision, &c.Vision}} {
				if list.src == nil || list.src.Enum == nil {
					return nil, fmt.Errorf("%s/chat.schema.json: %s: want an array of model names", origin, list.ptr)
				}
				for _, it := range *list.src.Enum {
					if s, ok := it.(string); ok {
						*list.dst = append(*list.dst, s)
					}
				}
			}
		}
	}
	c.Digest = hex.EncodeToString(digest.Sum(nil))
	c.full = func() error {
		f, err := load(read, origin, false)
		if err != nil {
			return err
		}
		c.rules, c.docs, c.annotations, c.roots, c.compileRoot = f.rules, f.docs, f.annotations, f.roots, f.compileRoot
		return nil
	}
	return c, nil
}

// loaded completes a light contract (loadLight) once; a full one is complete.
func (c *Contract) loaded() error {
	if c.full != nil {
		c.fullOnce.Do(func() { c.fullErr = c.full() })
	}
	return c.fullErr
}

// collect walks a schema document, indexing annotations by location.
func (c *Contract) collect(file, ptr string, v any) error {
	switch v := v.(type) {
	case map[string]any:
		if raw, ok := v["x-deepseekvet"]; ok {
			data, _ := json.Marshal(raw)
			a := new(Annotation)
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.DisallowUnknownFields()
			if err := dec.Decode(a); err != nil {
				return fmt.Errorf("%s/x-deepseekvet: %v", ptr, err)
			}
			if c.rules[a.Rule] == nil {
				return fmt.Errorf("%s/x-deepseekvet: rule %q is not in rules.json", ptr, a.Rule)
			}
			c.annotations[file+"#"+ptr] = a
		}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if k == "x-deepseekvet" || k == "enum" || k == "const" || k == "examples" {
				continue
			}
			if err := c.collect(file, ptr+"/"+escape(k), v[k]); err != nil {
				return err
			}
		}
	case []any:
		for i, it := range v {
			if err := c.collect(file, fmt.Sprintf("%s/%d", ptr, i), it); err != nil {
				return err
			}
		}
	}
	return nil
}

// Root returns the compiled schema of an endpoint (nil if it does not compile).
func (c *Contract) Root(ep Endpoint) *jsonschema.Schema {
	s, _ := c.root(ep)
	return s
}

// root compiles an endpoint's schema once, at its first use: a package's payloads
// rarely need every endpoint, and compiling one costs milliseconds, in every go vet
// process that validates.
func (c *Contract) root(ep Endpoint) (*jsonschema.Schema, error) {
	if err := c.loaded(); err != nil {
		return nil, err
	}
	r := c.roots[ep]
	if r == nil {
		return nil, fmt.Errorf("unknown schema endpoint %q", ep)
	}
	r.once.Do(func() {
		c.compileMu.Lock()
		defer c.compileMu.Unlock()
		r.schema, r.err = c.compileRoot(ep)
	})
	return r.schema, r.err
}

// compiled compiles every endpoint, stopping at the first that fails.
func (c *Contract) compiled() error {
	for _, ep := range endpoints {
		if _, err := c.root(ep); err != nil {
			return err
		}
	}
	return nil
}

// Rule returns a rule by ID, or nil.
func (c *Contract) Rule(id string) *Rule {
	c.loaded()
	return c.rules[id]
}

// Rules returns every rule, in ID order.
func (c *Contract) Rules() []*Rule {
	c.loaded()
	var rs []*Rule
	for _, r := range c.rules {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].ID < rs[j].ID })
	return rs
}

// AnnotationAt returns the annotation nearest to an absolute keyword location (as the
// validator reports it), walking up the schema pointer, and the location where it was
// found.
func (c *Contract) AnnotationAt(absLoc string) (*Annotation, string) {
	c.loaded()
	loc := strings.TrimPrefix(absLoc, baseURL)
	file, ptr, _ := strings.Cut(loc, "#")
	for {
		if a := c.annotations[file+"#"+ptr]; a != nil {
			return a, file + "#" + ptr
		}
		i := strings.LastIndexByte(ptr, '/')
		if i < 0 {
			return nil, ""
		}
		ptr = ptr[:i]
	}
}

// SchemaAt returns the raw schema value at an absolute keyword location.
func (c *Contract) SchemaAt(absLoc string) any {
	c.loaded()
	loc := strings.TrimPrefix(absLoc, baseURL)
	file, ptr, _ := strings.Cut(loc, "#")
	v, _ := Pointer(c.docs[file], ptr)
	return v
}

// Pointer resolves a JSON pointer in a decoded JSON value.
func Pointer(v any, ptr string) (any, bool) {
	if ptr == "" {
		return v, true
	}
	for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch cur := v.(type) {
		case map[string]any:
			next, ok := cur[tok]
			if !ok {
				return nil, false
			}
			v = next
		case []any:
			var i int
			if _, err := fmt.Sscanf(tok, "%d", &i); err != nil || i < 0 || i >= len(cur) {
				return nil, false
			}
			v = cur[i]
		default:
			return nil, false
		}
	}
	return v, true
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func escape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}
