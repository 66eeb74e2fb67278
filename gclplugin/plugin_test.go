package gclplugin_test

import (
	"strings"
	"testing"

	_ "github.com/deepseekvet/deepseekvet/gclplugin"
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestSettings(t *testing.T) {
	newPlugin, err := register.GetPlugin("deepseekvet")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(map[string]any{"severity": "error"})
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil || len(as) != 1 || as[0].Name != "deepseekvet" || p.GetLoadMode() != register.LoadModeTypesInfo {
		t.Errorf("BuildAnalyzers = %v, %v; load mode %s", as, err, p.GetLoadMode())
	}
	for settings, want := range map[string]map[string]any{
		`unknown field "colour"`:                                                       {"colour": "red"},
		`severity "loud": want warning or error`:                                       {"severity": "loud"},
		"schema-sha256 is set but schema-dir is not":                                   {"schema-sha256": "abc"},
		"enable: no rule DS999; the rules are DS101":                                   {"enable": []any{"DS999"}},
		`"DS5" is not a rule ID`:                                                       {"disable": []any{"DS5"}},
		`cannot unmarshal string into Go struct field Config.disable of type []string`: {"disable": "DS501"},
		`unknown field "trace"`:                                                        {"trace": true},
	} {
		if _, err := newPlugin(want); err == nil || !strings.Contains(err.Error(), settings) {
			t.Errorf("settings %v: err = %v, want %q", want, err, settings)
		}
	}
}

// collector is an analysistest.Testing that keeps the errors to itself: the test
// data has no // want comments, the test reads the diagnostics instead.
type collector struct{}

func (collector) Errorf(string, ...any) {}

// TestRuleSettings checks that enable and disable select the rules reported.
func TestRuleSettings(t *testing.T) {
	newPlugin, err := register.GetPlugin("deepseekvet")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		settings map[string]any
		want     string
	}{
		{map[string]any{}, "DS102 DS501"},
		{map[string]any{"disable": []any{"DS501"}}, "DS102"},
		{map[string]any{"enable": []any{"DS5xx"}}, "DS501"},
		{map[string]any{"enable": []any{"DS1xx", "DS501"}, "disable": []any{"DS102"}}, "DS501"},
		{map[string]any{"severity": "error", "enable": []any{"DS501"}}, ""},
	} {
		p, err := newPlugin(tc.settings)
		if err != nil {
			t.Fatalf("%v: %v", tc.settings, err)
		}
		as, err := p.BuildAnalyzers()
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range analysistest.Run(collector{}, analysistest.TestData(), as[0], "p") {
			for _, d := range r.Diagnostics {
				got = append(got, d.Category)
			}
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("settings %v: %v, want %s", tc.settings, got, tc.want)
		}
	}
}
