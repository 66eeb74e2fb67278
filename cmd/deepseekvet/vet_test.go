package main_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/deepseekvet/deepseekvet/internal/testutil"
)

func buildTool(t *testing.T) string { return testutil.BuildTool(t) }

func run(t *testing.T, dir string, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return testutil.Run(t, dir, nil, name, args...)
}

// TestGoVet runs the real go vet with the built binary as its vettool on the
// bundled example module.
func TestGoVet(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the tool and runs go vet")
	}
	bin := buildTool(t)
	root, _ := filepath.Abs("../..")

	out, _, code := run(t, root, bin, "-V=full")
	if code != 0 || !regexp.MustCompile(`^\S*deepseekvet version devel .* buildID=[0-9a-f]+\n$`).MatchString(out) {
		t.Errorf("-V=full = %q (exit %d); go vet keys its cache on this line, so it must keep x/tools' devel…buildID= shape", out, code)
	}

	_, stderr, code := run(t, root, "go", "vet", "-vettool="+bin, "./testdata/example")
	if code != 1 {
		t.Fatalf("go vet exit = %d, want 1 (findings)\n%s", code, stderr)
	}
	for _, want := range expectedVet {
		if !strings.Contains(stderr, want) {
			t.Errorf("go vet output lacks %q\n%s", want, stderr)
		}
	}

	_, stderr, code = run(t, root, "go", "vet", "-vettool="+bin, "-severity=error", "./testdata/example")
	if code != 1 || strings.Contains(stderr, "(DS501)") || !strings.Contains(stderr, "(DS102)") {
		t.Errorf("-severity=error: exit %d, want errors only:\n%s", code, stderr)
	}

	_, stderr, code = run(t, root, "go", "vet", "-vettool="+bin, "-severity=loud", "./testdata/example")
	if code == 0 || !strings.Contains(stderr, `invalid value "loud" for flag -severity: want warning or error`) {
		t.Errorf("bad -severity: exit %d, want a failure naming the value:\n%s", code, stderr)
	}
}

// expectedVet are lines go vet prints for testdata/example, run from the repository
// root.
var expectedVet = []string{
	"testdata/example/chat.go:27:2: max_completion_tokens: max_completion_tokens is OpenAI's field; DeepSeek does not document it and it has no effect; use max_tokens (DS501)",
	`testdata/example/chat.go:38:10: model: model "deepseek-chat" was retired by DeepSeek on 2026-07-24 and is rejected;`,
	`testdata/example/chat.go:40:11: messages[0].role: DeepSeek rejects role "developer" with 400`,
	"testdata/example/chat.go:44:24: temperature: DeepSeek rejects 2.5 with 400: the maximum is 2 (DS105)",
	`testdata/example/chat.go:56:45: response_format.type: DeepSeek rejects response_format type "json_schema" with 400 "This response_format type is unavailable now";`,
	`testdata/example/chat.go:57:3: tool_choice: DeepSeek rejects this tool_choice in thinking mode (on by default) with 400 "Thinking mode does not support this tool_choice";`,
	"testdata/example/chat.go:59:3: top_k: top_k is Anthropic's field;",
}

// TestGoFix applies the certain fixes through go fix -fixtool on a copy.
func TestGoFix(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the tool and runs go fix")
	}
	bin := buildTool(t)
	dir := t.TempDir()
	data, err := os.ReadFile("../../testdata/example/chat.go")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "chat.go"), data, 0o644)
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/chatbot\n\ngo 1.26.0\n"), 0o644)
	want := `+	MaxCompletionTokens int       ` + "`" + `json:"max_tokens,omitempty"` + "`"
	out, stderr, code := run(t, dir, "go", "fix", "-fixtool="+bin, "-diff", "./...")
	if code != 1 || !strings.Contains(out, want) {
		t.Errorf("go fix -diff: exit %d, want the tag rename in the diff\n%s%s", code, out, stderr)
	}
	out, stderr, code = run(t, dir, "go", "vet", "-vettool="+bin, "-fix", "-diff", "./...")
	if code != 1 || !strings.Contains(out, want) {
		t.Errorf("go vet -fix -diff: exit %d, want the tag rename in the diff\n%s%s", code, out, stderr)
	}
	// Applied for real, the fix leaves a file deepseekvet no longer flags there.
	if _, stderr, code := run(t, dir, "go", "fix", "-fixtool="+bin, "./..."); code != 0 {
		t.Fatalf("go fix: exit %d\n%s", code, stderr)
	}
	if fixed, _ := os.ReadFile(filepath.Join(dir, "chat.go")); !strings.Contains(string(fixed), "`json:\"max_tokens,omitempty\"`") || !strings.Contains(string(fixed), `{Role: "system", Content: "Answer in one sentence."}`) {
		t.Errorf("go fix did not apply the fixes:\n%s", fixed)
	}
}
