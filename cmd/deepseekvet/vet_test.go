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
	if code != 1 || stderr != expectedVet {
		t.Fatalf("go vet: exit %d, want 1 (findings) and\n%s\ngot\n%s", code, expectedVet, stderr)
	}

	// The flags, on a package without imports: go vet caches by flags, so every
	// flag set would vet testdata/example's dependencies (net/http) again.
	light := t.TempDir()
	os.WriteFile(filepath.Join(light, "go.mod"), []byte("module example.com/light\n\ngo 1.26.0\n"), 0o644)
	os.WriteFile(filepath.Join(light, "light.go"), []byte(`package light

var Body = map[string]any{
	"model":       "deepseek-chat",
	"messages":    []map[string]any{{"role": "developer", "content": "hi"}},
	"temperature": 2.5,
	"top_k":       3,
}
`), 0o644)
	for _, tc := range []struct {
		flag, want string
	}{
		{"-severity=warning", "DS102 DS104 DS105 DS501"},
		{"-severity=error", "DS102 DS104 DS105"},
		{"-disable=DS5xx,DS105", "DS102 DS104"},
		{"-enable=DS501", "DS501"},
	} {
		_, stderr, code = run(t, light, "go", "vet", "-vettool="+bin, tc.flag, "./...")
		var got []string
		for _, m := range regexp.MustCompile(`\((DS\d+)\)\n`).FindAllStringSubmatch(stderr, -1) {
			got = append(got, m[1])
		}
		if code != 1 || strings.Join(got, " ") != tc.want {
			t.Errorf("go vet %s: exit %d, rules %v, want %s:\n%s", tc.flag, code, got, tc.want, stderr)
		}
	}

	for _, tc := range []struct{ flag, want string }{
		{"-severity=loud", `invalid value "loud" for flag -severity: want warning or error`},
		{"-schema-sha256=00", `invalid value "00" for flag -schema-sha256: "00" is not a SHA-256 digest`},
		{"-schema-dir=", `invalid value "" for flag -schema-dir: empty directory name`},
		{"-disable=DS5", `invalid value "DS5" for flag -disable: "DS5" is not a rule ID`},
	} {
		_, stderr, code = run(t, light, "go", "vet", "-vettool="+bin, tc.flag, "./...")
		if code == 0 || !strings.Contains(stderr, tc.want) {
			t.Errorf("go vet %s: exit %d, want a failure naming the value:\n%s", tc.flag, code, stderr)
		}
	}
}

// expectedVet is what go vet prints for testdata/example, run from the repository
// root (go vet prints no severity: the rule ID says it, see docs/rules.md).
const expectedVet = `testdata/example/chat.go:27:2: max_completion_tokens: max_completion_tokens is OpenAI's field; DeepSeek does not document it and it has no effect; use max_tokens (DS501)
testdata/example/chat.go:38:10: model: model "deepseek-chat" was retired by DeepSeek on 2026-07-24 and is no longer accessible; use deepseek-flash with "thinking": {"type": "disabled"} (deepseek-chat was the non-thinking mode) (DS102)
testdata/example/chat.go:40:11: messages[0].role: DeepSeek rejects role "developer" with 400 (unknown variant ` + "`developer`, expected one of `system`, `user`, `assistant`, `tool`" + `); use "system" (DS104)
testdata/example/chat.go:44:24: temperature: 2.5 is outside the documented range [0, 2]; use a temperature from 0 to 2 (DS105)
testdata/example/chat.go:56:45: response_format.type: DeepSeek rejects response_format type "json_schema" with 400 "This response_format type is unavailable now"; use {"type": "json_object"} and describe the schema in the prompt (DS107)
testdata/example/chat.go:57:3: tool_choice: DeepSeek rejects this tool_choice in thinking mode (on by default) with 400 "Thinking mode does not support this tool_choice"; send "thinking": {"type": "disabled"} or use "auto" (DS203)
testdata/example/chat.go:59:3: top_k: top_k is Anthropic's field; DeepSeek's chat API has no top_k and does not document it; remove it (DS501)
`

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
