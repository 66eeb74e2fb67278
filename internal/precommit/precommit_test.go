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

	try := func() (string, error) {
		cmd := exec.Command("pre-commit", "try-repo", hookRepo, "deepseekvet", "--all-files")
		cmd.Dir = app
		cmd.Env = append(os.Environ(), "PRE_COMMIT_HOME="+filepath.Join(t.TempDir(), "pre-commit-home"))
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	out, err := try()
	if err == nil || !strings.Contains(out, "Failed") || !strings.Contains(out, `app.go:11:15: model: model "deepseek-reasoner" was retired by DeepSeek on 2026-07-24`) {
		t.Fatalf("pre-commit on a bad payload: err %v, want a failure with the finding:\n%s", err, out)
	}

	os.WriteFile(filepath.Join(app, "app.go"), []byte(strings.Replace(bad, "deepseek-reasoner", "deepseek-flash", 1)), 0o644)
	git(t, app, "add", "-A")
	if out, err := try(); err != nil || !strings.Contains(out, "Passed") {
		t.Fatalf("pre-commit after the fix: err %v, want it to pass:\n%s", err, out)
	}
}
