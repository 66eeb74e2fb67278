// Package driver is the deepseekvet command: the go vet / go fix protocol handed to
// x/tools untouched, and a standalone driver with text, JSON, SARIF and GitHub
// output and -fix.
package driver

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/deepseekvet/deepseekvet/schema"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/singlechecker"
	"golang.org/x/tools/go/packages"
)

// Main runs the command and exits.
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
// -V=full, or a unit's .cfg file.
func ToolProtocol(args []string) bool {
	for _, arg := range args {
		name := strings.TrimLeft(arg, "-")
		if strings.HasPrefix(arg, "-") && (name == "flags" || name == "V" || strings.HasPrefix(name, "V=")) {
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

// Finding is one diagnostic, resolved to file positions.
type Finding struct {
	File      string `json:"file"` // relative to the working directory
	Line      int    `json:"line"`
	Column    int    `json:"column"` // bytes, 1-based
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	Rule      string `json:"rule"`
	Severity  string `json:"severity"`
	Message   string `json:"message"`
	URL       string `json:"url"`
	Fixes     []Fix  `json:"fixes,omitempty"`

	abs       string
	generated bool
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

	abs        string
	start, end int // byte offsets
}

// Run is the standalone driver; it returns the exit code.
func Run(stdout, stderr io.Writer, args []string, a *analysis.Analyzer) int {
	fs := flag.NewFlagSet("deepseekvet", flag.ContinueOnError)
	fs.SetOutput(stderr)
	formatFlag := fs.String("format", "text", "output format: text, json, sarif or github")
	fix := fs.Bool("fix", false, "apply the first suggested fix of each finding (never in generated files)")
	tests := fs.Bool("test", true, "also check test files")
	tags := fs.String("tags", "", "comma-separated build tags")
	debug := fs.String("debug", "", "debug output: t prints each analysis step's time (p: run them one at a time), as x/tools' -debug does")
	a.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: deepseekvet [flags] packages...\n       go vet -vettool=$(which deepseekvet) [flags] packages...\n\n%s\n\nflags:\n", a.Doc)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	switch *formatFlag {
	case "text", "json", "sarif", "github":
	default:
		fmt.Fprintf(stderr, "deepseekvet: -format=%s: want text, json, sarif or github\n", *formatFlag)
		return exitUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}

	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Tests: *tests}
	if *tags != "" {
		cfg.BuildFlags = []string{"-tags=" + *tags}
	}
	pkgs, err := packages.Load(cfg, fs.Args()...)
	if err != nil {
		fmt.Fprintf(stderr, "deepseekvet: %v\n", err)
		return exitError
	}
	if n := printLoadErrors(stderr, pkgs); n > 0 {
		return exitError
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, &checker.Options{Sequential: strings.Contains(*debug, "p")})
	if err != nil {
		fmt.Fprintf(stderr, "deepseekvet: %v\n", err)
		return exitError
	}
	findings, failed := collect(stderr, graph)
	if strings.Contains(*debug, "t") {
		printTimes(stderr, graph)
	}

	if *fix {
		if err := applyFixes(findings); err != nil {
			fmt.Fprintf(stderr, "deepseekvet: -fix: %v\n", err)
			return exitError
		}
		if failed {
			return exitError
		}
		return exitOK
	}

	switch *formatFlag {
	case "text":
		for _, f := range findings {
			fmt.Fprintf(stderr, "%s:%d:%d: %s\n", f.File, f.Line, f.Column, f.Message)
		}
	case "github":
		writeGitHub(stdout, findings)
	case "json":
		writeJSON(stdout, findings)
	case "sarif":
		if err := writeSARIF(stdout, findings); err != nil {
			fmt.Fprintf(stderr, "deepseekvet: %v\n", err)
			return exitError
		}
	}
	switch {
	case failed:
		return exitError
	case len(findings) > 0 && (*formatFlag == "text" || *formatFlag == "github"):
		return exitFindings
	}
	// With json and sarif the findings are the output, and the exit code says only
	// whether the run worked, as staticcheck and x/tools do.
	return exitOK
}

// printLoadErrors reports packages that do not load or type-check, naming the
// file and the problem; the analysis would be wrong on them.
func printLoadErrors(w io.Writer, pkgs []*packages.Package) int {
	n := 0
	seen := map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			msg := e.Error()
			if seen[msg] {
				continue
			}
			seen[msg] = true
			fmt.Fprintf(w, "deepseekvet: %s: %s\n", p.PkgPath, relPos(msg))
			n++
		}
	})
	return n
}

func relPos(msg string) string {
	wd, _ := os.Getwd()
	return strings.ReplaceAll(msg, wd+string(filepath.Separator), "")
}

// collect gathers the diagnostics of the root actions, deduplicated (a package and
// its test variant share files) and sorted by file, position and rule.
func collect(stderr io.Writer, graph *checker.Graph) ([]*Finding, bool) {
	contract, _ := schema.Default()
	wd, _ := os.Getwd()
	seen := map[string]bool{}
	failed := false
	var out []*Finding
	for _, act := range graph.Roots {
		if act.Err != nil {
			fmt.Fprintf(stderr, "deepseekvet: %s: %v\n", act.Package.PkgPath, act.Err)
			failed = true
			continue
		}
		fset := act.Package.Fset
		generated := map[string]bool{}
		for _, f := range act.Package.Syntax {
			generated[fset.File(f.Pos()).Name()] = ast.IsGenerated(f)
		}
		for _, d := range act.Diagnostics {
			start, end := fset.Position(d.Pos), fset.Position(d.End)
			if !d.End.IsValid() {
				end = start
			}
			key := fmt.Sprintf("%s:%d:%s:%s", start.Filename, start.Offset, d.Category, d.Message)
			if seen[key] {
				continue
			}
			seen[key] = true
			f := &Finding{
				File: rel(wd, start.Filename), abs: start.Filename,
				Line: start.Line, Column: start.Column, EndLine: end.Line, EndColumn: end.Column,
				Rule: d.Category, Severity: "warning", Message: d.Message, URL: d.URL,
				generated: generated[start.Filename],
			}
			if contract != nil {
				if r := contract.Rule(d.Category); r != nil {
					f.Severity = r.Severity
				}
			}
			for _, sf := range d.SuggestedFixes {
				fx := Fix{Message: sf.Message}
				for _, te := range sf.TextEdits {
					s, e := fset.Position(te.Pos), fset.Position(te.End)
					fx.Edits = append(fx.Edits, Edit{File: rel(wd, s.Filename), abs: s.Filename,
						StartLine: s.Line, StartColumn: s.Column, EndLine: e.Line, EndColumn: e.Column,
						NewText: string(te.NewText), start: s.Offset, end: e.Offset})
				}
				f.Fixes = append(f.Fixes, fx)
			}
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Rule < b.Rule
	})
	return out, failed
}

func rel(wd, path string) string {
	if r, err := filepath.Rel(wd, path); err == nil && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(path)
}

// applyFixes applies the first fix of each finding, file by file, skipping
// generated files and edits that overlap an earlier one, then gofmts the result.
func applyFixes(findings []*Finding) error {
	byFile := map[string][]Edit{}
	for _, f := range findings {
		if len(f.Fixes) == 0 || f.generated {
			continue
		}
		for _, e := range f.Fixes[0].Edits {
			byFile[e.abs] = append(byFile[e.abs], e)
		}
	}
	names := make([]string, 0, len(byFile))
	for name := range byFile {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		edits := byFile[name]
		sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
		src, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		last := 0
		for _, e := range edits {
			if e.start < last || e.end > len(src) {
				continue // overlaps an edit already applied
			}
			buf.Write(src[last:e.start])
			buf.WriteString(e.NewText)
			last = e.end
		}
		buf.Write(src[last:])
		out, err := format.Source(buf.Bytes())
		if err != nil {
			out = buf.Bytes()
		}
		if err := os.WriteFile(name, out, 0o644); err != nil {
			return err
		}
	}
	return nil
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
