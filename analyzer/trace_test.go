package analyzer_test

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/deepseekvet/deepseekvet/analyzer"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestTrace checks what Config.Trace receives (deepseekvet -v): every candidate,
// the endpoint it is bound to or none, and the reason.
func TestTrace(t *testing.T) {
	var mu sync.Mutex
	var got []string
	a, err := analyzer.New(analyzer.Config{Trace: func(e analyzer.TraceEvent) {
		if e.Package != "trace" {
			return // the standard library, analysed for facts
		}
		mu.Lock()
		defer mu.Unlock()
		ep := "skipped"
		if e.Endpoint != "" {
			ep = analyzer.EndpointName(e.Endpoint)
		}
		got = append(got, fmt.Sprintf("%s:%d: %s: %s: %s", filepath.Base(e.Pos.Filename), e.Pos.Line, e.What, ep, e.Reason))
	}})
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(quiet{}, analysistest.TestData(), a, "trace")
	sort.Strings(got)
	want := []string{
		`trace.go:17: map literal map[string]any: chat completions (non-beta base URL): a DeepSeek URL (chat) reaches function viaURL`,
		`trace.go:19: map literal map[string]any: chat completions (base URL not shown: beta features allowed): its model "deepseek-flash" is a DeepSeek model`,
		`trace.go:21: map literal map[string]any: skipped: function otherHost sends to another host (other)`,
		`trace.go:23: map literal map[string]any: skipped: no DeepSeek URL reaches function otherModel, its type is not bound to DeepSeek, and its model "gpt-4o" is not a DeepSeek model`,
		`trace.go:25: map literal map[string]any: skipped: every way out of its function is a file, a log or a response, never a request`,
		`trace.go:33: struct literal betaRequest: chat completions (beta base URL): a //deepseekvet:payload directive (beta)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("trace:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
