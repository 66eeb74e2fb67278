// Package robust runs deepseekvet over odd input: generics, build tags, generated
// and test files, cgo, huge and deeply nested literals, and a package that does not
// type-check. Each gets a correct result or a clear error, in the same order every
// time.
package robust

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/deepseekvet/deepseekvet/internal/e2e"
	"github.com/deepseekvet/deepseekvet/internal/testutil"
)

var root = testutil.Root

func build(t *testing.T) string { return testutil.BuildTool(t) }

// cgoEnabled reports whether the go command builds cgo packages here: it turns
// cgo off when it finds no C compiler.
func cgoEnabled(t *testing.T) bool {
	out, err := exec.Command("go", "env", "CGO_ENABLED").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(out)) == "1"
}

// run returns the tool's whole output (it reports on standard error).
func run(t *testing.T, dir, bin string, args ...string) (string, int) {
	t.Helper()
	stdout, stderr, code := testutil.Run(t, dir, nil, bin, args...)
	return stdout + stderr, code
}

func TestOddInput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the tool")
	}
	bin := build(t)
	dir := filepath.Join(root, "testdata", "robust")
	for _, tc := range []struct {
		args []string
		code int
		want []string
		not  []string
	}{
		{[]string{"./generics"}, 3, []string{`generics.go:28:75: error: messages[0].role: DeepSeek rejects role "developer"`, "generics.go:13:2: warning: top_k: top_k is Anthropic's field"}, nil},
		{[]string{"./tagged"}, 0, nil, []string{"DS102"}},
		{[]string{"-tags=deepseek", "./tagged"}, 3, []string{`tagged.go:13:50: error: model: model "deepseek-reasoner" was retired`}, nil},
		{[]string{"./gen"}, 3, []string{"gen.go:8:2: warning: max_completion_tokens:", `gen_test.go:6:14: error: model: model "deepseek-chat" was retired`}, nil},
		{[]string{"-test=false", "./gen"}, 3, nil, []string{"gen_test.go"}},
		{[]string{"./cgopkg"}, 3, []string{"cgo.go:12:2: warning: n: n is OpenAI's field"}, nil},
		{[]string{"./broken"}, 1, []string{"broken/broken.go:4:66: undefined: undefinedMessages"}, []string{"panic"}},
	} {
		if tc.args[0] == "./cgopkg" && !cgoEnabled(t) {
			t.Run("cgo", func(t *testing.T) {
				e2e.Missing(t, "cgo is off (go env CGO_ENABLED=0): no C compiler on the PATH (apt-get install gcc)")
			})
			continue
		}
		out, code := run(t, dir, bin, tc.args...)
		if code != tc.code {
			t.Errorf("%v: exit %d, want %d\n%s", tc.args, code, tc.code, out)
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: output lacks %q:\n%s", tc.args, w, out)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(out, n) {
				t.Errorf("%v: output has %q:\n%s", tc.args, n, out)
			}
		}
		if again, _ := run(t, dir, bin, tc.args...); again != out {
			t.Errorf("%v: output differs between runs:\n%s\n---\n%s", tc.args, out, again)
		}
	}
}

// TestHugeAndDeep generates a request with thousands of messages and a map nested
// a thousand deep: a correct finding, no stack overflow, bounded time.
func TestHugeAndDeep(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the tool")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/huge\n\ngo 1.26.0\n"), 0o644)
	var b strings.Builder
	b.WriteString("package huge\n\nvar Body = map[string]any{\n\t\"model\": \"deepseek-flash\",\n\t\"messages\": []map[string]any{\n")
	for i := 0; i < 5000; i++ {
		role := "user"
		if i == 4321 {
			role = "developer"
		}
		fmt.Fprintf(&b, "\t\t{\"role\": %q, \"content\": \"message %d\"},\n", role, i)
	}
	b.WriteString("\t},\n\t\"metadata\": ")
	for i := 0; i < 1000; i++ {
		b.WriteString("map[string]any{\"k\": ")
	}
	b.WriteString("1")
	b.WriteString(strings.Repeat("}", 1000))
	b.WriteString(",\n}\n")
	os.WriteFile(filepath.Join(dir, "huge.go"), []byte(b.String()), 0o644)
	out, code := run(t, dir, build(t), ".")
	if code != 3 || !strings.Contains(out, "huge.go:4327:12: error: messages[4321].role: DeepSeek rejects role \"developer\"") || !strings.Contains(out, "huge.go:5007:2: warning: metadata: metadata is OpenAI's field") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}
