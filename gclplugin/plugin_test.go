package gclplugin_test

import (
	"strings"
	"testing"

	_ "github.com/deepseekvet/deepseekvet/gclplugin"
	"github.com/golangci/plugin-module-register/register"
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
		`unknown field "colour"`:                     {"colour": "red"},
		`severity "loud": want warning or error`:     {"severity": "loud"},
		"schema-sha256 is set but schema-dir is not": {"schema-sha256": "abc"},
	} {
		if _, err := newPlugin(want); err == nil || !strings.Contains(err.Error(), settings) {
			t.Errorf("settings %v: err = %v, want %q", want, err, settings)
		}
	}
}
