package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// ignoreDirective is a //deepseekvet:ignore RULE[,RULE] reason comment. It silences
// the named rules on its own line, on the line below it, or, in the doc comment of a
// top-level declaration, in the whole declaration. The reason is required, as in
// staticcheck's //lint:ignore, so every silenced finding says why.
type ignoreDirective struct {
	comment   *ast.Comment
	rules     []string
	reason    string
	from, to  token.Pos // the range it covers
	line      int
	file      *token.File
	used      bool
	malformed string
}

const ignorePrefix = "//deepseekvet:ignore"

// Rule IDs for the directive's own findings; their text lives in schema/rules.json.
const (
	ruleMalformedDirective = "DS901"
	ruleUnusedDirective    = "DS902"
)

func parseIgnoreDirectives(pass *analysis.Pass) []*ignoreDirective {
	var out []*ignoreDirective
	for _, f := range pass.Files {
		docOf := map[*ast.CommentGroup]ast.Decl{}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Doc != nil {
					docOf[d.Doc] = d
				}
			case *ast.GenDecl:
				if d.Doc != nil {
					docOf[d.Doc] = d
				}
			}
		}
		tf := pass.Fset.File(f.Pos())
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				rest, ok := strings.CutPrefix(c.Text, ignorePrefix)
				if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
					continue
				}
				d := &ignoreDirective{comment: c, file: tf, line: tf.Line(c.Pos())}
				rest, _, _ = strings.Cut(rest, "//") // a comment after it is no reason
				fields := strings.Fields(rest)
				switch {
				case len(fields) == 0:
					d.malformed = "names no rule"
				case len(fields) == 1:
					d.malformed = "gives no reason"
				}
				if len(fields) > 0 {
					d.rules = strings.Split(fields[0], ",")
					d.reason = strings.Join(fields[1:], " ")
				}
				if decl, ok := docOf[cg]; ok {
					d.from, d.to = decl.Pos(), decl.End()
				}
				out = append(out, d)
			}
		}
	}
	return out
}

// covers reports whether the directive silences a diagnostic of rule at pos.
func (d *ignoreDirective) covers(fset *token.FileSet, rule string, pos token.Pos) bool {
	if d.malformed != "" || fset.File(pos) != d.file {
		return false
	}
	named := false
	for _, r := range d.rules {
		if strings.EqualFold(r, rule) {
			named = true
		}
	}
	if !named {
		return false
	}
	if d.from.IsValid() {
		return d.from <= pos && pos < d.to
	}
	line := d.file.Line(pos)
	return line == d.line || line == d.line+1
}

// applyIgnores drops silenced diagnostics and reports malformed and unused
// directives.
func (r *reporter) applyIgnores() {
	directives := parseIgnoreDirectives(r.pass)
	if len(directives) == 0 {
		return
	}
	kept := r.diags[:0]
	for _, d := range r.diags {
		silenced := false
		for _, dir := range directives {
			if dir.covers(r.pass.Fset, d.Category, d.Pos) {
				dir.used, silenced = true, true
			}
		}
		if !silenced {
			kept = append(kept, d)
		}
	}
	r.diags = kept
	for _, dir := range directives {
		switch {
		case dir.malformed != "":
			r.directiveFinding(dir, ruleMalformedDirective, fmt.Sprintf("malformed deepseekvet:ignore directive: it %s; write //deepseekvet:ignore RULE reason", dir.malformed))
		case !dir.used:
			r.directiveFinding(dir, ruleUnusedDirective, fmt.Sprintf("this deepseekvet:ignore directive silences nothing (%s); remove it", strings.Join(dir.rules, ",")))
		}
	}
}

func (r *reporter) directiveFinding(dir *ignoreDirective, ruleID, msg string) {
	rule := r.contract.Rule(ruleID)
	if rule == nil {
		return
	}
	d := analysis.Diagnostic{
		Pos:      dir.comment.Pos(),
		End:      dir.comment.End(),
		Category: rule.ID,
		URL:      DocsURL + "#" + strings.ToLower(rule.ID),
		Message:  fmt.Sprintf("%s (%s)", msg, rule.ID),
	}
	if ruleID == ruleUnusedDirective && !r.generated(dir.comment.Pos()) {
		d.SuggestedFixes = []analysis.SuggestedFix{{Message: "Remove the directive", TextEdits: []analysis.TextEdit{{Pos: dir.comment.Pos(), End: dir.comment.End()}}}}
	}
	r.diags = append(r.diags, d)
}
