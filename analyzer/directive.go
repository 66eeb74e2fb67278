// The //deepseekvet:payload directive.

package analyzer

import (
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// directiveOf returns the endpoint named by a //deepseekvet:payload directive on the
// site's variable or type ("chat" when it names none), or "".
func directiveOf(pass *analysis.Pass, s *site) string {
	var positions []token.Pos
	if s.obj != nil {
		positions = append(positions, s.obj.Pos())
	}
	if tn := namedOf(s.typ); tn != nil && tn.Pkg() == pass.Pkg {
		positions = append(positions, tn.Pos())
	}
	for _, pos := range positions {
		if d, ok := directiveAt(pass, pos); ok {
			return d
		}
	}
	return ""
}

// directiveAt finds //deepseekvet:payload [endpoint] in the doc comment of the
// declaration at pos.
func directiveAt(pass *analysis.Pass, pos token.Pos) (string, bool) {
	for _, f := range pass.Files {
		if pos < f.Pos() || pos > f.End() {
			continue
		}
		line := pass.Fset.Position(pos).Line
		for _, cg := range f.Comments {
			if cg.End() > pos {
				break
			}
			end := pass.Fset.Position(cg.End()).Line
			if end != line-1 {
				continue
			}
			for _, c := range cg.List {
				if rest, ok := strings.CutPrefix(c.Text, "//deepseekvet:payload"); ok {
					if rest != "" && rest[0] != ' ' {
						continue
					}
					arg := strings.TrimSpace(rest)
					if arg == "" {
						arg = "chat"
					}
					return arg, true
				}
			}
		}
	}
	return "", false
}
