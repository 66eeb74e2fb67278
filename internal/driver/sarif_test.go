package driver_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// sarifValidator installs Microsoft's SARIF validator from the npm registry once,
// into the user cache.
func sarifValidator(t *testing.T) string {
	t.Helper()
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(cache, "deepseekvet-test", "sarif-multitool-5.7.0")
	bin := filepath.Join(dir, "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool")
	if _, err := os.Stat(bin); err != nil {
		if _, err := exec.LookPath("npm"); err != nil {
			t.Fatal("npm is needed to install @microsoft/sarif-multitool (apt-get install npm; .ci/run does)")
		}
		os.MkdirAll(dir, 0o755)
		cmd := exec.Command("npm", "install", "--no-audit", "--no-fund", "--prefix", dir, "@microsoft/sarif-multitool@5.7.0")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("npm install @microsoft/sarif-multitool: %v\n%s", err, out)
		}
	}
	os.Chmod(bin, 0o755) // npm may skip the package's postinstall chmod
	return bin
}

// TestSARIF checks the SARIF output with Microsoft's validator and pins its
// contents for a known finding.
func TestSARIF(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the tool and installs the SARIF validator")
	}
	stdout, stderr, code := run(t, root, build(t), "-format=sarif", "./testdata/example")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	file := filepath.Join(t.TempDir(), "out.sarif")
	os.WriteFile(file, []byte(stdout), 0o644)

	cmd := exec.Command(sarifValidator(t), "validate", "--output", filepath.Join(t.TempDir(), "validation.sarif"), file)
	cmd.Env = append(os.Environ(), "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1")
	out, err := cmd.CombinedOutput()
	if err != nil || strings.Contains(string(out), ": error ") || !strings.Contains(string(out), "Analysis completed successfully") {
		t.Errorf("SARIF validator: %v\n%s", err, out)
	}
	if strings.Contains(string(out), ": warning ") {
		t.Errorf("SARIF validator warns:\n%s", out)
	}

	var log struct {
		Version string
		Runs    []struct {
			ColumnKind string
			Tool       struct {
				Driver struct {
					Rules []struct{ ID, HelpURI string }
				}
			}
			Results []struct {
				RuleID    string
				Level     string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
						Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
					}
				}
				Fixes []struct{ Description struct{ Text string } }
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if log.Version != "2.1.0" || run.ColumnKind != "unicodeCodePoints" || len(run.Tool.Driver.Rules) < 20 {
		t.Errorf("SARIF header: version %q, columnKind %q, %d rules", log.Version, run.ColumnKind, len(run.Tool.Driver.Rules))
	}
	r := run.Results[1]
	loc := r.Locations[0].PhysicalLocation
	if r.RuleID != "DS102" || r.Level != "error" || loc.ArtifactLocation.URI != "testdata/example/chat.go" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" ||
		loc.Region.StartLine != 38 || loc.Region.StartColumn != 10 || loc.Region.EndColumn != 25 {
		t.Errorf("SARIF result: %+v", r)
	}
	if f := run.Results[0].Fixes; len(f) != 1 || f[0].Description.Text != "Rename max_completion_tokens to max_tokens" {
		t.Errorf("SARIF fix: %+v", f)
	}
}
