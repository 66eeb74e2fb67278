package analyzer

import (
	"encoding/json"
	"fmt"
	"go/token"
	"strings"
	"testing"

	"github.com/deepseekvet/deepseekvet/schema"
	"golang.org/x/tools/go/analysis/analysistest"
)

// A realistic request body: a tool conversation of 40 turns.
var benchBody = func() string {
	var b strings.Builder
	b.WriteString(`{"model": "deepseek-flash", "max_tokens": 4096, "temperature": 0.7, "stream": true, "stream_options": {"include_usage": true}, "tools": [{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object"}}}], "messages": [{"role": "system", "content": "Be brief."}`)
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, `, {"role": "user", "content": "question %d"}, {"role": "assistant", "content": "", "reasoning_content": "thinking", "tool_calls": [{"id": "c%d", "type": "function", "function": {"name": "get_weather", "arguments": "{}"}}]}, {"role": "tool", "tool_call_id": "c%d", "content": "sunny"}`, i, i, i)
	}
	b.WriteString(`]}`)
	return b.String()
}()

func BenchmarkParseJSONText(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseJSONText(benchBody, func(off int) token.Pos { return token.Pos(off + 1) }, `"%s"`); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkInstance(b *testing.B) {
	v, _ := parseJSONText(benchBody, func(off int) token.Pos { return token.Pos(off + 1) }, `"%s"`)
	b.ReportAllocs()
	for b.Loop() {
		instance(v)
	}
}

func BenchmarkValidate(b *testing.B) {
	c, err := schema.Default()
	if err != nil {
		b.Fatal(err)
	}
	var doc any
	d := json.NewDecoder(strings.NewReader(benchBody))
	d.UseNumber()
	d.Decode(&doc)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Validate(schema.ChatNonBeta, doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnalyzer runs the whole pass (site finding, binding, lowering,
// validation, reporting) over the test packages.
func BenchmarkAnalyzer(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		analysistest.Run(&silentT{b}, analysistest.TestData(), Analyzer, "maps", "structs", "incremental")
	}
}

// silentT ignores analysistest's expectation checks: the benchmark measures.
type silentT struct{ *testing.B }

func (silentT) Errorf(string, ...any) {}
