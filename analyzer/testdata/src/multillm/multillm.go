// Package multillm is a client for several providers chosen by a config field: one // want package:`bodies:\(\*multillm.deepSeek\).Ask@chat`
// Config feeds DeepSeek's request and DashScope's, so a constant an importer writes
// into it is DeepSeek's only where it names DeepSeek.
package multillm

import (
	"bytes"
	"encoding/json"
	"net/http"
)

type Provider string

const (
	ProviderDeepSeek  Provider = "deepseek"
	ProviderDashScope Provider = "dashscope"
)

type Config struct {
	Provider    Provider
	Model       string  // want Model:`sinks:model@chat\(shared\)`
	Temperature float64 // want Temperature:`sinks:temperature@chat\(shared\)`
}

type request struct {
	Model       string    `json:"model"`
	Messages    []message `json:"messages"`
	Temperature float64   `json:"temperature,omitempty"`
}

type message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type Client interface{ Ask(q string) error }

type deepSeek struct{ cfg Config }

func (c *deepSeek) Ask(q string) error { // want Ask:"deepseek:chat"
	return post("https://api.deepseek.com/chat/completions", request{Model: c.cfg.Model, Temperature: c.cfg.Temperature, Messages: []message{{Role: "user", Content: q}}})
}

type dashScope struct{ cfg Config }

func (c *dashScope) Ask(q string) error {
	return post("https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions", request{Model: c.cfg.Model, Temperature: c.cfg.Temperature, Messages: []message{{Role: "user", Content: q}}})
}

func New(cfg Config) Client {
	if cfg.Provider == ProviderDeepSeek {
		return &deepSeek{cfg: cfg}
	}
	return &dashScope{cfg: cfg}
}

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
