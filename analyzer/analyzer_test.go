package analyzer_test

import (
	"testing"

	"github.com/deepseekvet/deepseekvet/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestAnalyzer(t *testing.T) {
	for _, pkg := range []string{"maps", "structs", "jsontext", "incremental", "endpoints", "silent"} {
		t.Run(pkg, func(t *testing.T) {
			analysistest.Run(t, analysistest.TestData(), analyzer.Analyzer, pkg)
		})
	}
}
