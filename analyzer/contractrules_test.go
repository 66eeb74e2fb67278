package analyzer_test

import (
	"testing"

	"github.com/deepseekvet/deepseekvet/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestContractRules runs the contract rules of issue 10 (strict function schemas,
// tool-message order, model-name case) through the analyzer, traps beside positives.
func TestContractRules(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyzer.Analyzer, "contractrules")
}
