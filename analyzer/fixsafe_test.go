package analyzer_test

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/deepseekvet/deepseekvet/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestFixSafety checks the fixes that would not compile if applied naively
// (testdata/src/fixsafe and its golden file).
func TestFixSafety(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), analyzer.Analyzer, "fixsafe")
}

// quiet is an analysistest.Testing that ignores the // want comments: the test
// below looks at the fixes, not at the diagnostics.
type quiet struct{}

func (quiet) Errorf(string, ...any) {}

// TestAllFixesCompile applies every fix the analyzer offers on every test package
// (testdata/src/*, the README's testdata/example, and the SDK examples of
// testdata/sdk), all at once as go fix and golangci-lint --fix do, then checks that
// the result still builds and passes go vet.
func TestAllFixesCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet")
	}
	t.Run("src", func(t *testing.T) {
		t.Parallel()
		gopath := t.TempDir()
		copyTree(t, filepath.Join("testdata", "src"), filepath.Join(gopath, "src"))
		entries, err := os.ReadDir(filepath.Join(gopath, "src"))
		if err != nil {
			t.Fatal(err)
		}
		var pkgs []string
		for _, e := range entries {
			if e.IsDir() {
				pkgs = append(pkgs, e.Name())
			}
		}
		env := append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOFLAGS=", "GOWORK=off")
		n := applyAll(t, analysistest.Run(quiet{}, gopath, analyzer.Analyzer, pkgs...))
		if n < 10 {
			t.Errorf("only %d fixes applied on %v", n, pkgs)
		}
		// ./..., not the package names: "maps" would be the standard library's.
		vetFixed(t, filepath.Join("testdata", "src"), filepath.Join(gopath, "src"), env, "./...")
	})
	t.Run("example", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		copyTree(t, filepath.Join("..", "testdata", "example"), dir)
		os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/example\n\ngo 1.26.0\n"), 0o644)
		env := append(os.Environ(), "GOFLAGS=", "GOWORK=off")
		if n := applyAll(t, analysistest.Run(quiet{}, dir, analyzer.Analyzer, "./...")); n < 2 {
			t.Errorf("only %d fixes applied on testdata/example", n)
		}
		vetFixed(t, filepath.Join("..", "testdata", "example"), dir, env, "./...")
	})
	t.Run("sdk", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		copyTree(t, filepath.Join("testdata", "sdk"), dir)
		// analysistest loads with GOPROXY=off: fetch the pinned SDKs first (TestSDKs
		// does the same).
		download := exec.Command("go", "mod", "download")
		download.Dir = dir
		if out, err := download.CombinedOutput(); err != nil {
			t.Fatalf("go mod download in testdata/sdk: %v\n%s", err, out)
		}
		// The go-openai cases of the issue (Seed: &seed; MaxTokens set already).
		analysistest.RunWithSuggestedFixes(t, dir, analyzer.Analyzer, "./fixsafe")
		env := append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off")
		if n := applyAll(t, analysistest.Run(quiet{}, dir, analyzer.Analyzer, "./...")); n < 5 {
			t.Errorf("only %d fixes applied on testdata/sdk", n)
		}
		vetFixed(t, filepath.Join("testdata", "sdk"), dir, env, "./...")
	})
}

// applyAll applies the first fix of every diagnostic, as drivers do, and returns
// how many it applied. Identical edits (a package and its test variant) count
// once; overlapping ones fail the test, since a driver would have to drop one.
func applyAll(t *testing.T, results []*analysistest.Result) int {
	t.Helper()
	type edit struct {
		start, end int
		text       string
		fix        string
	}
	byFile := map[string][]edit{}
	seen := map[string]bool{}
	n := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if len(d.SuggestedFixes) == 0 {
				continue
			}
			fix := d.SuggestedFixes[0]
			key := fmt.Sprintf("%v", r.Pass.Fset.Position(d.Pos)) + fix.Message
			if seen[key] {
				continue
			}
			seen[key] = true
			n++
			for _, e := range fix.TextEdits {
				tf := r.Pass.Fset.File(e.Pos)
				end := e.End
				if !end.IsValid() {
					end = e.Pos
				}
				byFile[tf.Name()] = append(byFile[tf.Name()], edit{tf.Offset(e.Pos), tf.Offset(end), string(e.NewText), fix.Message})
			}
		}
	}
	for name, edits := range byFile {
		sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var out []byte
		last := 0
		for i, e := range edits {
			if i > 0 && e == edits[i-1] {
				continue
			}
			if e.start < last {
				t.Errorf("%s: fix %q overlaps the fix before it (%q)", name, e.fix, edits[i-1].fix)
				continue
			}
			out = append(append(out, src[last:e.start]...), e.text...)
			last = e.end
		}
		out = append(out, src[last:]...)
		if err := os.WriteFile(name, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return n
}

// vet runs go vet, which type-checks too, and fails the test with its output.
func vet(t *testing.T, dir string, env []string, pkgs ...string) bool {
	t.Helper()
	cmd := exec.Command("go", append([]string{"vet"}, pkgs...)...)
	cmd.Dir, cmd.Env = dir, env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("go vet %v after the fixes: %v\n%s", pkgs, err, out)
		return false
	}
	return true
}

// vetFixed vets the fixed copy dir of src; when that fails, it vets an unfixed
// copy too, to tell a bad fix from test data that was never clean.
func vetFixed(t *testing.T, src, dir string, env []string, pkgs ...string) {
	t.Helper()
	if vet(t, dir, env, pkgs...) {
		return
	}
	orig := t.TempDir()
	env = append([]string(nil), env...)
	for i, e := range env {
		if strings.HasPrefix(e, "GOPATH=") {
			env[i] = "GOPATH=" + orig // GOPATH mode: the packages live in GOPATH/src
			orig = filepath.Join(orig, "src")
		}
	}
	copyTree(t, src, orig)
	if _, err := os.Stat(filepath.Join(orig, "go.mod")); err != nil {
		if gomod, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil {
			os.WriteFile(filepath.Join(orig, "go.mod"), gomod, 0o644) // testdata/example has none
		}
	}
	cmd := exec.Command("go", append([]string{"vet"}, pkgs...)...)
	cmd.Dir, cmd.Env = orig, env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("(the test data fails go vet before any fix too: %v\n%s)", err, out)
	} else {
		t.Errorf("(the test data passes go vet before the fixes: a fix broke it)")
	}
}

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
