package driver_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/deepseekvet/deepseekvet/internal/testutil"
)

// TestWorkflowPinned checks that the example workflow pins Go, deepseekvet (a
// release tag or a commit of this repository) and every action, and that no
// document tells users to install @latest, which has no release to resolve to.
func TestWorkflowPinned(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testutil.Root, "docs", "github-actions.yml"))
	if err != nil {
		t.Fatal(err)
	}
	wf := string(data)
	if m := regexp.MustCompile(`(?m)^  GO_VERSION: "(\d+\.\d+\.\d+)"`).FindStringSubmatch(wf); m == nil {
		t.Errorf("docs/github-actions.yml: GO_VERSION is not pinned to a Go release (1.26.8)")
	}
	m := regexp.MustCompile(`(?m)^  DEEPSEEKVET_VERSION: (v\d+\.\d+\.\d+|[0-9a-f]{40})$`).FindStringSubmatch(wf)
	if m == nil {
		t.Fatalf("docs/github-actions.yml: DEEPSEEKVET_VERSION is neither a release tag nor a commit")
	}
	if strings.HasPrefix(m[1], "v") {
		t.Logf("deepseekvet pinned to release %s", m[1])
	} else if git, err := exec.LookPath("git"); err == nil {
		// Only a full clone can say: a module download has no .git, and a shallow
		// clone (actions/checkout's default) lacks older commits.
		shallow, err := exec.Command(git, "-C", testutil.Root, "rev-parse", "--is-shallow-repository").Output()
		switch {
		case err != nil:
			t.Logf("not a git checkout: cannot check that %s is a commit", m[1])
		case strings.TrimSpace(string(shallow)) == "true":
			t.Logf("shallow clone: cannot check that %s is a commit", m[1])
		default:
			if out, err := exec.Command(git, "-C", testutil.Root, "cat-file", "-e", m[1]+"^{commit}").CombinedOutput(); err != nil {
				t.Errorf("DEEPSEEKVET_VERSION %s is not a commit of this repository: %v %s", m[1], err, out)
			}
		}
	}
	if n := strings.Count(wf, `go install "github.com/deepseekvet/deepseekvet/cmd/deepseekvet@${DEEPSEEKVET_VERSION}"`); n != 2 {
		t.Errorf("docs/github-actions.yml installs the pinned version in %d jobs, want 2", n)
	}
	for _, uses := range regexp.MustCompile(`uses: (\S+)`).FindAllStringSubmatch(wf, -1) {
		if !regexp.MustCompile(`@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$`).MatchString(uses[1]) {
			t.Errorf("docs/github-actions.yml: %s is not pinned to a version", uses[1])
		}
	}
	for _, doc := range []string{"README.md", "docs/ci.md", "docs/github-actions.yml", ".pre-commit-hooks.yaml"} {
		data, err := os.ReadFile(filepath.Join(testutil.Root, doc))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), "@latest") {
			t.Errorf("%s says @latest; no release is tagged yet", doc)
		}
	}
}
