// Package driver is the deepseekvet command: the go vet / go fix protocol handed to
// x/tools untouched, and a standalone driver with text, JSON, SARIF and GitHub
// output and -fix.
//
// Exit codes of the standalone driver:
//
//	0  no findings; or -format=json|sarif, whose readers decide what findings mean;
//	   or -fix applied the fixes
//	1  a package did not load or type-check, or the analysis failed (the message
//	   names the package, the file and the problem); output is still written for
//	   the packages that were analysed
//	2  a bad flag or flag value, or no packages named
//	3  findings, with -format=text or -format=github (as x/tools' checker);
//	   or -diff printed a diff
package driver

import (
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/deepseekvet/deepseekvet/analyzer"
	"github.com/deepseekvet/deepseekvet/schema"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/singlechecker"
	"golang.org/x/tools/go/packages"
)

// Main runs the command and exits. It looks at the arguments before any flag is
// registered: go vet's and go fix's protocol goes to singlechecker.Main.
func Main(a *analysis.Analyzer) {
	if ToolProtocol(os.Args[1:]) {
		// go vet -vettool and go fix -fixtool: byte for byte x/tools' protocol,
		// including -V=full's "devel … buildID=" line that keys go vet's cache.
		singlechecker.Main(a)
		return
	}
	os.Exit(Run(os.Stdout, os.Stderr, os.Args[1:], a))
}

// ToolProtocol reports whether the arguments are go vet's or go fix's: -flags,
// -V or -V=full, or a unit's .cfg file as the last argument.
func ToolProtocol(args []string) bool {
	for _, arg := range args {
		if !strings.HasPrefix(arg, "-") {
			continue
		}
		name := strings.TrimLeft(arg, "-")
		if name == "flags" || name == "V" || strings.HasPrefix(name, "V=") {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// Exit codes, as x/tools' checker uses them.
const (
	exitOK       = 0
	exitError    = 1
	exitUsage    = 2
	exitFindings = 3
)

// Finding is one diagnostic, resolved to file positions. It is also the element
// of -format=json's array.
type Finding struct {
	File      string `json:"file"` // relative to the working directory, with forward slashes
	Line      int    `json:"line"`
	Column    int    `json:"column"` // in bytes, 1-based, as Go reports columns
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	Rule      string `json:"rule"`
	Severity  string `json:"severity"` // error or warning, from the rule catalogue
	Message   string `json:"message"`
	URL       string `json:"url"`
	Fixes     []Fix  `json:"fixes"`

	abs string // absolute file name
}

// Fix is a suggested fix.
type Fix struct {
	Message string `json:"message"`
	Edits   []Edit `json:"edits"`
}

// Edit replaces a range of a file.
type Edit struct {
	File        string `json:"file"`
	StartLine   int    `json:"start_line"`
	StartColumn int    `json:"start_column"`
	EndLine     int    `json:"end_line"`
	EndColumn   int    `json:"end_column"`
	NewText     string `json:"new_text"`

	abs        string // absolute file name, as reported
	parsed     string // the file that was parsed, which -fix edits
	start, end int    // byte offsets in parsed
	size       int    // parsed's size when it was loaded
	generated  bool   // parsed is generated (or mapped by //line): never edit it
}

// options are the driver's own flags.
type options struct {
	format  string
	fix     bool
	diff    bool
	tests   bool
	tags    string
	srcroot string
	debug   string
	verbose bool
}

// Run is the standalone driver; it returns the exit code.
func Run(stdout, stderr io.Writer, args []string, a *analysis.Analyzer) int {
	var opt options
	var info infoFlags
	fs := flag.NewFlagSet("deepseekvet", flag.ContinueOnError)
	fs.StringVar(&opt.format, "format", "text", "output format: text (file:line:col: severity: message, on standard error), json, sarif (SARIF 2.1.0) or github (workflow commands for annotations)")
	fs.BoolVar(&opt.fix, "fix", false, "apply the first suggested fix of each finding (never in generated files) instead of reporting")
	fs.BoolVar(&opt.diff, "diff", false, "with -fix (implied), print the fixes as a unified diff instead of applying them")
	fs.BoolVar(&opt.tests, "test", true, "also check test files")
	fs.StringVar(&opt.tags, "tags", "", "comma-separated build tags")
	fs.StringVar(&opt.srcroot, "srcroot", "", "directory that SARIF URIs and GitHub annotation paths are relative to, normally the repository root (default: the working directory)")
	fs.StringVar(&opt.debug, "debug", "", "debug output: t prints each analysis step's time (p: run them one at a time), as x/tools' -debug does")
	fs.BoolVar(&opt.verbose, "v", false, "print every payload candidate found, the endpoint it was bound to and why, or why it was skipped, then a summary")
	fs.BoolVar(&info.version, "version", false, "print the version and the contract's date and digest, and exit")
	fs.BoolVar(&info.listRules, "list-rules", false, "list the rules (ID, severity, title) and exit")
	fs.StringVar(&info.explain, "explain", "", "print the documentation of a rule (-explain=DS501) and exit")
	// The analyzer's own flags (-severity, -enable, -disable, -schema-dir,
	// -schema-sha256), unprefixed as singlechecker names them, so that both modes
	// take the same flags.
	a.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
	if len(args) > 0 && args[0] == "help" {
		return help(stdout, stderr, fs, args[1:])
	}
	// The flag package would print the usage after every error; print the error
	// alone, and where to find the usage.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(stdout, fs)
			return exitOK
		}
		fmt.Fprintf(stderr, "deepseekvet: %v\nrun deepseekvet -h (or deepseekvet help) for usage\n", err)
		return exitUsage
	}
	switch opt.format {
	case "text", "json", "sarif", "github":
	default:
		fmt.Fprintf(stderr, "deepseekvet: -format=%s: want text, json, sarif or github\n", opt.format)
		return exitUsage
	}
	if bad := strings.Trim(opt.debug, "tp"); bad != "" {
		fmt.Fprintf(stderr, "deepseekvet: -debug=%s: unknown letters %q; t prints times, p runs steps one at a time (-v prints the payload candidates)\n", opt.debug, bad)
		return exitUsage
	}
	if code, done := info.run(stdout, stderr, a); done {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintf(stderr, "deepseekvet: no packages named; try deepseekvet ./...\n")
		return exitUsage
	}
	opt.fix = opt.fix || opt.diff
	acfg, contract, err := checkConfig(a)
	if err != nil {
		fmt.Fprintf(stderr, "deepseekvet: %v\n", err)
		return exitUsage
	}
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(stderr, "deepseekvet: %v\n", err)
		return exitError
	}
	root := wd
	if opt.srcroot != "" {
		if root, err = filepath.Abs(opt.srcroot); err != nil {
			fmt.Fprintf(stderr, "deepseekvet: -srcroot: %v\n", err)
			return exitUsage
		}
	}

	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Tests: opt.tests}
	if opt.tags != "" {
		cfg.BuildFlags = []string{"-tags=" + opt.tags}
	}
	pkgs, err := packages.Load(cfg, fs.Args()...)
	if err != nil {
		fmt.Fprintf(stderr, "deepseekvet: %v\n", err)
		return exitError
	}
	problems := loadErrors(wd, pkgs)
	for _, p := range problems {
		fmt.Fprintf(stderr, "deepseekvet: %s\n", p)
	}
	for _, pattern := range unmatched(wd, fs.Args(), pkgs, problems) {
		fmt.Fprintf(stderr, "deepseekvet: warning: pattern %s matched no packages\n", pattern)
	}
	if len(pkgs) == 0 {
		fmt.Fprintf(stderr, "deepseekvet: no packages to check\n")
		return exitError
	}
	var trace *tracer
	if opt.verbose {
		trace = newTracer(wd, pkgs)
		acfg.Trace = trace.add
	}
	run, err := analyzer.New(acfg)
	if err != nil {
		fmt.Fprintf(stderr, "deepseekvet: %v\n", err)
		return exitUsage
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{run}, pkgs, &checker.Options{Sequential: strings.Contains(opt.debug, "p")})
	if err != nil {
		fmt.Fprintf(stderr, "deepseekvet: %v\n", err)
		return exitError
	}
	findings, analysisErrs := collect(wd, graph, contract, len(problems) > 0)
	for _, p := range analysisErrs {
		fmt.Fprintf(stderr, "deepseekvet: %s\n", p)
	}
	problems = append(problems, analysisErrs...)
	failed := len(problems) > 0 || hasErrors(graph)
	if strings.Contains(opt.debug, "t") {
		printTimes(stderr, graph)
	}
	if trace != nil {
		trace.print(stderr, findings)
	}

	if opt.fix {
		res, err := applyFixes(findings, stdout, opt.diff)
		if err != nil {
			fmt.Fprintf(stderr, "deepseekvet: -fix: %v\n", err)
			return exitError
		}
		if msg := res.summary(opt.diff); msg != "" {
			fmt.Fprintf(stderr, "deepseekvet: %s\n", msg)
		}
		switch {
		case failed:
			return exitError
		case opt.diff && res.applied > 0:
			return exitFindings
		}
		return exitOK
	}

	switch opt.format {
	case "text":
		for _, f := range findings {
			fmt.Fprintf(stderr, "%s:%d:%d: %s: %s\n", f.File, f.Line, f.Column, f.Severity, f.Message)
		}
	case "github":
		writeGitHub(stdout, root, findings)
	case "json":
		err = writeJSON(stdout, findings)
	case "sarif":
		err = writeSARIF(stdout, root, contract, findings, problems)
	}
	switch {
	case err != nil:
		fmt.Fprintf(stderr, "deepseekvet: writing %s: %v\n", opt.format, err)
		return exitError
	case failed:
		return exitError
	case len(findings) > 0 && (opt.format == "text" || opt.format == "github"):
		return exitFindings
	}
	// With json and sarif the findings are the output, and the exit code says only
	// whether the run worked, as staticcheck and x/tools' -json do.
	return exitOK
}

// checkConfig reads the analyzer's configuration from its flags and rejects a bad
// one once, before loading; it returns the configuration and the contract the
// analyzer will use.
func checkConfig(a *analysis.Analyzer) (analyzer.Config, *schema.Contract, error) {
	get := func(name string) string {
		if f := a.Flags.Lookup(name); f != nil {
			return f.Value.String()
		}
		return ""
	}
	list := func(name string) []string {
		var ids []string
		for _, id := range strings.Split(get(name), ",") {
			if id != "" {
				ids = append(ids, id)
			}
		}
		return ids
	}
	cfg := analyzer.Config{
		Severity: get("severity"), SchemaDir: get("schema-dir"), SchemaSHA256: get("schema-sha256"),
		Enable: list("enable"), Disable: list("disable"),
	}
	if _, err := analyzer.New(cfg); err != nil {
		return cfg, nil, err
	}
	c, err := contractOf(cfg)
	return cfg, c, err
}

func contractOf(cfg analyzer.Config) (*schema.Contract, error) {
	if cfg.SchemaDir != "" {
		return schema.Load(cfg.SchemaDir)
	}
	return schema.Default()
}

// loadErrors lists the packages that do not load or type-check, naming the file
// and the problem; the analysis would be wrong on them.
func loadErrors(wd string, pkgs []*packages.Package) []string {
	var out []string
	seen := map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			msg := e.Error()
			if seen[msg] {
				continue // a package and its test variant share files
			}
			seen[msg] = true
			out = append(out, p.PkgPath+": "+strings.ReplaceAll(msg, wd+string(filepath.Separator), ""))
		}
		if p.Module != nil && p.Module.Error != nil && !seen[p.Module.Error.Err] {
			seen[p.Module.Error.Err] = true
			out = append(out, p.Module.Path+": "+p.Module.Error.Err)
		}
	})
	return out
}

// hasErrors reports whether any root action failed.
func hasErrors(graph *checker.Graph) bool {
	for _, act := range graph.Roots {
		if act.Err != nil {
			return true
		}
	}
	return false
}

// collect gathers the diagnostics of the root actions, deduplicated (a package and
// its test variant share files) and sorted by file, position and rule, and the
// analysis errors. When packages failed to load, the errors that only repeat it
// ("analysis skipped due to errors in package", "failed prerequisites") are left
// out.
//
// Positions are reported as go vet reports them, after //line directives, so
// that a cgo file's findings name the file in the repository rather than cgo's
// output in the build cache.
func collect(wd string, graph *checker.Graph, contract *schema.Contract, loadFailed bool) ([]*Finding, []string) {
	var errs []string
	seen := map[string]bool{}
	generated := map[string]bool{}
	for _, act := range graph.Roots {
		for _, f := range act.Package.Syntax {
			if tf := act.Package.Fset.File(f.FileStart); tf != nil {
				generated[tf.Name()] = ast.IsGenerated(f)
			}
		}
	}
	var out []*Finding
	for _, act := range graph.Roots {
		if act.Err != nil {
			msg := act.Err.Error()
			if loadFailed && (strings.Contains(msg, "analysis skipped due to errors in package") || strings.HasPrefix(msg, "failed prerequisites")) {
				continue
			}
			msg = act.Package.PkgPath + ": " + msg
			if !seen[msg] {
				seen[msg] = true
				errs = append(errs, msg)
			}
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			start := fset.Position(d.Pos)
			end := start
			if d.End.IsValid() && d.End >= d.Pos {
				end = fset.Position(d.End)
			}
			key := fmt.Sprintf("%s:%d:%d:%d:%d:%s:%s", start.Filename, start.Line, start.Column, end.Line, end.Column, d.Category, d.Message)
			if seen[key] {
				continue
			}
			seen[key] = true
			f := &Finding{
				File: rel(wd, start.Filename), abs: start.Filename,
				Line: start.Line, Column: start.Column, EndLine: end.Line, EndColumn: end.Column,
				Rule: d.Category, Severity: "warning", Message: d.Message, URL: d.URL,
				Fixes: []Fix{},
			}
			if r := contract.Rule(d.Category); r != nil {
				f.Severity = r.Severity
			}
			for _, sf := range d.SuggestedFixes {
				fx := Fix{Message: sf.Message, Edits: []Edit{}}
				for _, te := range sf.TextEdits {
					tf := fset.File(te.Pos)
					if tf == nil {
						continue
					}
					endPos := te.End
					if !endPos.IsValid() || endPos < te.Pos {
						endPos = te.Pos
					}
					s, e := fset.Position(te.Pos), fset.Position(endPos)
					fx.Edits = append(fx.Edits, Edit{
						File: rel(wd, s.Filename), abs: s.Filename,
						StartLine: s.Line, StartColumn: s.Column, EndLine: e.Line, EndColumn: e.Column,
						NewText: string(te.NewText),
						// -fix edits the file that was parsed; one whose positions
						// a //line directive maps elsewhere (cgo's output, for
						// one) is generated, and never edited.
						parsed: tf.Name(), start: tf.Offset(te.Pos), end: tf.Offset(endPos), size: tf.Size(),
						generated: generated[tf.Name()] || tf.Name() != s.Filename,
					})
				}
				f.Fixes = append(f.Fixes, fx)
			}
			out = append(out, f)
		}
	}
	sortFindings(out)
	return out, errs
}

// sortFindings orders findings by file, line, column and rule, then message, so
// that output is the same on every run.
func sortFindings(fs []*Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		switch {
		case a.File != b.File:
			return a.File < b.File
		case a.Line != b.Line:
			return a.Line < b.Line
		case a.Column != b.Column:
			return a.Column < b.Column
		case a.Rule != b.Rule:
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}

// rel is path relative to dir with forward slashes, or path itself (with forward
// slashes) when it is not below dir.
func rel(dir, path string) string {
	if r, err := filepath.Rel(dir, path); err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(path)
}

// printTimes prints the time of every analysis step, slowest first.
func printTimes(w io.Writer, graph *checker.Graph) {
	var acts []*checker.Action
	for act := range graph.All() {
		acts = append(acts, act)
	}
	sort.Slice(acts, func(i, j int) bool { return acts[i].Duration > acts[j].Duration })
	for _, act := range acts {
		fmt.Fprintf(w, "%s\t%s@%s\n", act.Duration, act.Analyzer.Name, act.Package.PkgPath)
	}
}
