package analyzer

import (
	"sort"
	"strings"

	"github.com/deepseekvet/deepseekvet/schema"
	"golang.org/x/tools/go/analysis"
)

// checkCandidates validates, one at a time, the constants a hole may hold (a
// flag's default, a fallback, a field set by several constructors): each is a value
// DeepSeek receives on some run, and is reported where it is written. In a payload
// shared with other providers only constants that name DeepSeek are judged: the
// others are for the other providers.
func (r *reporter) checkCandidates(s *site, ep schema.Endpoint, index map[string]*node) {
	ptrs := make([]string, 0, len(index))
	for ptr, n := range index {
		if n.value.Kind == Hole && len(n.value.Cands) > 0 {
			ptrs = append(ptrs, ptr)
		}
	}
	sort.Strings(ptrs)
	for _, ptr := range ptrs {
		h := index[ptr].value
		saved := *h
		for _, c := range saved.Cands {
			if s.shared && !namesDeepSeek(c) {
				continue
			}
			*h = *c
			inst, idx := instance(s.value)
			violations, err := r.contract.Validate(ep, inst)
			if err == nil {
				var own []schema.Violation
				for _, v := range violations {
					if v.Instance == ptr {
						own = append(own, v)
					}
				}
				r.reportAll(own, idx, false)
			}
			*h = saved
		}
	}
}

func namesDeepSeek(v *Value) bool {
	s, ok := v.Const.(string)
	return ok && strings.Contains(strings.ToLower(s), "deepseek")
}

// related points from a value reported where it is written to where the payload
// uses it.
func related(v *Value) []analysis.RelatedInformation {
	if !v.Via.IsValid() || v.Via == v.Pos {
		return nil
	}
	return []analysis.RelatedInformation{{Pos: v.Via, End: v.ViaEnd, Message: "the request body uses it here"}}
}

// neverSent reports whether a declared field with omitempty is set nowhere it can
// be (this package, and no importer), so that its zero value is always omitted.
func (r *reporter) neverSent(m *Member) bool {
	if r.flow == nil || !m.OmitEmpty || m.Field == nil || m.Field.Pkg() != r.pass.Pkg {
		return false
	}
	if m.Field.Exported() && r.pass.Pkg.Name() != "main" {
		return false // importers may set it
	}
	return len(r.flow.assigns[m.Field]) == 0 && !r.flow.opaque[m.Field]
}
