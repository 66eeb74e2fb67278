// Package rolelib is one client for several providers, chosen by the config: its // want package:`bodies:\(\*rolelib.Client\).Run@chat`
// request is shared, so an importer's values count where they name DeepSeek.
package rolelib

import (
	"bytes"
	"encoding/json"
	"net/http"
)

type Config struct {
	Provider    string
	Model       string
	Temperature float64
}

type Client struct { // want Client:"deepseek:chat\\+other"
	cfg  Config
	base string
}

func New(cfg Config) *Client { // want New:"deepseek:chat\\+other"
	base := "https://api.openai.com/v1"
	if cfg.Provider == "deepseek" {
		base = "https://api.deepseek.com"
	}
	return &Client{cfg: cfg, base: base}
}

type request struct {
	Model       string              `json:"model"`
	Messages    []map[string]string `json:"messages"`
	Temperature float64             `json:"temperature,omitempty"`
}

func (c *Client) Run(task string) error { // want Run:"deepseek:chat\\+other"
	body, _ := json.Marshal(request{Model: c.cfg.Model, Temperature: c.cfg.Temperature, Messages: []map[string]string{{"role": "user", "content": task}}})
	_, err := http.Post(c.base+"/chat/completions", "application/json", bytes.NewReader(body))
	return err
}
