// Package dsprovider is the DeepSeek provider on baseclient: its constructor sets // want package:`bodies:\(\*dsprovider.Client\).Chat@chat`
// the config's model, and the request reads it back through ResolveModel.
package dsprovider

import (
	"bytes"
	"encoding/json"
	"net/http"

	"baseclient"
)

type Client struct{ base *baseclient.BaseClient } // want Client:"deepseek:chat"

func New(config baseclient.Config) *Client { // want New:"deepseek:chat"
	if config.Model == "" {
		config.Model = "deepseek-chat" // want `model: model "deepseek-chat" was retired.*\(DS102\)`
	}
	if config.BaseURL == "" {
		config.BaseURL = "https://api.deepseek.com"
	}
	return &Client{base: baseclient.New(config)}
}

type chatRequest struct {
	Model       string              `json:"model"`
	Messages    []map[string]string `json:"messages"`
	Temperature float64             `json:"temperature,omitempty"`
	MaxTokens   int                 `json:"max_tokens,omitempty"`
}

func (c *Client) Chat(q string, opts baseclient.Options) error { // want Chat:"deepseek:chat" Chat:"sinks:1.Model:model@chat"
	body, _ := json.Marshal(chatRequest{Model: c.base.ResolveModel(opts), Temperature: c.base.ResolveTemperature(opts), Messages: []map[string]string{{"role": "user", "content": q}}})
	_, err := http.Post("https://api.deepseek.com/chat/completions", "application/json", bytes.NewReader(body))
	return err
}

// The neutral default for DeepSeek, named at the call.
func (c *Client) ChatDefault(q string) error { // want ChatDefault:"deepseek:chat"
	body, _ := json.Marshal(chatRequest{Model: baseclient.DefaultModel("deepseek"), MaxTokens: baseclient.DefaultMaxTokens("deepseek"), Messages: []map[string]string{{"role": "user", "content": q}}}) // want `model: model "deepseek-chat" was retired.*\(DS102\)`
	_, err := http.Post("https://api.deepseek.com/chat/completions", "application/json", bytes.NewReader(body))
	return err
}

// OpenAI's provider on the same core: its model is OpenAI's business.
type OpenAI struct{ base *baseclient.BaseClient }

func NewOpenAI(config baseclient.Config) *OpenAI {
	config.Model = "gpt-4o"
	return &OpenAI{base: baseclient.New(config)}
}

func (c *OpenAI) Chat(q string, opts baseclient.Options) error {
	body, _ := json.Marshal(chatRequest{Model: c.base.ResolveModel(opts), Messages: []map[string]string{{"role": "user", "content": q}}})
	_, err := http.Post("https://api.openai.com/v1/chat/completions", "application/json", bytes.NewReader(body))
	return err
}
