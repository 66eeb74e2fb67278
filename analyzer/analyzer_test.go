package analyzer_test

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/deepseekvet/deepseekvet/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestAnalyzer checks every rule's findings (// want comments) and, where a fix is
// certain, the fixed source (*.go.golden).
func TestAnalyzer(t *testing.T) {
	for _, pkg := range []string{"maps", "structs", "jsontext", "incremental", "endpoints"} {
		t.Run(pkg, func(t *testing.T) {
			t.Parallel()
			analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), analyzer.Analyzer, pkg)
		})
	}
	for _, pkg := range []string{"silent", "suppress", "app", "llm", "oai", "flow", "flowmain", "dsclient", "dsapp", "compat", "dsprov", "oaiprov", "multillm", "multiapp", "registry", "baseclient", "dsprovider", "dsuser", "multicli", "sessions", "sessionapp", "rolelib", "roleapp", "histlib", "histmid", "histapp", "scanlib", "scanapp", "envconfig", "envclient"} {
		t.Run(pkg, func(t *testing.T) {
			t.Parallel()
			analysistest.Run(t, analysistest.TestData(), analyzer.Analyzer, pkg)
		})
	}
}

// TestSeverityError reports only what DeepSeek rejects.
func TestSeverityError(t *testing.T) {
	a, err := analyzer.New(analyzer.Config{Severity: "error"})
	if err != nil {
		t.Fatal(err)
	}
	results := analysistest.Run(t, analysistest.TestData(), a, "severity")
	var rules []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if strings.HasPrefix(d.Category, "DS5") {
				t.Errorf("warning %s reported with severity error: %s", d.Category, d.Message)
			}
			rules = append(rules, d.Category)
		}
	}
	if strings.Join(rules, " ") != "DS105" {
		t.Errorf("errors missing with severity error: %v", rules)
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	for _, tc := range []struct {
		cfg  analyzer.Config
		want string
	}{
		{analyzer.Config{Severity: "loud"}, `severity "loud": want warning or error`},
		{analyzer.Config{SchemaSHA256: "abc"}, "schema-sha256 is set but schema-dir is not"},
		{analyzer.Config{SchemaDir: "testdata/nonexistent", SchemaSHA256: "x"}, "schema-dir: stat testdata/nonexistent: no such file or directory"},
	} {
		_, err := analyzer.New(tc.cfg)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New(%+v) = %v, want an error containing %q", tc.cfg, err, tc.want)
		}
	}
}

// TestSDKs runs the analyzer over code using the real SDK modules from the Go module
// proxy (testdata/sdk/go.mod pins them).
func TestSDKs(t *testing.T) {
	if testing.Short() {
		t.Skip("loads SDK modules")
	}
	dir := filepath.Join(analysistest.TestData(), "sdk")
	// analysistest loads with GOPROXY=off: fetch the pinned SDKs first.
	download := exec.Command("go", "mod", "download")
	download.Dir = dir
	if out, err := download.CombinedOutput(); err != nil {
		t.Fatalf("go mod download in testdata/sdk: %v\n%s", err, out)
	}
	for _, pkg := range []string{"./goopenai", "./deepseekgo", "./openaigo", "./anthropicsdk", "./langchain"} {
		t.Run(pkg, func(t *testing.T) {
			t.Parallel()
			analysistest.RunWithSuggestedFixes(t, dir, analyzer.Analyzer, pkg)
		})
	}
}
