package schema

import (
	"regexp"
	"sort"
	"strings"
	"testing"
)

// A text claims a rejection when it says DeepSeek rejects something or names an HTTP
// status; it quotes an error when a status is followed by a quoted text.
var (
	claimsRejection = regexp.MustCompile(`(?i)\breject|\b4(00|22)\b`)
	quotesError     = regexp.MustCompile(`\b4(00|22)\b[^;]*?"`)
)

// rejectionEvidence are the tags that can show a rejection: DeepSeek's documentation
// (read or quoted) saying so, or an observed API error.
var rejectionEvidence = map[string]bool{"OFF": true, "OFF-q": true, "OBS": true}

// site is one place a rule's message is used: the rule itself (fallback keywords) or
// an annotation.
type site struct {
	where    string
	rule     *Rule
	message  string
	evidence string
}

func sites(c *Contract) []site {
	var out []site
	for _, r := range c.Rules() {
		out = append(out, site{"rules.json#/" + r.ID, r, r.Message, r.Evidence})
	}
	locs := make([]string, 0, len(c.annotations))
	for loc := range c.annotations {
		locs = append(locs, loc)
	}
	sort.Strings(locs)
	for _, loc := range locs {
		a := c.annotations[loc]
		r := c.rules[a.Rule]
		s := site{loc, r, a.Message, a.Evidence}
		if s.message == "" {
			s.message = r.Message
		}
		if s.evidence == "" {
			s.evidence = r.Evidence
		}
		out = append(out, s)
	}
	return out
}

// TestEvidence checks every message against the evidence behind it: a message claims
// a rejection ("rejects … with 400") only where the tag can show one, quotes an error
// text only where it was observed, and an error never rests on third-party reports
// alone. deepseekvet's own rules (DS9xx) cite no DeepSeek evidence.
func TestEvidence(t *testing.T) {
	c := mustDefault(t)
	for _, s := range sites(c) {
		r := s.rule
		if strings.HasPrefix(r.ID, "DS9") {
			if s.evidence != "" || !strings.HasPrefix(r.DeepSeek, "is not involved") || strings.Contains(r.Source, "deepseek.com") || claimsRejection.MatchString(s.message) {
				t.Errorf("%s: deepseekvet's own rule cites DeepSeek (evidence %q, source %s, deepseek %q)", s.where, s.evidence, r.Source, r.DeepSeek)
			}
			continue
		}
		if _, ok := map[string]bool{"OFF": true, "OFF-q": true, "OBS": true, "3P": true}[s.evidence]; !ok {
			t.Errorf("%s: evidence %q is not a tag", s.where, s.evidence)
		}
		if r.Severity == "error" && s.evidence == "3P" {
			t.Errorf("%s: an error rests on third-party evidence only", s.where)
		}
		if claimsRejection.MatchString(s.message) && !rejectionEvidence[s.evidence] {
			t.Errorf("%s: message claims a rejection on %s evidence: %s", s.where, s.evidence, s.message)
		}
		if quotesError.MatchString(s.message) && s.evidence != "OBS" {
			t.Errorf("%s: message quotes an error text on %s evidence, not an observed one: %s", s.where, s.evidence, s.message)
		}
	}
	for _, r := range c.Rules() {
		if claimsRejection.MatchString(r.DeepSeek) && !rejectionEvidence[r.Evidence] {
			t.Errorf("%s: deepseek text claims a rejection on %s evidence: %s", r.ID, r.Evidence, r.DeepSeek)
		}
		if r.ErrorText == "" {
			continue
		}
		observed := r.Evidence == "OBS"
		for _, s := range sites(c) {
			observed = observed || s.rule == r && s.evidence == "OBS"
		}
		if !observed {
			t.Errorf("%s: error text %q, but no site of the rule is observed (OBS)", r.ID, r.ErrorText)
		}
	}
}

// TestEvidenceCheck makes sure the checks above catch what they are for.
func TestEvidenceCheck(t *testing.T) {
	for _, tc := range []struct {
		msg           string
		claim, quotes bool
	}{
		{`{path}: DeepSeek rejects {value} with 400: the maximum is 2`, true, false},
		{`{path}: DeepSeek rejects stream_options without "stream": true with 400 "stream_options should be set along with stream = true"; set stream`, true, true},
		{`{path}: {value} is outside the documented range [0, 2]; use a temperature from 0 to 2`, false, false},
		{`{path}: DeepSeek rejects role {value} with 400 (unknown variant); use "system"`, true, false},
		{`{path}: model {value} was retired by DeepSeek on 2026-07-24 and is no longer accessible; use {use}`, false, false},
	} {
		if got := claimsRejection.MatchString(tc.msg); got != tc.claim {
			t.Errorf("claimsRejection(%q) = %v", tc.msg, got)
		}
		if got := quotesError.MatchString(tc.msg); got != tc.quotes {
			t.Errorf("quotesError(%q) = %v", tc.msg, got)
		}
	}
}

// TestMessages pins what the messages of the cases say.
func TestMessages(t *testing.T) {
	c := mustDefault(t)
	for _, tc := range []struct {
		ep            Endpoint
		doc, instance string
		rule          string
		has, hasNot   []string
		use           string
	}{
		{Chat, chatDoc(noThinking + `,"temperature":2.5`), "/temperature", "DS105", []string{"outside the documented range [0, 2]"}, []string{"reject", "400"}, ""},
		{Chat, `{"model":"DeepSeek-V4-Flash","messages":[` + user + `]}`, "/model", "DS507", []string{"documents the model id {use} in lowercase", "not documented"}, []string{"reject", "400", "Model Not Exist"}, "deepseek-v4-flash"},
		{Chat, `{"model":"gpt-4o","messages":[` + user + `]}`, "/model", "DS101", []string{`rejects model {value} with 400 "Model Not Exist"`}, nil, ""},
		{Anthropic, `{"model":"gpt-4o","max_tokens":1,"messages":[` + user + `]}`, "/model", "DS101", []string{"Anthropic endpoint rejects model {value} with 400", "claude"}, []string{"Model Not Exist"}, ""},
		{Responses, `{"model":"gpt-4o","input":"x"}`, "/model", "DS101", []string{"not a DeepSeek model"}, []string{"reject", "400"}, ""},
		{Chat, `{"model":"deepseek-chat","messages":[` + user + `]}`, "/model", "DS102", []string{"retired", "no longer accessible"}, []string{"400", "Model Not Exist"}, `deepseek-flash with "thinking": {"type": "disabled"} (deepseek-chat was the non-thinking mode)`},
		{Chat, chatDoc(`"thinking":{"type":"auto"}`), "/thinking/type", "DS104", []string{"does not document"}, []string{"reject", "400"}, ""},
	} {
		vs, err := c.Validate(tc.ep, decode(t, tc.doc))
		if err != nil {
			t.Fatal(err)
		}
		var v *Violation
		for i := range vs {
			if vs[i].Instance == tc.instance && vs[i].Rule.ID == tc.rule {
				v = &vs[i]
			}
		}
		if v == nil {
			t.Errorf("%s: no %s at %s in %+v", tc.doc, tc.rule, tc.instance, vs)
			continue
		}
		msg, use := v.Rule.Message, ""
		if v.Annotation != nil {
			use = v.Annotation.Use
			if v.Annotation.Message != "" {
				msg = v.Annotation.Message
			}
		}
		for _, s := range tc.has {
			if !strings.Contains(msg, s) {
				t.Errorf("%s %s: message %q lacks %q", tc.instance, tc.rule, msg, s)
			}
		}
		for _, s := range tc.hasNot {
			if strings.Contains(msg, s) {
				t.Errorf("%s %s: message %q says %q", tc.instance, tc.rule, msg, s)
			}
		}
		if use != tc.use {
			t.Errorf("%s %s: use %q, want %q", tc.instance, tc.rule, use, tc.use)
		}
	}
}

// TestModelCasePatterns keeps the case-insensitive model patterns in step with the
// model enums: one pattern per documented id, matching exactly its letter-case
// variants, and one DS507 or DS102 case rule per id.
func TestModelCasePatterns(t *testing.T) {
	c := mustDefault(t)
	chat := c.docs["chat.schema.json"]
	anyCase, _ := Pointer(chat, "/$defs/knownModelAnyCase/anyOf")
	rules, _ := Pointer(chat, "/$defs/modelNotCurrent/allOf")
	ids := append(append([]string(nil), c.Accepted...), c.Retired...)
	if len(anyCase.([]any)) != len(ids) {
		t.Fatalf("knownModelAnyCase has %d patterns for %d ids", len(anyCase.([]any)), len(ids))
	}
	for i, id := range ids {
		pat := anyCase.([]any)[i].(map[string]any)["pattern"].(string)
		re := regexp.MustCompile(pat)
		for _, s := range []string{id, strings.ToUpper(id), strings.ToUpper(id[:1]) + id[1:]} {
			if !re.MatchString(s) {
				t.Errorf("%s does not match %s", pat, s)
			}
		}
		for _, s := range []string{id + "x", "x" + id, strings.Replace(id, "-", "_", 1)} {
			if re.MatchString(s) {
				t.Errorf("%s matches %s", pat, s)
			}
		}
		found := false
		for _, r := range rules.([]any) {
			m := r.(map[string]any)
			cond := m["if"].(map[string]any)
			if cond["pattern"] != pat {
				continue
			}
			not, _ := cond["not"].(map[string]any)
			ann := m["then"].(map[string]any)["x-deepseekvet"].(map[string]any)
			want := "DS507"
			if contains(c.Retired, id) {
				want = "DS102"
			}
			found = not["const"] == id && ann["rule"] == want
		}
		if !found {
			t.Errorf("%s: no %s case rule with pattern %s", id, map[bool]string{true: "DS102", false: "DS507"}[contains(c.Retired, id)], pat)
		}
	}
}
