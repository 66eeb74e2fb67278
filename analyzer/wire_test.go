package analyzer

// The wire-conformance harness: every SDK fact deepseekvet relies on is checked
// against the SDK itself. testdata/wire holds one package per SDK version the
// analyzer models, with cases written the way users write them. The harness builds
// them into one binary, runs every case against a local capture server (the binary
// sends every connection of http.DefaultTransport there, so the SDKs build their
// URLs from the base URLs the cases write), and records the method, path and exact
// JSON body of each request. It then lowers the same source the way the analyzer
// does and checks, per case:
//
//   - every key the lowered value claims is sent is in the body, with the same value,
//     and a closed object has no key the SDK sends beyond the lowered ones (what the
//     analyzer does not know must be a hole, not a guess);
//   - the endpoint the analyzer resolves admits the path the SDK posted to;
//   - deepseekvet reports exactly the rules the case's "wire:expect" line lists.
//
// A "wire:advice RULE text" line says what deepseekvet's advice for that rule must
// name for users of the case's SDK (sdks.json "advice", for the pinned version).
// A case marked "wire:nosend" is one the SDK refuses before sending; one marked
// "wire:pending <reason>" has a known mismatch whose fix lies outside the SDK layer:
// its mismatches are logged, and the test fails once it passes, so the marker goes.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/deepseekvet/deepseekvet/schema"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/packages"
)

const wireModule = "example.com/wire/"

func TestWire(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs SDK programs")
	}
	dir, err := filepath.Abs(filepath.Join("testdata", "wire"))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()

	// Build the cases into one binary (this fetches the pinned SDKs from the module
	// proxy when they are not in the module cache yet).
	bin := filepath.Join(t.TempDir(), "wirerun")
	build := exec.Command("go", "build", "-o", bin, "./cmd/wirerun")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build in testdata/wire: %v\n%s", err, out)
	}
	built := time.Since(start)

	// Run them against the capture server.
	capture := &wireCapture{reqs: map[string][]wireRequest{}}
	srv := httptest.NewServer(capture)
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	run := exec.CommandContext(ctx, bin)
	run.Env = append(os.Environ(), "WIRE_SERVER="+strings.TrimPrefix(srv.URL, "http://"))
	var stderr bytes.Buffer
	run.Stderr = &stderr
	out, err := run.Output()
	if err != nil {
		t.Fatalf("wirerun: %v\n%s", err, stderr.Bytes())
	}
	ran := map[string]string{} // case → the error its SDK returned
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		var r struct{ Case, Err string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("wirerun output %q: %v", sc.Text(), err)
		}
		ran[r.Case] = r.Err
	}
	executed := time.Since(start) - built

	// Lower the same source.
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  dir,
		Env:  append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod"),
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	var roots []*packages.Package
	for _, p := range pkgs {
		for _, e := range p.Errors {
			t.Fatalf("loading %s: %v", p.PkgPath, e)
		}
		if p.Types.Scope().Lookup("Cases") != nil {
			roots = append(roots, p)
		}
	}
	// Two runs: the probe and the analyzer share the analyzer's fact type.
	var acts []*checker.Action
	for _, a := range []*analysis.Analyzer{wireProbe, Analyzer} {
		graph, err := checker.Analyze([]*analysis.Analyzer{a}, roots, nil)
		if err != nil {
			t.Fatal(err)
		}
		acts = append(acts, graph.Roots...)
	}
	probes := map[string][]probeSite{} // case → its lowered sites
	rules := map[string]map[string]bool{}
	cases := map[string]*wireCase{}
	for _, act := range acts {
		if act.Err != nil {
			t.Fatalf("%s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
		}
		funcs := caseFuncs(act.Package)
		for name, c := range funcs {
			cases[name] = c
		}
		switch act.Analyzer {
		case wireProbe:
			res := act.Result.(*probeResult)
			for _, s := range res.sites {
				probes[s.name] = append(probes[s.name], s)
			}
			for _, b := range res.advice {
				t.Errorf("%s: %s", act.Package.PkgPath, b)
			}
		case Analyzer:
			for _, d := range act.Diagnostics {
				name := enclosingCase(act.Package, funcs, d.Pos)
				if rules[name] == nil {
					rules[name] = map[string]bool{}
				}
				rules[name][d.Category] = true
				if name == "" {
					t.Errorf("%s: finding outside any case: %s", act.Package.Fset.Position(d.Pos), d.Message)
				}
			}
		}
	}
	analysed := time.Since(start) - built - executed

	names := make([]string, 0, len(cases))
	for name := range cases {
		names = append(names, name)
	}
	sort.Strings(names)
	for name := range ran {
		if cases[name] == nil {
			t.Errorf("wirerun ran %s, which is not a case function (func(context.Context) error) of a case package", name)
		}
	}
	for _, name := range names {
		c := cases[name]
		errMsg, ok := ran[name]
		if !ok {
			t.Errorf("%s: not in its package's Cases list, so never run", name)
			continue
		}
		mismatches := checkCase(c, capture.reqs[name], errMsg, probes[name], rules[name])
		switch {
		case c.pending != "" && len(mismatches) == 0:
			t.Errorf("%s: marked wire:pending (%s) but SDK and analyzer agree now: remove the marker", name, c.pending)
		case c.pending != "":
			t.Logf("%s: pending (%s):\n\t%s", name, c.pending, strings.Join(mismatches, "\n\t"))
		case len(mismatches) > 0:
			t.Errorf("%s:\n\t%s", name, strings.Join(mismatches, "\n\t"))
		}
	}
	t.Logf("%d cases: build %v, run %v, analysis %v", len(cases), built.Round(time.Millisecond), executed.Round(time.Millisecond), analysed.Round(time.Millisecond))
}

// wireRequest is one request a case's SDK sent.
type wireRequest struct {
	Method, Host, Path string
	Body               []byte
}

// wireCapture records the requests of the case the runner announced last, and
// answers them the way DeepSeek would, so that SDKs that read the reply (a tool loop
// replaying the assistant turn) go on.
type wireCapture struct {
	mu      sync.Mutex
	current string
	reqs    map[string][]wireRequest
}

func (c *wireCapture) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	c.mu.Lock()
	if r.URL.Path == "/__wire/case" {
		c.current = string(body)
		c.mu.Unlock()
		return
	}
	c.reqs[c.current] = append(c.reqs[c.current], wireRequest{Method: r.Method, Host: r.Host, Path: r.URL.Path, Body: body})
	c.mu.Unlock()

	var req map[string]any
	_ = json.Unmarshal(body, &req)
	stream := req["stream"] == true
	var tools bool
	if ts, ok := req["tools"].([]any); ok && len(ts) > 0 {
		tools = true
		if msgs, ok := req["messages"].([]any); ok && len(msgs) > 0 {
			if last, ok := msgs[len(msgs)-1].(map[string]any); ok && last["role"] != "user" {
				tools = false // answering a tool result: no new call
			}
		}
	}
	p := r.URL.Path
	switch {
	case strings.HasSuffix(p, "/messages") && stream:
		w.Header().Set("Content-Type", "text/event-stream")
		for _, ev := range []string{
			`message_start`, `{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"deepseek-flash","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":1,"output_tokens":0}}}`,
			`content_block_start`, `{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}`,
			`content_block_delta`, `{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}`,
			`content_block_stop`, `{"type":"content_block_stop","index":0}`,
			`message_delta`, `{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":1}}`,
			`message_stop`, `{"type":"message_stop"}`,
		} {
			if strings.HasPrefix(ev, "{") {
				fmt.Fprintf(w, "data: %s\n\n", ev)
			} else {
				fmt.Fprintf(w, "event: %s\n", ev)
			}
		}
	case strings.HasSuffix(p, "/messages"):
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id":"msg_1","type":"message","role":"assistant","model":"deepseek-flash","content":[{"type":"text","text":"Hi"}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":1,"output_tokens":1}}`)
	case strings.HasSuffix(p, "/chat/completions") && stream:
		w.Header().Set("Content-Type", "text/event-stream")
		io.WriteString(w, `data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"deepseek-flash","choices":[{"index":0,"delta":{"role":"assistant","content":"Hi"},"finish_reason":null}]}`+"\n\n")
		io.WriteString(w, `data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"deepseek-flash","choices":[{"index":0,"delta":{"content":""},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}`+"\n\n")
		io.WriteString(w, "data: [DONE]\n\n")
	case strings.HasSuffix(p, "/chat/completions"):
		w.Header().Set("Content-Type", "application/json")
		msg := `{"role":"assistant","content":"{}","reasoning_content":"Thinking."}`
		finish := "stop"
		if tools {
			msg = `{"role":"assistant","content":"","reasoning_content":"Thinking.","tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}]}`
			finish = "tool_calls"
		}
		fmt.Fprintf(w, `{"id":"c1","object":"chat.completion","created":1,"model":"deepseek-flash","choices":[{"index":0,"message":%s,"finish_reason":%q,"logprobs":null}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}`, msg, finish)
	case strings.HasSuffix(p, "/completions") && stream:
		w.Header().Set("Content-Type", "text/event-stream")
		io.WriteString(w, `data: {"id":"c1","object":"text_completion","created":1,"model":"deepseek-flash","choices":[{"index":0,"text":"x","finish_reason":null,"logprobs":null}]}`+"\n\n")
		io.WriteString(w, `data: {"id":"c1","object":"text_completion","created":1,"model":"deepseek-flash","choices":[{"index":0,"text":"","finish_reason":"stop","logprobs":null}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}`+"\n\n")
		io.WriteString(w, "data: [DONE]\n\n")
	case strings.HasSuffix(p, "/completions"):
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id":"c1","object":"text_completion","created":1,"model":"deepseek-flash","choices":[{"index":0,"text":"x","finish_reason":"stop","logprobs":null}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}`)
	default:
		http.NotFound(w, r)
	}
}

// probeSite is what the analyzer makes of one payload site: its lowered value and
// the endpoint it resolves.
type probeSite struct {
	name     string // the case: package/Func
	value    *Value
	endpoint schema.Endpoint
	bound    bool
	advice   map[string]string // rule → what deepseekvet tells users of this SDK to write
}

// wireProbe runs the analyzer's own site finding, lowering and binding on the case
// packages, and returns what they produce.
var wireProbe = &analysis.Analyzer{
	Name:       "wireprobe",
	Doc:        "lowers payload sites for the wire-conformance harness",
	Requires:   []*analysis.Analyzer{inspect.Analyzer},
	FactTypes:  []analysis.Fact{new(boundFact)},
	ResultType: reflect.TypeOf((*probeResult)(nil)),
	Run: func(pass *analysis.Pass) (any, error) {
		res := new(probeResult)
		if !strings.HasPrefix(pass.Pkg.Path(), wireModule) {
			return res, nil
		}
		res.advice = checkAdvice(pass)
		contract, err := schema.Default()
		if err != nil {
			return nil, err
		}
		ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		bind := newBinder(pass, ins, contract)
		bind.exportFacts()
		for _, s := range findSites(pass, ins, bind.flow) {
			ep, ok := bind.target(s)
			name := ""
			if fd, ok := s.fn.(*ast.FuncDecl); ok {
				name = strings.TrimPrefix(pass.Pkg.Path(), wireModule) + "." + fd.Name.Name
			}
			ps := probeSite{name: name, value: s.value, endpoint: ep, bound: ok, advice: map[string]string{}}
			for rule := range sdks().Advice[siteSDK(pass, s)] {
				if u := sdkUse(pass, s, rule, ""); u != "" {
					ps.advice[rule] = u
				}
			}
			res.sites = append(res.sites, ps)
		}
		return res, nil
	},
}

type probeResult struct {
	sites  []probeSite
	advice []string // advice entries that name an SDK package the case package does not import, or resolve to nothing
}

// checkAdvice checks sdks.json's advice for the SDK modules a case package imports:
// every package its needs name must exist, and some variant of every rule must
// apply to the pinned version.
func checkAdvice(pass *analysis.Pass) []string {
	var bad []string
	for module, rules := range sdks().Advice {
		if findImport(pass.Pkg, module, map[*types.Package]bool{}) == nil {
			continue
		}
		for rule, variants := range rules {
			applies := false
			for _, v := range variants {
				ok := true
				for _, n := range v.Needs {
					slash := strings.LastIndexByte(n, '/')
					dot := strings.IndexByte(n[slash+1:], '.')
					if dot < 0 || findImport(pass.Pkg, n[:slash+1+dot], map[*types.Package]bool{}) == nil {
						bad = append(bad, fmt.Sprintf("advice %s %s: %s names no package the SDK has", module, rule, n))
					}
					if lookupQualified(pass.Pkg, n) == nil {
						ok = false
					}
				}
				applies = applies || ok
			}
			if !applies {
				bad = append(bad, fmt.Sprintf("advice %s %s: no variant applies to the pinned version", module, rule))
			}
		}
	}
	sort.Strings(bad)
	return bad
}

// wireCase is a case function and what its doc comment expects.
type wireCase struct {
	decl    *ast.FuncDecl
	expect  []string          // rules deepseekvet must report
	nosend  bool              // the SDK refuses the request
	pending string            // a known mismatch, fixed outside the SDK layer
	advice  map[string]string // rule → text the SDK-specific advice must contain
}

// caseFuncs lists the case functions of a package: exported func(context.Context) error.
func caseFuncs(p *packages.Package) map[string]*wireCase {
	out := map[string]*wireCase{}
	for _, f := range p.Syntax {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv != nil || !fd.Name.IsExported() {
				continue
			}
			sig := p.TypesInfo.Defs[fd.Name].Type().(*types.Signature)
			if sig.Params().Len() != 1 || sig.Results().Len() != 1 || types.TypeString(sig.Params().At(0).Type(), nil) != "context.Context" || types.TypeString(sig.Results().At(0).Type(), nil) != "error" {
				continue
			}
			c := &wireCase{decl: fd}
			if fd.Doc != nil {
				for _, line := range strings.Split(fd.Doc.Text(), "\n") {
					switch {
					case strings.HasPrefix(line, "wire:expect "):
						c.expect = append(c.expect, strings.Fields(strings.TrimPrefix(line, "wire:expect "))...)
					case strings.HasPrefix(line, "wire:advice "):
						rule, text, _ := strings.Cut(strings.TrimPrefix(line, "wire:advice "), " ")
						if c.advice == nil {
							c.advice = map[string]string{}
						}
						c.advice[rule] = text
					case line == "wire:nosend":
						c.nosend = true
					case strings.HasPrefix(line, "wire:pending "):
						c.pending = strings.TrimPrefix(line, "wire:pending ")
					}
				}
			}
			out[strings.TrimPrefix(p.PkgPath, wireModule)+"."+fd.Name.Name] = c
		}
	}
	return out
}

func enclosingCase(p *packages.Package, funcs map[string]*wireCase, pos token.Pos) string {
	for name, c := range funcs {
		if c.decl.Pos() <= pos && pos < c.decl.End() {
			return name
		}
	}
	return ""
}

// checkCase compares one case's requests, lowered sites and findings.
func checkCase(c *wireCase, reqs []wireRequest, sdkErr string, sites []probeSite, rules map[string]bool) []string {
	var bad []string
	var got []string
	for r := range rules {
		got = append(got, r)
	}
	sort.Strings(got)
	want := append([]string(nil), c.expect...)
	sort.Strings(want)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		bad = append(bad, fmt.Sprintf("deepseekvet reports [%s], want [%s]", strings.Join(got, " "), strings.Join(want, " ")))
	}
	for rule, text := range c.advice {
		for _, s := range sites {
			if !strings.Contains(s.advice[rule], text) {
				bad = append(bad, fmt.Sprintf("advice for %s is %q, want it to name %q", rule, s.advice[rule], text))
			}
		}
	}
	if c.nosend {
		if len(reqs) > 0 || sdkErr == "" {
			bad = append(bad, fmt.Sprintf("marked wire:nosend, but the SDK sent %d request(s) (error %q)", len(reqs), sdkErr))
		}
		return bad
	}
	if len(reqs) == 0 {
		return append(bad, fmt.Sprintf("the SDK sent nothing (error %q)", sdkErr))
	}
	if len(sites) == 0 {
		return append(bad, "deepseekvet finds no payload in this case")
	}
	last := reqs[len(reqs)-1] // a site's value is the payload's final state
	var body any
	dec := json.NewDecoder(bytes.NewReader(last.Body))
	dec.UseNumber()
	if err := dec.Decode(&body); err != nil {
		return append(bad, fmt.Sprintf("body is not JSON: %v: %s", err, last.Body))
	}
	for _, s := range sites {
		if !s.bound {
			bad = append(bad, "deepseekvet does not bind the payload to DeepSeek")
			continue
		}
		if last.Method != http.MethodPost || last.Host != "api.deepseek.com" {
			bad = append(bad, fmt.Sprintf("the SDK sent %s to host %s", last.Method, last.Host))
		}
		if !endpointAdmits(s.endpoint, last.Path) {
			bad = append(bad, fmt.Sprintf("endpoint: deepseekvet resolves %s, the SDK posted to %s", s.endpoint, last.Path))
		}
		compareWire("", s.value, body, &bad)
	}
	if len(bad) > 0 {
		bad = append(bad, "body sent: "+string(bytes.TrimSpace(last.Body)))
	}
	return bad
}

// endpointAdmits reports whether a request to path is one the schema root describes.
// Chat is the root for an unknown base URL: it admits every chat path.
func endpointAdmits(ep schema.Endpoint, path string) bool {
	for strings.Contains(path, "//") {
		path = strings.ReplaceAll(path, "//", "/")
	}
	paths := map[schema.Endpoint][]string{
		schema.Chat:        {"/chat/completions", "/v1/chat/completions", "/beta/chat/completions"},
		schema.ChatNonBeta: {"/chat/completions", "/v1/chat/completions"},
		schema.ChatBeta:    {"/beta/chat/completions"},
		schema.FIM:         {"/beta/completions"},
		schema.FIMNonBeta:  {"/completions", "/v1/completions"},
		schema.Anthropic:   {"/anthropic/v1/messages", "/anthropic/messages"},
		schema.Responses:   {"/responses", "/v1/responses"},
	}[ep]
	for _, p := range paths {
		if p == path {
			return true
		}
	}
	return false
}

// compareWire checks that a lowered value agrees with the JSON an SDK sent on every
// part the value claims to know.
func compareWire(path string, v *Value, got any, bad *[]string) {
	at := path
	if at == "" {
		at = "request body"
	}
	mismatch := func(format string, args ...any) {
		*bad = append(*bad, at+": "+fmt.Sprintf(format, args...))
	}
	switch v.Kind {
	case Hole:
		if len(v.Types) == 0 {
			return
		}
		t := wireType(got)
		for _, want := range v.Types {
			if want == t || want == "number" && t == "integer" {
				return
			}
		}
		mismatch("deepseekvet says a %s, the SDK sent %s", strings.Join(v.Types, " or "), wireText(got))
	case Object:
		if got == nil && v.Nullable {
			return
		}
		obj, ok := got.(map[string]any)
		if !ok {
			mismatch("deepseekvet says an object, the SDK sent %s", wireText(got))
			return
		}
		for _, m := range v.Members {
			gv, present := obj[m.Key]
			if !present {
				// An omitempty field holding a value the code does not show is sent
				// only when that value is not empty.
				if !m.Maybe && !(m.OmitEmpty && m.Value.Kind == Hole) {
					*bad = append(*bad, joinPath(path, m.Key)+": deepseekvet says it is sent, the SDK did not send it")
				}
				continue
			}
			compareWire(joinPath(path, m.Key), m.Value, gv, bad)
		}
		if !v.Open {
			var extra []string
			for k := range obj {
				if v.member(k) == nil {
					extra = append(extra, k)
				}
			}
			sort.Strings(extra)
			for _, k := range extra {
				*bad = append(*bad, fmt.Sprintf("%s: the SDK sent %s, deepseekvet says the object has no such key", joinPath(path, k), wireText(obj[k])))
			}
		}
	case Array:
		arr, ok := got.([]any)
		if !ok {
			mismatch("deepseekvet says an array, the SDK sent %s", wireText(got))
			return
		}
		n := len(v.Elems)
		switch {
		case v.UnknownBefore && v.Open:
		case v.UnknownBefore:
			if len(arr) < n {
				mismatch("deepseekvet says at least %d elements end it, the SDK sent %d", n, len(arr))
				return
			}
			for i, e := range v.Elems {
				compareWire(fmt.Sprintf("%s[%d]", path, len(arr)-n+i), e, arr[len(arr)-n+i], bad)
			}
		default:
			if len(arr) < n || !v.Open && len(arr) != n {
				mismatch("deepseekvet says %d elements, the SDK sent %d", n, len(arr))
				return
			}
			for i, e := range v.Elems {
				compareWire(fmt.Sprintf("%s[%d]", path, i), e, arr[i], bad)
			}
		}
	case String:
		if s, ok := got.(string); !ok || s != v.Const.(string) {
			mismatch("deepseekvet says %q, the SDK sent %s", v.Const, wireText(got))
		}
	case Bool:
		if b, ok := got.(bool); !ok || b != v.Const.(bool) {
			mismatch("deepseekvet says %v, the SDK sent %s", v.Const, wireText(got))
		}
	case Number:
		want, _ := strconv.ParseFloat(string(v.Const.(json.Number)), 64)
		n, ok := got.(json.Number)
		f, err := n.Float64()
		if !ok || err != nil || f != want {
			mismatch("deepseekvet says %s, the SDK sent %s", v.Const, wireText(got))
		}
	case Null:
		if got != nil {
			mismatch("deepseekvet says null, the SDK sent %s", wireText(got))
		}
	}
}

func wireType(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case json.Number:
		if _, err := v.Int64(); err == nil {
			return "integer"
		}
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "value"
}

func wireText(v any) string {
	b, _ := json.Marshal(v)
	if len(b) > 120 {
		return string(b[:117]) + "..."
	}
	return string(b)
}
