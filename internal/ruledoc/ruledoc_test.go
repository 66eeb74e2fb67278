package ruledoc

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/deepseekvet/deepseekvet/analyzer"
	"github.com/deepseekvet/deepseekvet/schema"
)

var update = flag.Bool("update", false, "rewrite docs/rules.md")

const page = "../../docs/rules.md"

func contract(t *testing.T) *schema.Contract {
	t.Helper()
	c, err := schema.Default()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestRulesPage fails when docs/rules.md differs from what the catalogue renders.
func TestRulesPage(t *testing.T) {
	want := Render(contract(t))
	if *update {
		if err := os.WriteFile(page, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("docs/rules.md is stale: regenerate it from the repository root with\n\n\t%s\n\n(or go test ./internal/ruledoc -update)", Command)
	}
}

// TestAnchors checks that every rule, and every link a diagnostic or a rule's
// source carries into docs/rules.md, lands on an anchor of the page.
func TestAnchors(t *testing.T) {
	c := contract(t)
	doc := string(Render(c))
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(`<a id="([^"]+)"></a>`).FindAllStringSubmatch(doc, -1) {
		if ids[m[1]] {
			t.Errorf("anchor %q appears twice", m[1])
		}
		ids[m[1]] = true
	}
	if !strings.HasSuffix(analyzer.DocsURL, "/docs/rules.md") {
		t.Errorf("analyzer.DocsURL = %s, want the URL of docs/rules.md", analyzer.DocsURL)
	}
	for _, r := range c.Rules() {
		if !ids[Anchor(r.ID)] {
			t.Errorf("%s: no anchor %q", r.ID, Anchor(r.ID))
		}
		if !strings.Contains(doc, "\n## "+r.ID+" "+r.Name+": ") {
			t.Errorf("%s: no heading", r.ID)
		}
		if rest, ok := strings.CutPrefix(r.Source, analyzer.DocsURL+"#"); ok && !ids[rest] {
			t.Errorf("%s: source %s names no anchor of the page", r.ID, r.Source)
		}
		if _, ok := Evidence[r.Evidence]; !ok && (r.Evidence != "" || !strings.HasPrefix(r.ID, "DS9")) {
			t.Errorf("%s: evidence tag %q is not explained (only deepseekvet's own DS9xx rules may have none)", r.ID, r.Evidence)
		}
	}
	if !ids[SuppressAnchor] || !strings.Contains(doc, "//deepseekvet:ignore DS501 ") {
		t.Errorf("no section on suppressing findings")
	}
	// Links inside the page go to anchors that exist.
	for _, m := range regexp.MustCompile(`\]\(#([^)]+)\)`).FindAllStringSubmatch(doc, -1) {
		if !ids[m[1]] {
			t.Errorf("link to #%s, which is no anchor", m[1])
		}
	}
}

// TestSection pins the layout of one rule's section.
func TestSection(t *testing.T) {
	r := contract(t).Rule("DS501")
	md := Markdown(r)
	for _, want := range []string{
		"Severity: **warning**. Evidence: `" + r.Evidence + "` (",
		"**What DeepSeek does:** DeepSeek " + r.DeepSeek + ".",
		"**Bad:**\n\n```json\n" + r.Bad + "\n```",
		"**Good:**\n\n```json\n" + r.Good + "\n```",
		"**Fix:** " + r.Fix,
		"**Source:** <" + r.Source + ">",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("DS501 section lacks %q:\n%s", want, md)
		}
	}
	r = contract(t).Rule("DS104")
	if md := Markdown(r); !strings.Contains(md, "**Error text DeepSeek returns:**\n\n```text\n"+r.ErrorText+"\n```") {
		t.Errorf("DS104 section lacks its error text:\n%s", md)
	}
	if md := Markdown(contract(t).Rule("DS902")); !strings.HasPrefix(md, "Severity: **warning**.\n\n**What DeepSeek does:**") {
		t.Errorf("DS902, deepseekvet's own rule, names evidence:\n%s", md)
	}
	if f := fence("//deepseekvet:ignore DS501"); f != "go" {
		t.Errorf("fence of a directive = %s", f)
	}
	if f := fence("(no directive)"); f != "text" {
		t.Errorf("fence of prose = %s", f)
	}
}

// TestGenerator runs the documented command and compares its output with the page.
func TestGenerator(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go run")
	}
	out := filepath.Join(t.TempDir(), "rules.md")
	cmd := exec.Command("go", "run", "./internal/ruledoc/cmd/genrules", "-o", out)
	cmd.Dir = "../.."
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("genrules: %v\n%s", err, b)
	}
	got, _ := os.ReadFile(out)
	if want := Render(contract(t)); !bytes.Equal(got, want) {
		t.Errorf("genrules output differs from Render")
	}
}
