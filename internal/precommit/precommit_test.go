// Package precommit tests the pre-commit hook with Debian's real pre-commit.
package precommit

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/deepseekvet/deepseekvet/internal/e2e"
	"github.com/deepseekvet/deepseekvet/internal/testutil"
)

var root, _ = filepath.Abs("../..")

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// snapshot copies this checkout's tracked and new files into a fresh repository
// with one commit: try-repo installs from a commit, and the test must see the
// working tree, committed or not.
func snapshot(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("git", "-C", root, "ls-files", "--cached", "--others", "--exclude-standard").Output()
	if err != nil {
		t.Fatal(err)
	}
	dst := t.TempDir()
	for _, name := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		data, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			continue // deleted in the working tree
		}
		os.MkdirAll(filepath.Join(dst, filepath.Dir(name)), 0o755)
		os.WriteFile(filepath.Join(dst, name), data, 0o644)
	}
	git(t, dst, "init", "-q")
	git(t, dst, "add", "-A")
	git(t, dst, "commit", "-qm", "snapshot")
	return dst
}

const bad = `package app

import (
	"bytes"
	"encoding/json"
	"net/http"
)

func Ask(q string) error {
	data, _ := json.Marshal(map[string]any{
		"model":    "deepseek-reasoner",
		"messages": []map[string]any{{"role": "user", "content": q}},
	})
	_, err := http.Post("https://api.deepseek.com/chat/completions", "application/json", bytes.NewReader(data))
	return err
}
`

func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("runs pre-commit")
	}
	e2e.Client(t, "pre-commit", "apt-get install pre-commit")
	testutil.ReadSources(t) // the hook installs the tool from these
	hookRepo := snapshot(t)

	app := t.TempDir()
	os.WriteFile(filepath.Join(app, "go.mod"), []byte("module example.com/app\n\ngo 1.26.0\n"), 0o644)
	os.WriteFile(filepath.Join(app, "app.go"), []byte(bad), 0o644)
	git(t, app, "init", "-q")
	git(t, app, "add", "-A")

	home := filepath.Join(t.TempDir(), "pre-commit-home")
	preCommit := func(args ...string) (string, error) {
		cmd := exec.Command("pre-commit", args...)
		cmd.Dir = app
		cmd.Env = append(os.Environ(), "PRE_COMMIT_HOME="+home)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	out, err := preCommit("try-repo", hookRepo, "deepseekvet", "--all-files")
	if err == nil || !strings.Contains(out, "Failed") || !strings.Contains(out, `app.go:11:15: error: model: model "deepseek-reasoner" was retired by DeepSeek on 2026-07-24`) {
		t.Fatalf("pre-commit on a bad payload: err %v, want a failure with the finding:\n%s", err, out)
	}

	// The hook's args select rules, as a .pre-commit-config.yaml sets them: with
	// DS102 disabled the retired model passes, and the top_k warning fails the hook.
	rev, err := exec.Command("git", "-C", hookRepo, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Fatal(err)
	}
	config := func(args string) {
		hooks := "\n    hooks:\n      - id: deepseekvet\n      - id: deepseekvet-vet\n"
		if args != "" {
			hooks = "\n    hooks:\n      - id: deepseekvet\n        args: " + args + "\n      - id: deepseekvet-vet\n        args: " + args + "\n"
		}
		os.WriteFile(filepath.Join(app, ".pre-commit-config.yaml"), []byte("repos:\n  - repo: "+hookRepo+"\n    rev: "+strings.TrimSpace(string(rev))+hooks), 0o644)
		git(t, app, "add", "-A")
	}
	withTopK := strings.Replace(bad, `"messages":`, `"top_k":    3,
		"messages":`, 1)
	os.WriteFile(filepath.Join(app, "app.go"), []byte(withTopK), 0o644)
	config("[-disable=DS102, ./...]")
	out, err = preCommit("run", "--all-files")
	if err == nil || strings.Contains(out, "DS102") || !strings.Contains(out, `app.go:12:3: warning: top_k: top_k is Anthropic's field;`) ||
		!strings.Contains(out, "- hook id: deepseekvet-vet\n- exit code: 1\n") ||
		!strings.Contains(out, `app.go:12:3: top_k: top_k is Anthropic's field;`) {
		t.Errorf("pre-commit with args [-disable=DS102, ./...]: err %v, want the top_k warning only:\n%s", err, out)
	}
	config("[-disable=DS102, -severity=error, ./...]")
	if out, err := preCommit("run", "--all-files"); err != nil || !strings.Contains(out, "Passed") {
		t.Errorf("pre-commit with args [-disable=DS102, -severity=error, ./...]: err %v, want it to pass:\n%s", err, out)
	}

	// Fixed, both hooks pass with their default args (the environment built for
	// the config above is reused).
	os.WriteFile(filepath.Join(app, "app.go"), []byte(strings.Replace(bad, "deepseek-reasoner", "deepseek-flash", 1)), 0o644)
	config("")
	if out, err := preCommit("run", "--all-files"); err != nil || strings.Count(out, "Passed") != 2 {
		t.Fatalf("pre-commit after the fix: err %v, want both hooks to pass:\n%s", err, out)
	}
}
