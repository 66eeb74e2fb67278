package gclplugin_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/deepseekvet/deepseekvet/internal/e2e"
)

const golangciVersion = "v2.15.0"

var root, _ = filepath.Abs("..")

// sourceHash covers what the plugin is built from, so both the cached binary and
// golangci-lint's own cache (keyed on the version string) change with it.
func sourceHash(t *testing.T) string {
	h := sha256.New()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && rel != "." || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if !d.IsDir() && (strings.HasSuffix(path, ".go") || strings.HasSuffix(path, ".json") || rel == "go.mod" || rel == "go.sum") {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			h.Write([]byte(rel + "\x00"))
			h.Write(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// buildGolangci builds golangci-lint with the plugin compiled in, the way its docs
// describe a manual build (golangci-lint custom clones from GitHub, which a machine
// that reaches only the Go module proxy cannot): a main package importing
// golangci-lint's commands and the plugin, with this checkout replacing the module.
func buildGolangci(t *testing.T) string {
	t.Helper()
	hash := sourceHash(t)
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(cache, "deepseekvet-test", "custom-gcl-"+hash)
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/custom-gcl\n\ngo 1.26.0\n\n"+
		"require (\n\tgithub.com/golangci/golangci-lint/v2 "+golangciVersion+"\n\tgithub.com/deepseekvet/deepseekvet v0.0.0\n)\n\n"+
		"replace github.com/deepseekvet/deepseekvet => "+root+"\n")
	write("main.go", `package main

import (
	"fmt"
	"os"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/deepseekvet/deepseekvet/gclplugin"
)

var version = "dev"

func main() {
	if err := commands.Execute(commands.BuildInfo{Version: version, GoVersion: "go1.26"}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(exitcodes.Failure)
	}
}
`)
	for _, args := range [][]string{
		{"mod", "tidy"},
		{"build", "-o", bin, "-ldflags", "-X main.version=" + strings.TrimPrefix(golangciVersion, "v") + "-deepseekvet-" + hash, "."},
	} {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %v: %v\n%s", args, err, out)
		}
	}
	return bin
}

// runGolangci runs golangci-lint with a private cache and a private lock: it
// takes a lock file in the temporary directory, and another golangci-lint on the
// machine (an editor's, another test's) would make it fail with "parallel
// golangci-lint is running".
func runGolangci(t *testing.T, bin, dir string, args ...string) (string, int) {
	t.Helper()
	if len(args) > 0 && args[0] == "run" {
		args = append([]string{"run", "--allow-parallel-runners"}, args[1:]...)
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	tmp := t.TempDir()
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+filepath.Join(tmp, "cache"), "TMPDIR="+tmp)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	if exit != nil {
		return out.String(), exit.ExitCode()
	}
	return out.String(), 0
}

func copyModule(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	src := filepath.Join(root, "testdata", "golangci")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(src, e.Name()))
		os.WriteFile(filepath.Join(dst, e.Name()), data, 0o644)
	}
	return dst
}

// TestGolangciLint runs a real golangci-lint v2.15.0 with the plugin built in.
func TestGolangciLint(t *testing.T) {
	e2e.Suite(t, "builds golangci-lint "+golangciVersion+" with the plugin from the Go module proxy (minutes with cold caches)")
	bin := buildGolangci(t)

	dir := copyModule(t)
	out, code := runGolangci(t, bin, dir, "run", "./...")
	if code != 1 {
		t.Fatalf("golangci-lint run: exit %d, want 1 (findings)\n%s", code, out)
	}
	for _, want := range []string{
		`chat.go:12:28: model: model "deepseek-chat" was retired by DeepSeek on 2026-07-24`,
		"chat.go:14:3: max_completion_tokens: max_completion_tokens is OpenAI's field;",
		"(DS102) (deepseekvet)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("golangci-lint output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "top_k") {
		t.Errorf("//nolint:deepseekvet did not silence the top_k finding:\n%s", out)
	}

	// --fix applies the certain fix.
	if out, code := runGolangci(t, bin, dir, "run", "--fix", "./..."); code != 1 {
		t.Fatalf("golangci-lint run --fix: exit %d\n%s", code, out)
	}
	fixed, _ := os.ReadFile(filepath.Join(dir, "chat.go"))
	if !strings.Contains(string(fixed), `"max_tokens": 512,`) || strings.Contains(string(fixed), "max_completion_tokens") {
		t.Errorf("--fix did not rename the key:\n%s", fixed)
	}

	// disable and enable select rules.
	for _, tc := range []struct{ settings, want, not string }{
		{"disable: [DS501]", "(DS102) (deepseekvet)", "(DS501)"},
		{"enable: [DS5xx]", "(DS501) (deepseekvet)", "(DS102)"},
	} {
		sel := copyModule(t)
		cfg, _ := os.ReadFile(filepath.Join(sel, ".golangci.yml"))
		os.WriteFile(filepath.Join(sel, ".golangci.yml"), []byte(strings.Replace(string(cfg), "severity: warning", "severity: warning\n          "+tc.settings, 1)), 0o644)
		out, code = runGolangci(t, bin, sel, "run", "./...")
		if code != 1 || !strings.Contains(out, tc.want) || strings.Contains(out, tc.not) {
			t.Errorf("settings %s: exit %d, want %s and no %s:\n%s", tc.settings, code, tc.want, tc.not, out)
		}
	}

	// A bad setting fails the run with a message naming it.
	bad := copyModule(t)
	cfg, _ := os.ReadFile(filepath.Join(bad, ".golangci.yml"))
	os.WriteFile(filepath.Join(bad, ".golangci.yml"), []byte(strings.Replace(string(cfg), "severity: warning", "colour: red", 1)), 0o644)
	out, code = runGolangci(t, bin, bad, "run", "./...")
	if code == 0 || code == 1 || !strings.Contains(out, `unknown field "colour"`) {
		t.Errorf("bad setting: exit %d, want a failure naming the setting:\n%s", code, out)
	}
	os.WriteFile(filepath.Join(bad, ".golangci.yml"), []byte(strings.Replace(string(cfg), "severity: warning", "disable: [DS999]", 1)), 0o644)
	out, code = runGolangci(t, bin, bad, "run", "./...")
	if code == 0 || code == 1 || !strings.Contains(out, "disable: no rule DS999; the rules are DS101") {
		t.Errorf("unknown rule: exit %d, want a failure naming it:\n%s", code, out)
	}
}
