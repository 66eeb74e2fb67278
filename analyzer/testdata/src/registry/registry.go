// Package registry holds providers that share one config type: every provider's // want package:`bodies:\(\*registry.BaseLLM\).Payload@chat`
// constructor fills its base URL through one helper, so the field may name any
// provider's URL and binds nothing by itself. DeepSeek's provider embeds BaseLLM;
// OpenAILLM serves Groq only.
package registry

import (
	"bytes"
	"encoding/json"
	"net/http"
)

const (
	deepSeekBase = "https://api.deepseek.com"
	groqBase     = "https://api.groq.com/openai/v1"
)

type ClientConfig struct {
	APIBase   string
	Model     string // want Model:`sinks:model@chat\(shared\)`
	MaxTokens int    // want MaxTokens:`sinks:max_completion_tokens@chat\(shared\)`
}

func setDefaults(cfg *ClientConfig, base, model string) {
	if cfg.APIBase == "" {
		cfg.APIBase = base
	}
	if cfg.Model == "" {
		cfg.Model = model
	}
}

// BaseLLM builds the body DeepSeekLLM sends.
type BaseLLM struct{ Config *ClientConfig }

func (b *BaseLLM) Payload(q string) map[string]any {
	return map[string]any{
		"model":                 b.Config.Model,
		"messages":              []map[string]string{{"role": "user", "content": q}},
		"max_completion_tokens": b.Config.MaxTokens, // want `max_completion_tokens: .*\(DS501\)`
	}
}

func (b *BaseLLM) Send(q string) error {
	return post(b.Config.APIBase+"/chat/completions", b.Payload(q))
}

type DeepSeekLLM struct{ *BaseLLM } // want DeepSeekLLM:"deepseek:chat"

func NewDeepSeekLLM(cfg *ClientConfig) *DeepSeekLLM { // want NewDeepSeekLLM:"deepseek:chat"
	// The model default is DeepSeek's; Groq's below names no DeepSeek model.
	setDefaults(cfg, deepSeekBase, "deepseek-v4-flash") // want `model: "deepseek-v4-flash" is a legacy DeepSeek alias.*\(DS505\)`
	return &DeepSeekLLM{BaseLLM: &BaseLLM{Config: cfg}}
}

func (d *DeepSeekLLM) DefaultBase() string { return deepSeekBase } // want DefaultBase:"deepseek:chat"

// OpenAILLM builds the body Groq's provider sends.
type OpenAILLM struct{ Config *ClientConfig }

func (o *OpenAILLM) Payload(q string) map[string]any {
	return map[string]any{
		"model":                 o.Config.Model,
		"messages":              []map[string]string{{"role": "user", "content": q}},
		"max_completion_tokens": o.Config.MaxTokens,
	}
}

func (o *OpenAILLM) Send(q string) error {
	return post(o.Config.APIBase+"/chat/completions", o.Payload(q))
}

type GroqLLM struct{ *OpenAILLM } // want GroqLLM:"deepseek:other"

func NewGroqLLM(cfg *ClientConfig) *GroqLLM {
	setDefaults(cfg, groqBase, "llama-3.3-70b-versatile")
	return &GroqLLM{OpenAILLM: &OpenAILLM{Config: cfg}}
}

func (g *GroqLLM) DefaultBase() string { return groqBase }

func post(url string, body any) error {
	b, err := json.Marshal(body)
	if err != nil {
		return err
	}
	resp, err := http.Post(url, "application/json", bytes.NewReader(b))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
