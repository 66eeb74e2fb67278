// Package dsprov points the generic provider at DeepSeek: the body compat builds
// is DeepSeek's here, and is reported where this package configures it.
package dsprov

import "compat"

func New() *compat.Provider { // want New:"deepseek:chat"
	return compat.New(compat.Config{
		BaseURL:     "https://api.deepseek.com", // want `max_completion_tokens: max_completion_tokens is OpenAI's field.*built by \(\*compat.Provider\).Chat.*\(DS501\)`
		Model:       "deepseek-reasoner",        // want `model: model "deepseek-reasoner" was retired.*built by \(\*compat.Provider\).Chat.*\(DS102\)`
		Temperature: 0.7,                        // want `temperature: DeepSeek ignores temperature in thinking mode.*\(DS504\)`
	})
}
