package driver

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"text/tabwriter"

	"github.com/deepseekvet/deepseekvet/analyzer"
	"github.com/deepseekvet/deepseekvet/internal/ruledoc"
	"github.com/deepseekvet/deepseekvet/schema"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// infoFlags are the flags that print something and exit.
type infoFlags struct {
	version   bool
	listRules bool
	explain   string
}

// run prints what an info flag asks for, with the contract the other flags
// select; done is false when none is set.
func (info infoFlags) run(stdout, stderr io.Writer, a *analysis.Analyzer) (code int, done bool) {
	if !info.version && !info.listRules && info.explain == "" {
		return 0, false
	}
	cfg, c, err := checkConfig(a)
	if err != nil {
		fmt.Fprintf(stderr, "deepseekvet: %v\n", err)
		return exitUsage, true
	}
	switch {
	case info.version:
		fmt.Fprint(stdout, versionText(c))
	case info.listRules:
		listRules(stdout, c, cfg)
	default:
		r := c.Rule(strings.ToUpper(strings.TrimSpace(info.explain)))
		if r == nil {
			fmt.Fprintf(stderr, "deepseekvet: -explain=%s: no such rule; deepseekvet -list-rules lists them\n", info.explain)
			return exitUsage, true
		}
		fmt.Fprint(stdout, explainText(r))
	}
	return exitOK, true
}

// versionText is what -version prints: the module version the binary was built
// from (go install stamps it, with the commit for a build from a clone), the Go
// version, and the contract's date and digest, which -schema-dir changes.
func versionText(c *schema.Contract) string {
	return fmt.Sprintf("deepseekvet %s\ncontract: as of %s, sha256 %s\n", versionLine(), contractDate(c), c.Digest)
}

// contractDate is the date in chat.schema.json's title ("… (contract as of
// 2026-11)").
func contractDate(c *schema.Contract) string {
	title, _ := c.SchemaAt("chat.schema.json#/title").(string)
	if m := regexp.MustCompile(`as of (\d{4}-\d{2}(?:-\d{2})?)`).FindStringSubmatch(title); m != nil {
		return m[1]
	}
	return "unknown date"
}

// versionLine is the module version the binary was built from ("v0.1.0"; a
// pseudo-version with the commit, "+dirty" for uncommitted changes, when built in
// a clone; "devel" and the commit under go run) and the Go version.
func versionLine() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(no build information)"
	}
	v := bi.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel"
		settings := map[string]string{}
		for _, s := range bi.Settings {
			settings[s.Key] = s.Value
		}
		if rev := settings["vcs.revision"]; rev != "" {
			v += " " + rev[:min(len(rev), 12)]
			if settings["vcs.modified"] == "true" {
				v += "+dirty"
			}
		}
	}
	return v + " (" + bi.GoVersion + ")"
}

// listRules prints one line per rule: ID, severity, title, and "(off)" for a rule
// -enable, -disable or -severity turns off.
func listRules(w io.Writer, c *schema.Contract, cfg analyzer.Config) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, r := range c.Rules() {
		off := ""
		if !cfg.Reports(r.ID) || cfg.Severity == "error" && r.Severity != "error" {
			off = "\t(off)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s%s\n", r.ID, r.Severity, r.Title, off)
	}
	tw.Flush()
}

// explainText is a rule's documentation as -explain prints it: the text of its
// section of docs/rules.md and the link to it.
func explainText(r *schema.Rule) string {
	return fmt.Sprintf("%s %s\n\n%s\nDocumentation: %s#%s\n", r.ID, r.Name, ruledoc.Text(r), analyzer.DocsURL, ruledoc.Anchor(r.ID))
}

const usageHead = `deepseekvet checks the DeepSeek API request payloads of Go packages.

usage:
  deepseekvet [flags] packages...                 check packages (./... for the module)
  deepseekvet -fix [-diff] packages...            apply (or show) the certain fixes
  deepseekvet -list-rules | -explain=ID | -version
  deepseekvet help [ID]                           this text, or a rule's documentation
  go vet -vettool=$(which deepseekvet) [-severity=error] [-enable=IDs] [-disable=IDs] packages...
  go fix -fixtool=$(which deepseekvet) [-diff] packages...

`

const usageTail = `
Rules are IDs such as DS501 (deepseekvet -list-rules); -enable and -disable take
IDs or families (DS5xx), comma-separated. Text lines read
file:line:col: error|warning: path: message (RULE).

Exit codes: 0 no findings (always with -format=json or sarif, and after -fix);
1 a package does not load or type-check, or the analysis failed (the other
packages are still checked and reported); 2 a bad flag; 3 findings
(-format=text or github), or -diff printed a diff.

Documentation: https://github.com/deepseekvet/deepseekvet (README.md, docs/rules.md)
`

func usage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprint(w, usageHead, "flags:\n")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	fmt.Fprint(w, usageTail)
}

// help is deepseekvet help [ID].
func help(stdout, stderr io.Writer, fs *flag.FlagSet, args []string) int {
	switch len(args) {
	case 0:
		usage(stdout, fs)
		return exitOK
	case 1:
		c, err := schema.Default()
		if err != nil {
			fmt.Fprintf(stderr, "deepseekvet: %v\n", err)
			return exitError
		}
		if r := c.Rule(strings.ToUpper(args[0])); r != nil {
			fmt.Fprint(stdout, explainText(r))
			return exitOK
		}
	}
	fmt.Fprintf(stderr, "deepseekvet: help %s: unknown topic; deepseekvet help prints the usage, deepseekvet help DS501 a rule's documentation\n", strings.Join(args, " "))
	return exitUsage
}

// unmatched lists the patterns with "..." that matched none of the packages
// loaded (go list only warns about them); other patterns that match nothing fail
// to load and are reported as errors.
func unmatched(wd string, patterns []string, pkgs []*packages.Package, problems []string) []string {
	var out []string
patterns:
	for _, pattern := range patterns {
		if !strings.Contains(pattern, "...") {
			continue
		}
		for _, p := range problems {
			if strings.Contains(p, "pattern "+pattern+":") {
				continue patterns // go list said what is wrong with it
			}
		}
		re, dir := patternRegexp(wd, pattern)
		found := false
		for _, p := range pkgs {
			subject := p.PkgPath
			if dir {
				subject = p.Dir
				if subject == "" && len(p.GoFiles) > 0 {
					subject = filepath.Dir(p.GoFiles[0])
				}
				subject = filepath.ToSlash(subject)
			}
			if re.MatchString(subject) {
				found = true
				break
			}
		}
		if !found {
			out = append(out, pattern)
		}
	}
	return out
}

// patternRegexp compiles a pattern the way the go command matches them: "..."
// matches any string, and a trailing "/..." also the directory itself. A pattern
// that starts with ".", ".." or "/" is a directory pattern, matched against package
// directories; any other is matched against import paths.
func patternRegexp(wd, pattern string) (*regexp.Regexp, bool) {
	dir := pattern == "." || pattern == ".." || strings.HasPrefix(pattern, "./") || strings.HasPrefix(pattern, "../") || filepath.IsAbs(pattern)
	if dir {
		if !filepath.IsAbs(pattern) {
			pattern = filepath.Join(wd, pattern) // Clean leaves "..." alone
		}
		pattern = filepath.ToSlash(pattern)
	}
	re := regexp.QuoteMeta(pattern)
	if rest, ok := strings.CutSuffix(re, `/\.\.\.`); ok {
		re = rest + `(/\.\.\.)?`
	}
	re = strings.ReplaceAll(re, `\.\.\.`, `.*`)
	return regexp.MustCompile(`^` + re + `$`), dir
}

// tracer collects the analyzer's trace events (-v) for the packages named on the
// command line, and prints them in file order.
type tracer struct {
	wd    string
	roots map[string]bool
	mu    sync.Mutex
	seen  map[string]bool
	evs   []analyzer.TraceEvent
}

func newTracer(wd string, pkgs []*packages.Package) *tracer {
	t := &tracer{wd: wd, roots: map[string]bool{}, seen: map[string]bool{}}
	for _, p := range pkgs {
		if p.Name == "main" && strings.HasSuffix(p.PkgPath, ".test") {
			continue // the test main go test generates
		}
		t.roots[p.PkgPath] = true
	}
	return t
}

// add is the analyzer's Config.Trace; passes call it concurrently.
func (t *tracer) add(e analyzer.TraceEvent) {
	if !t.roots[e.Package] {
		return // a dependency, analysed for its facts
	}
	key := fmt.Sprintf("%s\x00%s\x00%d\x00%s\x00%s", e.Package, e.Pos.Filename, e.Pos.Offset, e.What, e.Reason)
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.seen[key] { // a package and its test variant report the same candidates
		t.seen[key] = true
		t.evs = append(t.evs, e)
	}
}

// print writes one line per candidate, in file order, one per package without
// candidates, and a summary.
func (t *tracer) print(w io.Writer, findings []*Finding) {
	t.mu.Lock()
	defer t.mu.Unlock()
	hasSites := map[string]bool{}
	for _, e := range t.evs {
		if e.Pos.IsValid() {
			hasSites[e.Package] = true
		}
	}
	var lines, pkgLines []string
	bound, skipped := 0, 0
	type line struct {
		file      string
		line, col int
		text      string
	}
	var sites []line
	for _, e := range t.evs {
		if !e.Pos.IsValid() {
			if !hasSites[e.Package] {
				pkgLines = append(pkgLines, fmt.Sprintf("deepseekvet: -v: package %s: %s", e.Package, e.Reason))
			}
			continue
		}
		verdict := "skipped: " + e.Reason
		if e.Endpoint != "" {
			verdict = "checked against " + analyzer.EndpointName(e.Endpoint) + ": " + e.Reason
			bound++
		} else {
			skipped++
		}
		file := rel(t.wd, e.Pos.Filename)
		sites = append(sites, line{file, e.Pos.Line, e.Pos.Column, fmt.Sprintf("%s:%d:%d: -v: %s: %s", file, e.Pos.Line, e.Pos.Column, e.What, verdict)})
	}
	sort.SliceStable(sites, func(i, j int) bool {
		a, b := sites[i], sites[j]
		if a.file != b.file {
			return a.file < b.file
		}
		if a.line != b.line {
			return a.line < b.line
		}
		return a.col < b.col
	})
	sort.Strings(pkgLines)
	for _, s := range sites {
		lines = append(lines, s.text)
	}
	lines = append(lines, pkgLines...)
	lines = append(lines, fmt.Sprintf("deepseekvet: -v: %s: %d checked, %d skipped; %s",
		plural(bound+skipped, "payload candidate", "payload candidates"), bound, skipped, plural(len(findings), "finding", "findings")))
	fmt.Fprintln(w, strings.Join(lines, "\n"))
}
