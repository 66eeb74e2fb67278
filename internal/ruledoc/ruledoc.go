// Package ruledoc renders docs/rules.md from the rule catalogue (schema/rules.json),
// so the page every diagnostic links to cannot drift from the rules.
package ruledoc

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/deepseekvet/deepseekvet/schema"
)

var evidence = map[string]string{
	"OFF":   "DeepSeek's documentation",
	"OFF-q": "DeepSeek's documentation (quoted)",
	"OBS":   "observed API errors",
	"3P":    "third-party reports only",
}

// Render returns the Markdown of docs/rules.md.
func Render(c *schema.Contract) []byte {
	var b bytes.Buffer
	b.WriteString("# deepseekvet rules\n\n")
	b.WriteString("<!-- Generated from schema/rules.json by `go test ./internal/ruledoc -update`. Do not edit. -->\n\n")
	b.WriteString("Every finding carries one of these IDs. **Errors** are requests DeepSeek rejects (HTTP 400, or 422 for\n")
	b.WriteString("bodies it cannot deserialize); **warnings** are settings it accepts and ignores, so they silently do nothing.\n")
	b.WriteString("`-severity=error` reports errors only. The field names, values and limits behind each rule live in\n")
	b.WriteString("[schema/](../schema), each with its source.\n\n")
	b.WriteString("| rule | name | severity | title |\n|---|---|---|---|\n")
	for _, r := range c.Rules() {
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s | %s |\n", r.ID, strings.ToLower(r.ID), r.Name, r.Severity, r.Title)
	}
	b.WriteString("\n")
	for _, r := range c.Rules() {
		fmt.Fprintf(&b, "<a id=\"%s\"></a>\n## %s %s: %s\n\n", strings.ToLower(r.ID), r.ID, r.Name, r.Title)
		fmt.Fprintf(&b, "Severity: **%s**. Evidence: %s.\n\n", r.Severity, evidence[r.Evidence])
		fmt.Fprintf(&b, "**What DeepSeek does:** DeepSeek %s.\n\n", r.DeepSeek)
		if r.ErrorText != "" {
			fmt.Fprintf(&b, "**Error text:**\n\n```text\n%s\n```\n\n", r.ErrorText)
		}
		fmt.Fprintf(&b, "**Bad:**\n\n```json\n%s\n```\n\n**Good:**\n\n```json\n%s\n```\n\n", r.Bad, r.Good)
		fmt.Fprintf(&b, "**Fix:** %s\n\n**Source:** <%s>\n\n", r.Fix, r.Source)
	}
	b.WriteString(`<a id="suppressing-findings"></a>
## Suppressing findings

` + "```go" + `
//deepseekvet:ignore DS501 our gateway maps max_completion_tokens to max_tokens
"max_completion_tokens": 512,
` + "```" + `

The directive names one or more rules (` + "`DS501,DS504`" + `) and must give a reason (DS901 otherwise).
On its own line it covers the next line; at the end of a line, that line; in a declaration's doc
comment, the whole declaration. A directive that silences nothing is reported (DS902). Under
golangci-lint, use ` + "`//nolint:deepseekvet`" + ` as for any linter.
`)
	return b.Bytes()
}
