package driver_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/deepseekvet/deepseekvet/internal/e2e"
	"github.com/deepseekvet/deepseekvet/internal/testutil"
	"github.com/deepseekvet/deepseekvet/schema"
	"github.com/santhosh-tekuri/jsonschema/v5"
)

// sarifOutput runs -format=sarif on a copy of testdata/drv.
func sarifOutput(t *testing.T) (dir, out string) {
	t.Helper()
	dir = module(t)
	stdout, stderr, code := run(t, dir, "-format=sarif", "./...")
	if code != 0 {
		t.Fatalf("-format=sarif: exit %d, want 0 (findings are the output)\n%s", code, stderr)
	}
	return dir, stdout
}

// sarifSchema compiles the SARIF 2.1.0 JSON Schema kept in testdata (see
// testdata/README.md for where it comes from), with formats asserted.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	data, err := os.ReadFile("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat = true
	if err := c.AddResource("sarif-schema-2.1.0.json", bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSARIFSchema validates the SARIF output, with findings and fixes and with a
// load error, against the SARIF 2.1.0 JSON Schema.
func TestSARIFSchema(t *testing.T) {
	t.Parallel()
	s := sarifSchema(t)
	_, out := sarifOutput(t)
	var v any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(v); err != nil {
		t.Errorf("SARIF output does not validate: %#v", err)
	}

	// A run with notifications and no results validates too.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/broken\n\ngo 1.26.0\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.go"), []byte("package bad\n\nvar x = undefinedThing\n"), 0o644)
	stdout, _, code := run(t, dir, "-format=sarif", "./...")
	if err := json.Unmarshal([]byte(stdout), &v); err != nil || code != 1 {
		t.Fatalf("exit %d, %v\n%s", code, err, stdout)
	}
	if err := s.Validate(v); err != nil {
		t.Errorf("SARIF output with a load error does not validate: %#v", err)
	}

	// The schema does reject what is wrong.
	for name, mutate := range map[string]func(log map[string]any){
		"no version":  func(log map[string]any) { delete(log, "version") },
		"bad level":   func(log map[string]any) { result(log)["level"] = "fatal" },
		"line 0":      func(log map[string]any) { region(log)["startLine"] = 0 },
		"bad kind":    func(log map[string]any) { run0(log)["columnKind"] = "bytes" },
		"unknown key": func(log map[string]any) { result(log)["rule"] = "DS102" },
		"bad uri": func(log map[string]any) {
			run0(log)["originalUriBaseIds"].(map[string]any)["%SRCROOT%"].(map[string]any)["uri"] = "file:///a%zz/"
		},
	} {
		var log map[string]any
		json.Unmarshal([]byte(out), &log)
		mutate(log)
		if err := s.Validate(log); err == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
}

func run0(log map[string]any) map[string]any { return log["runs"].([]any)[0].(map[string]any) }
func result(log map[string]any) map[string]any {
	return run0(log)["results"].([]any)[0].(map[string]any)
}
func region(log map[string]any) map[string]any {
	return result(log)["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)["region"].(map[string]any)
}

type sarifLog struct {
	Schema  string `json:"$schema"`
	Version string
	Runs    []struct {
		ColumnKind         string
		OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
		Tool               struct {
			Driver struct {
				Name, Version, InformationURI string
				Rules                         []struct {
					ID, Name, HelpURI                 string
					ShortDescription, FullDescription struct{ Text string }
					Help                              struct{ Text, Markdown string }
					DefaultConfiguration              struct{ Level string }
				}
			}
		}
		Results []struct {
			RuleID    string
			RuleIndex *int
			Level     string
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI, URIBaseID string }
					Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
				}
			}
			Fixes []struct {
				Description     struct{ Text string }
				ArtifactChanges []struct {
					ArtifactLocation struct{ URI, URIBaseID string }
					Replacements     []struct {
						DeletedRegion   struct{ StartLine, StartColumn, EndLine, EndColumn int }
						InsertedContent struct{ Text string }
					}
				}
			}
		}
	}
}

// TestSARIFContents pins what GitHub code scanning reads: one rule per catalogue
// entry with its help and a docs link that lands on an anchor of docs/rules.md,
// levels from the catalogue, repo-relative URIs, regions in code points, fixes.
func TestSARIFContents(t *testing.T) {
	t.Parallel()
	dir, out := sarifOutput(t)
	var log sarifLog
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	drv := run.Tool.Driver
	if log.Version != "2.1.0" || !strings.HasSuffix(log.Schema, "sarif-schema-2.1.0.json") || len(log.Runs) != 1 ||
		drv.Name != "deepseekvet" || drv.InformationURI != "https://github.com/deepseekvet/deepseekvet" || drv.Version == "" ||
		run.ColumnKind != "unicodeCodePoints" || run.OriginalURIBaseIDs["%SRCROOT%"].URI != "file://"+filepath.ToSlash(dir)+"/" {
		t.Errorf("SARIF header: %+v", log)
	}

	contract, err := schema.Default()
	if err != nil {
		t.Fatal(err)
	}
	docs, err := os.ReadFile(filepath.Join(testutil.Root, "docs", "rules.md"))
	if err != nil {
		t.Fatal(err)
	}
	rules := contract.Rules()
	if len(drv.Rules) != len(rules) {
		t.Fatalf("%d SARIF rules, %d in the catalogue", len(drv.Rules), len(rules))
	}
	for i, r := range rules {
		got := drv.Rules[i]
		anchor := strings.ToLower(r.ID)
		if got.ID != r.ID || got.Name != r.Name || got.ShortDescription.Text != r.Title ||
			!strings.Contains(got.FullDescription.Text, r.DeepSeek) ||
			!strings.Contains(got.Help.Text, r.Fix) || !strings.Contains(got.Help.Markdown, "**Fix:** "+r.Fix) ||
			got.HelpURI != "https://github.com/deepseekvet/deepseekvet/blob/main/docs/rules.md#"+anchor ||
			got.DefaultConfiguration.Level != r.Severity {
			t.Errorf("rule %d: %+v, want %s", i, got, r.ID)
		}
		if !bytes.Contains(docs, []byte(`<a id="`+anchor+`"></a>`)) {
			t.Errorf("%s: helpUri %s names no anchor in docs/rules.md", r.ID, got.HelpURI)
		}
	}

	if len(run.Results) != 5 {
		t.Fatalf("%d results, want 5", len(run.Results))
	}
	for _, r := range run.Results {
		if r.RuleIndex == nil || drv.Rules[*r.RuleIndex].ID != r.RuleID || r.Level != drv.Rules[*r.RuleIndex].DefaultConfiguration.Level {
			t.Errorf("result %s: ruleIndex %v, level %s", r.RuleID, r.RuleIndex, r.Level)
		}
	}
	type region = struct{ StartLine, StartColumn, EndLine, EndColumn int }
	r := run.Results[0]
	loc := r.Locations[0].PhysicalLocation
	if r.RuleID != "DS102" || r.Level != "error" || !strings.HasPrefix(r.Message.Text, `model: model "deepseek-chat" was retired`) ||
		loc.ArtifactLocation.URI != "chat/chat.go" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" ||
		loc.Region != (region{15, 28, 15, 43}) || len(r.Fixes) != 0 {
		t.Errorf("DS102 result: %+v", r)
	}
	// On the line with ¡ and 🌍 before it, Go's byte column 78 is code point 74
	// (it would be 75 in UTF-16 code units).
	r = run.Results[2]
	loc = r.Locations[0].PhysicalLocation
	if r.RuleID != "DS501" || r.Level != "warning" || loc.Region != (region{26, 74, 26, 97}) || len(r.Fixes) != 1 {
		t.Fatalf("DS501 result after multi-byte characters: %+v", r)
	}
	fix := r.Fixes[0]
	if fix.Description.Text != "Rename max_completion_tokens to max_tokens" || len(fix.ArtifactChanges) != 1 ||
		fix.ArtifactChanges[0].ArtifactLocation.URI != "chat/chat.go" || fix.ArtifactChanges[0].ArtifactLocation.URIBaseID != "%SRCROOT%" ||
		fix.ArtifactChanges[0].Replacements[0].DeletedRegion != (region{26, 74, 26, 97}) ||
		fix.ArtifactChanges[0].Replacements[0].InsertedContent.Text != `"max_tokens"` {
		t.Errorf("DS501 fix: %+v", fix)
	}

	// -srcroot makes the URIs relative to another directory, such as the
	// repository root of a module in a subdirectory.
	stdout, _, _ := testutil.Run(t, filepath.Join(dir, "chat"), nil, tool(t), "-format=sarif", "-srcroot=..", ".")
	var sub sarifLog
	json.Unmarshal([]byte(stdout), &sub)
	if len(sub.Runs) != 1 || len(sub.Runs[0].Results) == 0 ||
		sub.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != "chat/chat.go" ||
		sub.Runs[0].OriginalURIBaseIDs["%SRCROOT%"].URI != "file://"+filepath.ToSlash(dir)+"/" {
		t.Errorf("-srcroot=..:\n%s", stdout)
	}
	stdout, _, _ = testutil.Run(t, filepath.Join(dir, "chat"), nil, tool(t), "-format=github", "-srcroot=..", ".")
	if !strings.HasPrefix(stdout, "::error file=chat/chat.go,line=15,col=28,endLine=15,endColumn=43,title=DS102::model: ") {
		t.Errorf("-format=github -srcroot=..:\n%s", stdout)
	}
}

// sarifValidator installs Microsoft's SARIF validator from the npm registry once,
// into the user cache. Without npm, or when the install fails (no access to the
// npm registry), the test skips, or fails under DEEPSEEKVET_E2E=1.
func sarifValidator(t *testing.T) string {
	t.Helper()
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(cache, "deepseekvet-test", "sarif-multitool-5.7.0")
	bin := filepath.Join(dir, "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool")
	if _, err := os.Stat(bin); err != nil {
		npm := e2e.Client(t, "npm", "apt-get install npm, to install @microsoft/sarif-multitool from the npm registry")
		os.MkdirAll(dir, 0o755)
		cmd := exec.Command(npm, "install", "--no-audit", "--no-fund", "--prefix", dir, "@microsoft/sarif-multitool@5.7.0")
		if out, err := cmd.CombinedOutput(); err != nil {
			e2e.Missing(t, fmt.Sprintf("npm install @microsoft/sarif-multitool@5.7.0: %v\n%s", err, out))
		}
	}
	os.Chmod(bin, 0o755) // npm may skip the package's postinstall chmod
	return bin
}

// TestSARIFMultitool checks the SARIF output with Microsoft's validator, with its
// SARIF rules and its GitHub ingestion rules; errors and warnings fail the test
// (notes, such as "the helpUri could not be fetched" on a machine without access
// to GitHub, do not).
func TestSARIFMultitool(t *testing.T) {
	t.Parallel()
	bin := sarifValidator(t)
	_, out := sarifOutput(t)
	tmp := t.TempDir()
	file := filepath.Join(tmp, "out.sarif")
	os.WriteFile(file, []byte(out), 0o644)
	report := filepath.Join(tmp, "validation.sarif")
	cmd := exec.Command(bin, "validate", "--rule-kind", "Sarif;Gh", "--level", "Error;Warning", "--output", report, file)
	cmd.Env = append(os.Environ(), "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1")
	stdout, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(stdout), "Analysis completed successfully") {
		t.Fatalf("SARIF validator: %v\n%s", err, stdout)
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	var val struct {
		Runs []struct {
			Results []struct {
				RuleID  string
				Level   string
				Message struct {
					Text      string
					Arguments []string
				}
			}
		}
	}
	if err := json.Unmarshal(data, &val); err != nil || len(val.Runs) == 0 {
		t.Fatalf("validator report: %v\n%s", err, data)
	}
	for _, r := range val.Runs[0].Results {
		if r.Level == "error" || r.Level == "warning" || r.Level == "" {
			t.Errorf("validator: %s %s %v", r.RuleID, r.Level, r.Message.Arguments)
		}
	}
}
