// Package e2e decides whether the end-to-end tests that need a client besides Go
// and git run: Debian's pre-commit, npm (for Microsoft's SARIF validator), a
// golangci-lint build, the real-module corpus.
//
// Without DEEPSEEKVET_E2E=1 such a test runs when its client is present and
// otherwise skips with a note, so that go test ./... passes on a machine with only
// Go and git. .ci/run sets DEEPSEEKVET_E2E=1 (and installs the clients), which
// turns a missing client into a failure.
package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"testing"
)

// Var is the environment variable that makes the end-to-end tests mandatory.
const Var = "DEEPSEEKVET_E2E"

// Required reports whether DEEPSEEKVET_E2E=1: a missing client is then a failure.
func Required() bool { return os.Getenv(Var) == "1" }

// Note is the end of every skip message.
const Note = "set " + Var + "=1 (as .ci/run does, after installing the clients) to make this a failure"

// Missing skips the test, or fails it under DEEPSEEKVET_E2E=1, because what it
// needs is not there; why says what is missing and how to get it.
func Missing(t testing.TB, why string) {
	t.Helper()
	if Required() {
		t.Fatalf("%s (%s=1)", why, Var)
	}
	t.Skipf("skipped: %s; %s", why, Note)
}

// Client returns the path of a program on the PATH, or calls Missing: install
// says how to get it ("apt-get install pre-commit").
func Client(t testing.TB, name, install string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		Missing(t, fmt.Sprintf("%s is not on the PATH (%s)", name, install))
	}
	return path
}

// Suite skips a long suite (a golangci-lint build, the real-module corpus) unless
// DEEPSEEKVET_E2E=1; what names it and what it costs.
func Suite(t testing.TB, what string) {
	t.Helper()
	if testing.Short() {
		t.Skipf("skipped in -short mode: %s", what)
	}
	if !Required() {
		t.Skipf("skipped: %s; %s=1 (as .ci/run sets it) runs it", what, Var)
	}
}
