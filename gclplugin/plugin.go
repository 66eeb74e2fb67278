// Package gclplugin registers deepseekvet as a golangci-lint v2 module plugin.
//
// Its settings are the command-line flags', under the same names:
//
//	linters:
//	  settings:
//	    custom:
//	      deepseekvet:
//	        type: module
//	        settings:
//	          severity: warning      # or error: only what DeepSeek rejects
//	          disable: [DS501]       # never report these rules (IDs or families: DS5xx)
//	          # enable: [DS1xx, DS2xx]  # report only these rules
//
// An unknown or misspelt setting, or a rule ID the contract does not know, fails
// the run with an error naming it.
package gclplugin

import (
	"github.com/deepseekvet/deepseekvet/analyzer"
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
)

func init() { register.Plugin("deepseekvet", New) }

type plugin struct{ cfg analyzer.Config }

// New decodes the settings strictly and checks them before golangci-lint runs.
func New(settings any) (register.LinterPlugin, error) {
	cfg, err := register.DecodeSettings[analyzer.Config](settings)
	if err != nil {
		return nil, err
	}
	if _, err := analyzer.New(cfg); err != nil {
		return nil, err
	}
	return &plugin{cfg}, nil
}

func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	a, err := analyzer.New(p.cfg)
	if err != nil {
		return nil, err
	}
	return []*analysis.Analyzer{a}, nil
}

// GetLoadMode asks for types: payloads are found and lowered through go/types.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
