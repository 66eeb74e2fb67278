package ruledoc

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/deepseekvet/deepseekvet/analyzer"
	"github.com/deepseekvet/deepseekvet/schema"
)

var update = flag.Bool("update", false, "rewrite docs/rules.md")

const page = "../../docs/rules.md"

// TestRulesPage fails when docs/rules.md differs from what the catalogue renders.
func TestRulesPage(t *testing.T) {
	c, err := schema.Default()
	if err != nil {
		t.Fatal(err)
	}
	want := Render(c)
	if *update {
		if err := os.WriteFile(page, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(page)
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("docs/rules.md is stale (%v): run go test ./internal/ruledoc -update", err)
	}
	// Every diagnostic's URL resolves to its rule's section.
	for _, r := range c.Rules() {
		anchor := strings.ToLower(r.ID)
		if !strings.HasPrefix(analyzer.DocsURL, "https://github.com/deepseekvet/deepseekvet/blob/main/docs/rules.md") ||
			!bytes.Contains(got, []byte(`<a id="`+anchor+`"></a>`)) {
			t.Errorf("%s: no section #%s in docs/rules.md", r.ID, anchor)
		}
	}
}
