// Command noop is deepseekvet's benchmark baseline: an analyzer of exactly the same
// shape (same Requires and FactTypes, so the framework loads and type-checks the
// same packages and runs the same dependency passes) whose Run does nothing.
package main

import (
	"github.com/deepseekvet/deepseekvet/analyzer"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"
)

func main() {
	a := analyzer.Analyzer
	noop := &analysis.Analyzer{
		Name:      a.Name,
		Doc:       a.Doc,
		Requires:  a.Requires,
		FactTypes: a.FactTypes,
		Run:       func(*analysis.Pass) (any, error) { return nil, nil },
	}
	noop.Flags = a.Flags
	singlechecker.Main(noop)
}
