// Package multiapp configures multillm's clients with one default per role: only // want package:`bodies:\(\*multillm.deepSeek\).Ask@chat`
// the role that names DeepSeek is checked against DeepSeek's contract.
package multiapp

import "multillm"

type Role struct {
	Provider    multillm.Provider
	Model       string  // want Model:`sinks:model@chat\(shared\)`
	Temperature float64 // want Temperature:`sinks:temperature@chat\(shared\)`
}

var (
	Pro   = Role{Provider: multillm.ProviderDeepSeek, Model: "deepseek-chat", Temperature: 0.8} // want `model: model "deepseek-chat" was retired.*\(DS102\)` `temperature: DeepSeek ignores temperature in thinking mode.*\(DS504\)`
	Con   = Role{Provider: multillm.ProviderDashScope, Model: "qwen-plus", Temperature: 0.8}
	Judge = Role{Provider: multillm.ProviderDashScope, Model: "qwen-max", Temperature: 2.5}
)

func (r Role) Config() multillm.Config {
	return multillm.Config{Provider: r.Provider, Model: r.Model, Temperature: r.Temperature}
}

func Debate(q string) error {
	for _, r := range []Role{Pro, Con, Judge} {
		if err := multillm.New(r.Config()).Ask(q); err != nil {
			return err
		}
	}
	return nil
}
