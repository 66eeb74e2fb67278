// Package ruledoc renders docs/rules.md from the rule catalogue (schema/rules.json),
// so the page every diagnostic links to cannot drift from the rules. The SARIF
// output uses the same text for each rule's help.
//
// Regenerate the page with
//
//	go run ./internal/ruledoc/cmd/genrules > docs/rules.md
//
// (or go generate ./internal/ruledoc); TestRulesPage fails while it is stale.
package ruledoc

//go:generate go run ./cmd/genrules -o ../../docs/rules.md

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/deepseekvet/deepseekvet/schema"
)

// Command is how to regenerate docs/rules.md from the repository root.
const Command = "go run ./internal/ruledoc/cmd/genrules > docs/rules.md"

// SuppressAnchor is the anchor of the section on //deepseekvet:ignore.
const SuppressAnchor = "suppressing-findings"

// Evidence explains the evidence tags of schema/rules.json.
var Evidence = map[string]string{
	"OFF":   "DeepSeek's official documentation, read verbatim",
	"OFF-q": "a sentence of DeepSeek's official documentation, quoted verbatim by third parties",
	"OBS":   "a real API response, quoted in a public issue or pull request",
	"3P":    "third-party reports only, not confirmed by DeepSeek",
}

// Anchor is the fragment of a rule's section in docs/rules.md: the lower-cased ID.
func Anchor(id string) string { return strings.ToLower(id) }

// Render returns the Markdown of docs/rules.md.
func Render(c *schema.Contract) []byte {
	var b bytes.Buffer
	b.WriteString("# deepseekvet rules\n\n")
	b.WriteString("<!-- Generated from schema/rules.json by `" + Command + "`. Do not edit. -->\n\n")
	b.WriteString("Every finding carries one of these IDs. **Errors** are requests DeepSeek rejects (HTTP 400, or 422 for\n")
	b.WriteString("bodies it cannot deserialize); **warnings** are settings it accepts and ignores, so they silently do nothing.\n")
	b.WriteString("`-severity=error` reports errors only. The field names, values and limits behind each rule live in\n")
	b.WriteString("[schema/](../schema), each with its source. To silence a finding that does not apply, see\n")
	b.WriteString("[Suppressing findings](#" + SuppressAnchor + ").\n\n")
	b.WriteString("| rule | name | severity | title |\n|---|---|---|---|\n")
	for _, r := range c.Rules() {
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s | %s |\n", r.ID, Anchor(r.ID), r.Name, r.Severity, cell(r.Title))
	}
	b.WriteString("\n")
	for _, r := range c.Rules() {
		fmt.Fprintf(&b, "<a id=\"%s\"></a>\n\n## %s %s: %s\n\n", Anchor(r.ID), r.ID, r.Name, r.Title)
		b.WriteString(Markdown(r))
		b.WriteString("\n")
	}
	b.WriteString(`<a id="` + SuppressAnchor + `"></a>

## Suppressing findings

When a finding does not apply, silence it where it is reported and say why:

` + "```go" + `
body := map[string]any{
	"model": "deepseek-flash",
	//deepseekvet:ignore DS501 our gateway maps max_completion_tokens to max_tokens
	"max_completion_tokens": 512,
}
` + "```" + `

- ` + "`//deepseekvet:ignore RULE reason`" + `: the directive names one rule, or several separated by
  commas (` + "`DS501,DS504`" + `), and **the reason is required**. A directive without a rule or a
  reason is itself reported ([DS901](#ds901)) and silences nothing.
- On a line of its own it covers the next line; at the end of a line, that line; in the doc
  comment of a top-level declaration, the whole declaration.
- A directive that silences nothing is reported ([DS902](#ds902)), so stale ones get removed.
- Under golangci-lint, ` + "`//nolint:deepseekvet`" + ` works as for any linter.
`)
	return b.Bytes()
}

// Markdown is a rule's section without its heading: severity and evidence, what
// DeepSeek does and answers, a bad and a good example, the fix and the source.
func Markdown(r *schema.Rule) string {
	var b strings.Builder
	if r.Evidence == "" {
		// deepseekvet's own rules (DS9xx): DeepSeek is not involved.
		fmt.Fprintf(&b, "Severity: **%s**.\n\n", r.Severity)
	} else {
		fmt.Fprintf(&b, "Severity: **%s**. Evidence: `%s` (%s).\n\n", r.Severity, r.Evidence, Evidence[r.Evidence])
	}
	fmt.Fprintf(&b, "**What DeepSeek does:** DeepSeek %s.\n\n", r.DeepSeek)
	if r.ErrorText != "" {
		fmt.Fprintf(&b, "**Error text DeepSeek returns:**\n\n```text\n%s\n```\n\n", r.ErrorText)
	}
	fmt.Fprintf(&b, "**Bad:**\n\n```%s\n%s\n```\n\n", fence(r.Bad), r.Bad)
	fmt.Fprintf(&b, "**Good:**\n\n```%s\n%s\n```\n\n", fence(r.Good), r.Good)
	fmt.Fprintf(&b, "**Fix:** %s\n\n", r.Fix)
	fmt.Fprintf(&b, "**Message template:** `%s`\n\n", strings.ReplaceAll(r.Message+" ("+r.ID+")", "`", "'"))
	fmt.Fprintf(&b, "**Source:** <%s>\n", r.Source)
	return b.String()
}

// Text is a rule's help as plain text, for SARIF's help.text.
func Text(r *schema.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s, %s).\n\nDeepSeek %s.\n", r.Title, r.ID, r.Severity, r.DeepSeek)
	if r.ErrorText != "" {
		fmt.Fprintf(&b, "Error text: %s\n", r.ErrorText)
	}
	fmt.Fprintf(&b, "\nBad:  %s\nGood: %s\n\nFix: %s\n\nSource: %s\n", r.Bad, r.Good, r.Fix, r.Source)
	return b.String()
}

// fence picks the code fence language of an example: JSON bodies (with "..."
// elisions), Go comments for directives, text otherwise.
func fence(example string) string {
	switch {
	case strings.HasPrefix(example, "//"):
		return "go"
	case strings.HasPrefix(example, "{"):
		return "json"
	}
	var v any
	if json.Unmarshal([]byte(example), &v) == nil {
		return "json"
	}
	return "text"
}

// cell escapes a table cell.
func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
