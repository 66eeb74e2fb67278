// Package testutil builds the deepseekvet command and runs programs for the
// end-to-end tests.
package testutil

import (
	"bytes"
	"errors"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// Root is the repository root.
var Root = func() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}()

// BuildTool compiles cmd/deepseekvet into a temporary directory.
func BuildTool(t testing.TB) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "deepseekvet")
	if out, err := exec.Command("go", "build", "-o", bin, filepath.Join(Root, "cmd", "deepseekvet")).CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// Run runs a program in dir and returns its standard output, standard error and
// exit code.
func Run(t testing.TB, dir string, env []string, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if env != nil {
		cmd.Env = env
	}
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
