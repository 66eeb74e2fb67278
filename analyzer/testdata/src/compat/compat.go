// Package compat is a generic OpenAI-compatible provider: its importers choose // want package:`bodies:\(\*compat.Provider\).Chat@importer's destination`
// the host, so nothing here is DeepSeek's until one of them says so.
package compat

import (
	"bytes"
	"encoding/json"
	"net/http"
)

type Config struct {
	BaseURL     string
	Model       string
	Temperature float64
	MaxTokens   int
}

type Provider struct{ cfg Config }

func New(cfg Config) *Provider {
	if cfg.MaxTokens == 0 {
		cfg.MaxTokens = 1024
	}
	return &Provider{cfg: cfg}
}

type request struct {
	Model               string              `json:"model"`
	Messages            []map[string]string `json:"messages"`
	Temperature         float64             `json:"temperature,omitempty"`
	MaxCompletionTokens int                 `json:"max_completion_tokens,omitempty"`
}

func (p *Provider) Chat(q string) error {
	body, _ := json.Marshal(request{
		Model:               p.cfg.Model,
		Messages:            []map[string]string{{"role": "user", "content": q}},
		Temperature:         p.cfg.Temperature,
		MaxCompletionTokens: p.cfg.MaxTokens,
	})
	_, err := http.Post(p.cfg.BaseURL+"/chat/completions", "application/json", bytes.NewReader(body))
	return err
}
