package e2e

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestHelper is run by TestSkipOrFail in a child process.
func TestHelper(t *testing.T) {
	switch os.Getenv("E2E_TEST_HELPER") {
	case "client":
		Client(t, "deepseekvet-no-such-client", "apt-get install it")
		t.Log("found")
	case "suite":
		Suite(t, "a long suite")
		t.Log("ran")
	default:
		t.Skip("run by TestSkipOrFail")
	}
}

func TestSkipOrFail(t *testing.T) {
	for _, tc := range []struct {
		helper, e2e string
		fail        bool
		want        string
	}{
		{"client", "", false, "    e2e_test.go:14: skipped: deepseekvet-no-such-client is not on the PATH (apt-get install it); set DEEPSEEKVET_E2E=1 (as .ci/run does, after installing the clients) to make this a failure\n--- SKIP: TestHelper"},
		{"client", "1", true, "    e2e_test.go:14: deepseekvet-no-such-client is not on the PATH (apt-get install it) (DEEPSEEKVET_E2E=1)\n--- FAIL: TestHelper"},
		{"suite", "", false, "    e2e_test.go:17: skipped: a long suite; DEEPSEEKVET_E2E=1 (as .ci/run sets it) runs it\n--- SKIP: TestHelper"},
		{"suite", "1", false, "e2e_test.go:18: ran\n"},
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelper$", "-test.v")
		cmd.Env = append(os.Environ(), "E2E_TEST_HELPER="+tc.helper, Var+"="+tc.e2e)
		out, err := cmd.CombinedOutput()
		if (err != nil) != tc.fail || !strings.Contains(string(out), tc.want) {
			t.Errorf("%s with %s=%q: err %v, want failure %v and %q:\n%s", tc.helper, Var, tc.e2e, err, tc.fail, tc.want, out)
		}
	}
}
