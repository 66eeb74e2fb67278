// Package oaiprov points the same generic provider at OpenAI: nothing is
// DeepSeek's, so nothing is reported.
package oaiprov

import "compat"

func New() *compat.Provider {
	return compat.New(compat.Config{
		BaseURL:     "https://api.openai.com/v1",
		Model:       "gpt-5",
		Temperature: 2,
		MaxTokens:   4096,
	})
}
