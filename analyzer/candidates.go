package analyzer

import (
	"sort"

	"github.com/deepseekvet/deepseekvet/schema"
	"golang.org/x/tools/go/analysis"
)

// checkCandidates validates, one at a time, the constants a hole may hold (a
// flag's default, a fallback, a field set by several constructors): each is a value
// DeepSeek receives on some run, and is reported where it is written. In a payload
// shared with other providers, or where some candidates are DeepSeek model ids and
// others are not (a switch over providers), only DeepSeek's ids are judged.
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
		mixed := false
		for _, c := range saved.Cands {
			mixed = mixed || r.deepseekModel(c)
		}
		for _, c := range saved.Cands {
			if c.ForOther {
				continue // another provider's case or entry
			}
			if (s.shared || mixed) && !r.deepseekModel(c) && !c.NamesDeepSeek {
				continue // a value for another provider (a switch over providers)
			}
			*h = *c
			inst, idx := instance(s.value)
			violations, err := r.contract.Validate(ep, inst)
			if err == nil {
				// The candidate's own violations, and those it makes certain
				// elsewhere (a default reasoning_effort "high" turns thinking on for
				// the turns the body replays); those the body has whatever the
				// candidate were reported by check.
				r.reportAll(violations, idx, false)
			}
			*h = saved
		}
	}
}

// deepseekModel reports whether a candidate is one of DeepSeek's own model ids, in
// any letter case: deepseek/… (OpenRouter) and deepseek-r1 (Ollama) name DeepSeek
// models served by others.
func (r *reporter) deepseekModel(v *Value) bool {
	s, ok := v.Const.(string)
	return ok && isModelID(r.contract, s)
}

// related points from a value reported where it is written to where the payload
// uses it.
func related(v *Value) []analysis.RelatedInformation {
	if !v.Via.IsValid() || v.Via == v.Pos {
		return nil
	}
	return []analysis.RelatedInformation{{Pos: v.Via, End: v.ViaEnd, Message: "the request body uses it here"}}
}

// neverSent reports whether a declared field with omitempty is set nowhere in its
// package, so that its zero value is omitted. (An importer that sets it is reported
// at its own literal: the field is not declared there.)
func (r *reporter) neverSent(m *Member) bool {
	if r.flow == nil || !m.OmitEmpty || m.Field == nil || m.Field.Pkg() != r.pass.Pkg {
		return false
	}
	return len(r.flow.assignsOf(m.Field)) == 0 && !r.flow.isOpaque(m.Field)
}
