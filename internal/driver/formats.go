package driver

import (
	"encoding/json"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

// writeJSON prints the findings as one JSON array ([] when there are none).
func writeJSON(w io.Writer, findings []*Finding) error {
	if findings == nil {
		findings = []*Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(findings)
}

// githubAnnotationLimit is how many annotations of one level GitHub shows for a
// step; the rest are only in the log.
const githubAnnotationLimit = 10

// writeGitHub prints GitHub Actions workflow commands, one annotation per finding
// (::error for error rules, ::warning for warning rules), with paths relative to
// root, and a summary line.
func writeGitHub(w io.Writer, root string, findings []*Finding) {
	counts := map[string]int{}
	for _, f := range findings {
		level := githubLevel(f.Severity)
		counts[level]++
		fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			level, escapeProperty(rel(root, f.abs)), f.Line, f.Column, f.EndLine, f.EndColumn,
			escapeProperty(f.Rule), escapeData(f.Message))
	}
	summary := fmt.Sprintf("deepseekvet: %s (%s, %s)", plural(len(findings), "finding", "findings"),
		plural(counts["error"], "error", "errors"), plural(counts["warning"], "warning", "warnings"))
	if counts["error"] > githubAnnotationLimit || counts["warning"] > githubAnnotationLimit {
		summary += fmt.Sprintf("; GitHub annotates only the first %d of each level, the log above lists them all", githubAnnotationLimit)
	}
	fmt.Fprintln(w, summary)
}

func githubLevel(severity string) string {
	if severity == "error" {
		return "error"
	}
	return "warning"
}

// escapeData and escapeProperty follow GitHub's workflow command encoding
// (@actions/core, command.ts): in the message % CR LF are percent-encoded, in
// property values : and , too.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// Version is the module version the binary was built from, without its "v"
// (SARIF wants a version that starts with a number); "0.0.0-devel" in a checkout.
func Version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return strings.TrimPrefix(bi.Main.Version, "v")
	}
	return "0.0.0-devel"
}
