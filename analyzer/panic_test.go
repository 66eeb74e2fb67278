package analyzer

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestPanicBecomesError: a bug in the analyzer on one package is an error naming
// that package, not a crash of the whole run.
func TestPanicBecomesError(t *testing.T) {
	panicHook = func(pass *analysis.Pass) {
		if pass.Pkg.Path() == "severity" {
			var m map[string]int
			m["boom"]++
		}
	}
	defer func() { panicHook = nil }()
	rec := &recorder{T: t}
	results := analysistest.Run(rec, analysistest.TestData(), Analyzer, "severity", "silent")
	var errs []string
	for _, r := range results {
		if r.Err != nil {
			errs = append(errs, r.Err.Error())
		}
	}
	if len(errs) != 1 || !strings.Contains(errs[0], "internal error analysing package severity: assignment to entry in nil map") {
		t.Errorf("errors = %q, want one naming package severity", errs)
	}
}

// recorder drops analysistest's own complaints (the failed package has unmet
// expectations): the test checks the results.
type recorder struct{ *testing.T }

func (*recorder) Errorf(string, ...any) {}
