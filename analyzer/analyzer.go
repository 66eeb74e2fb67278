package analyzer

import (
	_ "embed"
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/deepseekvet/deepseekvet/schema"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

//go:embed doc.go
var doc string

// DocsURL is where every rule is documented; a rule's section is DocsURL#<id>.
const DocsURL = "https://github.com/deepseekvet/deepseekvet/blob/main/docs/rules.md"

// Config configures an analyzer. The zero value checks everything against the
// embedded contract.
type Config struct {
	// Severity is the lowest severity reported: "warning" (default) or "error".
	Severity string `json:"severity,omitempty"`
	// SchemaDir, if set, loads a newer contract from this directory. SchemaSHA256
	// must then hold the contract's digest, so that go vet's cache, which keys on
	// flags but not on files, never replays results computed from other files.
	SchemaDir    string `json:"schema-dir,omitempty"`
	SchemaSHA256 string `json:"schema-sha256,omitempty"`
	// Enable, when set, reports only these rules; Disable never reports these.
	// Each entry is a rule ID (DS501) or a family (DS5xx); an ID the contract
	// does not know is an error.
	Enable  []string `json:"enable,omitempty"`
	Disable []string `json:"disable,omitempty"`
	// Trace, when set, receives what the analyzer decided about every payload
	// candidate and why (deepseekvet -v). It is called from concurrent passes.
	Trace func(TraceEvent) `json:"-"`
}

// Analyzer checks DeepSeek payloads against the embedded contract; its flags mirror
// Config.
var Analyzer = newAnalyzer(&Config{}, true)

// New returns an analyzer for a configuration. A bad configuration is an error
// that names the problem.
func New(cfg Config) (*analysis.Analyzer, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if _, err := cfg.contract(); err != nil {
		return nil, err
	}
	return newAnalyzer(&cfg, false), nil
}

func newAnalyzer(cfg *Config, withFlags bool) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:             "deepseekvet",
		Doc:              docText(),
		URL:              DocsURL,
		Requires:         []*analysis.Analyzer{inspect.Analyzer},
		FactTypes:        []analysis.Fact{new(boundFact), new(sinkFact), new(constFact), new(bodiesFact), new(returnsFact), new(fieldConstsFact)},
		RunDespiteErrors: false,
		Run:              func(pass *analysis.Pass) (any, error) { return run(cfg.filtered(pass), cfg) },
	}
	if withFlags {
		cfg.Severity = "warning"
		a.Flags.Var((*severityFlag)(&cfg.Severity), "severity", "lowest severity reported: warning or error")
		a.Flags.Var((*dirFlag)(&cfg.SchemaDir), "schema-dir", "directory with a newer contract (any of "+strings.Join(schema.FileNames(), ", ")+"; the others stay embedded); needs -schema-sha256")
		a.Flags.Var((*digestFlag)(&cfg.SchemaSHA256), "schema-sha256", "SHA-256 digest of the -schema-dir contract (64 hex digits), as the error for a wrong one prints it")
		a.Flags.Var((*ruleListFlag)(&cfg.Enable), "enable", "report only these rules: comma-separated IDs (DS102,DS104) or families (DS1xx)")
		a.Flags.Var((*ruleListFlag)(&cfg.Disable), "disable", "never report these rules: comma-separated IDs (DS501) or families (DS5xx)")
	}
	return a
}

// severityFlag rejects a bad value when flags are parsed, so that neither go vet's
// cache nor a per-package error hides it.
type severityFlag string

func (f *severityFlag) String() string { return string(*f) }

func (f *severityFlag) Set(v string) error {
	if v != "warning" && v != "error" {
		return fmt.Errorf("want warning or error")
	}
	*f = severityFlag(v)
	return nil
}

// dirFlag is -schema-dir: an empty directory name is an error rather than the
// embedded contract.
type dirFlag string

func (f *dirFlag) String() string { return string(*f) }

func (f *dirFlag) Set(v string) error {
	if strings.TrimSpace(v) == "" {
		return errors.New("empty directory name (leave the flag out to use the embedded contract)")
	}
	*f = dirFlag(v)
	return nil
}

// digestFlag is -schema-sha256: 64 hex digits.
type digestFlag string

func (f *digestFlag) String() string { return string(*f) }

func (f *digestFlag) Set(v string) error {
	if err := checkDigest(v); err != nil {
		return err
	}
	*f = digestFlag(v)
	return nil
}

func checkDigest(v string) error {
	if len(v) != 64 || strings.Trim(strings.ToLower(v), "0123456789abcdef") != "" {
		return fmt.Errorf("%q is not a SHA-256 digest: want 64 hex digits (the error for a wrong digest prints the right one)", v)
	}
	return nil
}

func (cfg *Config) validate() error {
	switch cfg.Severity {
	case "", "warning", "error":
	default:
		return fmt.Errorf("severity %q: want warning or error", cfg.Severity)
	}
	if cfg.SchemaSHA256 != "" && cfg.SchemaDir == "" {
		return errors.New("schema-sha256 is set but schema-dir is not")
	}
	return nil
}

// contract loads the configured contract: the embedded one, compiled once per
// process, or the override directory checked against its digest.
func (cfg *Config) contract() (*schema.Contract, error) {
	if len(cfg.Enable)+len(cfg.Disable) > 0 {
		c, err := cfg.loadContract()
		if err == nil {
			err = cfg.checkRules(c)
		}
		return c, err
	}
	return cfg.loadContract()
}

func (cfg *Config) loadContract() (*schema.Contract, error) {
	if cfg.SchemaDir == "" {
		return schema.Default()
	}
	c, err := loadOverride(cfg.SchemaDir)
	if err != nil {
		return nil, fmt.Errorf("schema-dir: %v", err)
	}
	if !strings.EqualFold(cfg.SchemaSHA256, c.Digest) {
		return nil, fmt.Errorf("schema-dir %s has digest %s; pass -schema-sha256=%s (go vet caches results by flags, so the digest must change with the files)", cfg.SchemaDir, c.Digest, c.Digest)
	}
	return c, nil
}

var (
	overridesMu sync.Mutex
	overrides   = map[string]overrideResult{}
)

type overrideResult struct {
	c   *schema.Contract
	err error
}

// loadOverride compiles a contract directory once per process.
func loadOverride(dir string) (*schema.Contract, error) {
	overridesMu.Lock()
	defer overridesMu.Unlock()
	r, ok := overrides[dir]
	if !ok {
		r.c, r.err = schema.Load(dir)
		overrides[dir] = r
	}
	return r.c, r.err
}

// docText is the analyzer's Doc: the package comment of doc.go.
func docText() string {
	text := doc
	if i := strings.Index(text, "/*"); i >= 0 {
		text = text[i+2:]
	}
	if i := strings.Index(text, "*/"); i >= 0 {
		text = text[:i]
	}
	text = strings.TrimSpace(text)
	text = strings.TrimPrefix(text, "Package analyzer defines the deepseekvet analyzer.")
	return strings.TrimSpace(text)
}

// panicHook lets a test make the pass panic.
var panicHook func(*analysis.Pass)

// run is the whole pass: find payload sites, decide which go to DeepSeek, lower
// them to partial JSON, validate against the contract, report.
func run(pass *analysis.Pass, cfg *Config) (_ any, err error) {
	defer func() {
		// A bug here must not take down go vet's run over every other package.
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error analysing package %s: %v (please report it with this message)\n%s", pass.Pkg.Path(), p, debug.Stack())
		}
	}()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if panicHook != nil {
		panicHook(pass)
	}
	if !sdkPackage(pass.Pkg.Path()) {
		exportReturnFacts(pass) // base packages hold no payload but hand their importers models
	}
	if sdkPackage(pass.Pkg.Path()) || !mayHoldPayload(pass) {
		cfg.tracePackage(pass, "no payload candidates: the package imports neither encoding/json, net/http nor an SDK deepseekvet knows, mentions no DeepSeek URL or model, has no //deepseekvet: directive and no fact binds it")
		return nil, nil
	}
	contract, err := cfg.contract()
	if err != nil {
		return nil, err
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	r := newReporter(pass, contract, cfg)
	bind := newBinder(pass, ins, contract)
	r.flow = bind.flow
	sinks := sinkRecorder{}
	bodies := &bodyRecorder{}
	bind.exportFacts()
	sites := findSites(pass, ins, bind.flow)
	if len(sites) == 0 {
		cfg.tracePackage(pass, "no payload candidates: no map literal, tagged struct literal or JSON text carries a chat, FIM or messages request's keys")
	}
	// Where each payload goes, first: the values other providers' requests read
	// are judged differently where importers set them.
	targets := make([]schema.Endpoint, len(sites))
	bound := make([]bool, len(sites))
	others := otherReads{}
	for i, site := range sites {
		targets[i], bound[i] = bind.target(site)
		cfg.traceSite(bind, site, targets[i], bound[i])
		if !bound[i] && site.elsewhere {
			others.add(r, site)
			r.sentElsewhere(namedOf(site.typ))
		}
	}
	for i, site := range sites {
		if !bound[i] {
			bodies.addOpen(r, bind, site)
			continue
		}
		target := targets[i]
		r.check(site, target)
		sinks.record(r, site, target, others)
		bodies.add(r, site, target, others)
		if tn := namedOf(site.typ); tn != nil && tn.Pkg() == pass.Pkg {
			r.checkType(tn, target, site.shared)
		}
	}
	// Payload types this package binds are checked here even when the literals
	// that fill them live in other packages.
	for _, tn := range bind.boundPayloadTypes() {
		cfg.traceType(pass, tn, bind.endpointOf(tn))
		r.checkType(tn, bind.endpointOf(tn), false)
		sinks.checkFields(r, bind.flow, tn, bind.endpointOf(tn))
	}
	r.checkImportedSinks(bind.flow, sinks)
	sinks.export(r)
	r.checkImportedBodies(bind, bodies)
	bodies.export(pass)
	exportConstFacts(pass)
	exportFieldConsts(pass, ins, bind.flow, bind.boundPayloadTypes())
	r.flush()
	return nil, nil
}

// mayHoldPayload is the cheap prefilter: a package can hold or bind a payload only
// if it builds JSON or HTTP requests, mentions DeepSeek in a string, carries a
// directive, or imports a package that has bindings.
func mayHoldPayload(pass *analysis.Pass) bool {
	for _, imp := range pass.Pkg.Imports() {
		switch path := imp.Path(); {
		case path == "encoding/json" || path == "net/http":
			return true
		case mayBeSDKPackage(path) && sdkPackages()[path]:
			return true
		}
	}
	for _, f := range pass.Files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if strings.HasPrefix(c.Text, "//deepseekvet:") {
					return true
				}
			}
		}
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	found := false
	ins.Preorder([]ast.Node{(*ast.BasicLit)(nil)}, func(n ast.Node) {
		if lit := n.(*ast.BasicLit); !found && lit.Kind == token.STRING && containsFold(lit.Value, "deepseek") {
			found = true
		}
	})
	if found {
		return true
	}
	for _, f := range pass.AllObjectFacts() {
		switch fact := f.Fact.(type) {
		case *boundFact:
			if endpointClass(fact.Class)&toDeepSeek != 0 {
				return true
			}
		case *sinkFact:
			return true
		}
	}
	for _, f := range pass.AllPackageFacts() {
		if _, ok := f.Fact.(*bodiesFact); ok {
			return true
		}
	}
	return false
}

// containsFold reports whether s contains the lower-case ASCII word sub in any
// case, without the copy strings.ToLower makes of every literal.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i]|0x20 == sub[0] && strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}
