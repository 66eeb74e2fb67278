package main_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// buildTool builds cmd/deepseekvet once per test binary.
func buildTool(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "deepseekvet")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func run(t *testing.T, dir string, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		code = exit.ExitCode()
	default:
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return o.String(), e.String(), code
}

// TestGoVet runs the real go vet with the built binary as its vettool on the
// bundled example module.
func TestGoVet(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the tool and runs go vet")
	}
	bin := buildTool(t)
	example, _ := filepath.Abs("../../testdata/example")

	out, _, code := run(t, example, bin, "-V=full")
	if code != 0 || !regexp.MustCompile(`^deepseekvet version devel .* buildID=[0-9a-f]+\n$`).MatchString(out) {
		t.Errorf("-V=full = %q (exit %d); go vet keys its cache on this line, so it must keep x/tools' devel…buildID= shape", out, code)
	}

	_, stderr, code := run(t, example, "go", "vet", "-vettool="+bin, "./...")
	if code != 1 {
		t.Fatalf("go vet exit = %d, want 1 (findings)\n%s", code, stderr)
	}
	for _, want := range expectedVet {
		if !strings.Contains(stderr, want) {
			t.Errorf("go vet output lacks %q\n%s", want, stderr)
		}
	}

	_, stderr, code = run(t, example, "go", "vet", "-vettool="+bin, "-severity=error", "./...")
	if code != 1 || strings.Contains(stderr, "(DS501)") || !strings.Contains(stderr, "(DS102)") {
		t.Errorf("-severity=error: exit %d, want errors only:\n%s", code, stderr)
	}

	_, stderr, code = run(t, example, "go", "vet", "-vettool="+bin, "-severity=loud", "./...")
	if code == 0 || !strings.Contains(stderr, `severity "loud"`) {
		t.Errorf("bad -severity: exit %d, want a failure naming the value:\n%s", code, stderr)
	}
}

// TestGoFix applies the certain fixes through go fix -fixtool on a copy.
func TestGoFix(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the tool and runs go fix")
	}
	bin := buildTool(t)
	dir := t.TempDir()
	for _, name := range []string{"go.mod", "chat.go"} {
		data, err := os.ReadFile(filepath.Join("../../testdata/example", name))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	out, stderr, code := run(t, dir, "go", "fix", "-fixtool="+bin, "-diff", "./...")
	if code != 1 || !strings.Contains(out, `+	MaxCompletionTokens int       `+"`"+`json:"max_tokens,omitempty"`+"`") {
		t.Errorf("go fix -diff: exit %d, want the tag rename in the diff\n%s%s", code, out, stderr)
	}
}
