// Package corpus runs deepseekvet over real modules from the Go module proxy and pins
// what it reports: the expected findings on DeepSeek-bound code, nothing on code for
// other providers, and no panic or error anywhere.
package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/deepseekvet/deepseekvet/internal/e2e"
	"github.com/deepseekvet/deepseekvet/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite testdata/expected.txt")

type module struct {
	path     string // module@version
	patterns []string
}

func readModules(t *testing.T) []module {
	data, err := os.ReadFile("testdata/modules.txt")
	if err != nil {
		t.Fatal(err)
	}
	var mods []module
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		mods = append(mods, module{f[0], f[1:]})
	}
	return mods
}

var finding = regexp.MustCompile(`^(.+?):(\d+):(\d+): .*\((DS\d+)\)$`)

func TestRealModules(t *testing.T) {
	e2e.Suite(t, "runs deepseekvet over 7 real modules from the Go module proxy (about a minute, more with cold caches)")
	bin := testutil.BuildTool(t)
	var got []string
	for _, m := range readModules(t) {
		dir := fetch(t, m.path)
		cmd := exec.Command(bin, m.patterns...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		var exit *exec.ExitError
		if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 3) {
			t.Errorf("%s: deepseekvet %v: %v\n%s", m.path, m.patterns, err, tail(stderr.String()))
			continue
		}
		if strings.Contains(stderr.String(), "panic") {
			t.Errorf("%s: panic:\n%s", m.path, tail(stderr.String()))
		}
		sc := bufio.NewScanner(strings.NewReader(stderr.String() + stdout.String()))
		for sc.Scan() {
			line := strings.TrimPrefix(sc.Text(), dir+string(filepath.Separator))
			if mm := finding.FindStringSubmatch(line); mm != nil {
				got = append(got, fmt.Sprintf("%s %s:%s:%s %s", m.path, mm[1], mm[2], mm[3], mm[4]))
			}
		}
	}
	sort.Strings(got)
	if *update {
		os.WriteFile("testdata/expected.txt", []byte(strings.Join(got, "\n")+"\n"), 0o644)
		return
	}
	data, _ := os.ReadFile("testdata/expected.txt")
	want := strings.Fields(strings.ReplaceAll(string(data), " ", "\x00"))
	for i := range want {
		want[i] = strings.ReplaceAll(want[i], "\x00", " ")
	}
	missing, extra := diff(want, got)
	for _, m := range missing {
		t.Errorf("no longer reported: %s", m)
	}
	for _, e := range extra {
		t.Errorf("newly reported: %s", e)
	}
	t.Logf("%d findings on %d modules", len(got), len(readModules(t)))
}

// fetch copies a module from the module cache into a writable directory.
func fetch(t *testing.T, path string) string {
	out, err := exec.Command("go", "mod", "download", "-json", path).Output()
	if err != nil {
		t.Fatalf("go mod download %s: %v", path, err)
	}
	var info struct{ Dir string }
	if err := json.Unmarshal(out, &info); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "m")
	if out, err := exec.Command("cp", "-r", info.Dir, dst).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v\n%s", err, out)
	}
	if out, err := exec.Command("chmod", "-R", "u+w", dst).CombinedOutput(); err != nil {
		t.Fatalf("chmod: %v\n%s", err, out)
	}
	return dst
}

func diff(want, got []string) (missing, extra []string) {
	w, g := map[string]bool{}, map[string]bool{}
	for _, x := range want {
		w[x] = true
	}
	for _, x := range got {
		g[x] = true
		if !w[x] {
			extra = append(extra, x)
		}
	}
	for _, x := range want {
		if !g[x] {
			missing = append(missing, x)
		}
	}
	return
}

func tail(s string) string {
	if len(s) > 2000 {
		return "…" + s[len(s)-2000:]
	}
	return s
}
