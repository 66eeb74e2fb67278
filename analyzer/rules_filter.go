package analyzer

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/deepseekvet/deepseekvet/schema"
	"golang.org/x/tools/go/analysis"
)

// rulePattern is a rule ID (DS501) or a family of rules (DS5xx).
var rulePattern = regexp.MustCompile(`^DS[0-9]([0-9]{2}|xx)$`)

// ruleListFlag is -enable and -disable: a comma-separated list of rule IDs or
// families. A malformed entry fails when flags are parsed; an ID the contract does
// not know fails when the contract is loaded.
type ruleListFlag []string

func (f *ruleListFlag) String() string { return strings.Join(*f, ",") }

func (f *ruleListFlag) Set(v string) error {
	list, err := parseRuleList(v)
	if err != nil {
		return err
	}
	*f = list
	return nil
}

// parseRuleList splits "DS501, ds504,DS9xx" into normalized entries.
func parseRuleList(v string) ([]string, error) {
	var list []string
	for _, id := range strings.Split(v, ",") {
		id = strings.TrimSpace(id)
		if id == "" {
			continue
		}
		norm := strings.ToUpper(id[:min(len(id), 2)]) + strings.ToLower(id[min(len(id), 2):])
		if !rulePattern.MatchString(norm) {
			return nil, fmt.Errorf("%q is not a rule ID: want DS and three digits (DS501) or a family (DS5xx)", id)
		}
		list = append(list, norm)
	}
	return list, nil
}

// checkRules rejects entries of Enable and Disable that name no rule of the
// contract, listing the IDs that exist.
func (cfg *Config) checkRules(c *schema.Contract) error {
	for _, list := range []struct {
		name string
		ids  []string
	}{{"enable", cfg.Enable}, {"disable", cfg.Disable}} {
		for _, id := range list.ids {
			norm, err := parseRuleList(id)
			if err != nil {
				return fmt.Errorf("%s: %v", list.name, err)
			}
			if len(norm) != 1 {
				return fmt.Errorf("%s: %q: want one rule ID per entry", list.name, id)
			}
			if !matchesAnyRule(c, norm[0]) {
				return fmt.Errorf("%s: no rule %s; the rules are %s (deepseekvet -list-rules)", list.name, norm[0], ruleIDs(c))
			}
		}
	}
	return nil
}

func matchesAnyRule(c *schema.Contract, pattern string) bool {
	for _, r := range c.Rules() {
		if ruleMatches(pattern, r.ID) {
			return true
		}
	}
	return false
}

func ruleIDs(c *schema.Contract) string {
	var ids []string
	for _, r := range c.Rules() {
		ids = append(ids, r.ID)
	}
	sort.Strings(ids)
	return strings.Join(ids, ", ")
}

// ruleMatches reports whether an entry (DS501, DS5xx; already normalized, or in
// any case) names a rule ID.
func ruleMatches(entry, id string) bool {
	entry = strings.ToUpper(entry)
	if strings.HasSuffix(entry, "XX") {
		return len(id) == len(entry) && strings.HasPrefix(id, entry[:len(entry)-2])
	}
	return entry == id
}

// Reports reports whether the configuration reports a rule: it is among Enable
// (when Enable is set) and not among Disable. Severity is applied separately.
func (cfg *Config) Reports(id string) bool {
	if len(cfg.Enable) > 0 {
		on := false
		for _, e := range cfg.Enable {
			on = on || ruleMatches(e, id)
		}
		if !on {
			return false
		}
	}
	for _, d := range cfg.Disable {
		if ruleMatches(d, id) {
			return false
		}
	}
	return true
}

// filtered returns the pass itself, or, when rules are enabled or disabled, a copy
// whose Report drops the diagnostics of rules the configuration does not report.
// Ignore directives are applied before, so a directive naming a disabled rule is
// still used (no DS902).
func (cfg *Config) filtered(pass *analysis.Pass) *analysis.Pass {
	if len(cfg.Enable) == 0 && len(cfg.Disable) == 0 {
		return pass
	}
	p := *pass
	p.Report = func(d analysis.Diagnostic) {
		if cfg.Reports(d.Category) {
			pass.Report(d)
		}
	}
	return &p
}
