// Package dsclient is a DeepSeek client whose importers choose the model and the
// sampling options.
package dsclient

import (
	"bytes"
	"encoding/json"
	"net/http"
)

type Options struct {
	Temperature float64 // want Temperature:"sinks:temperature@chat"
	Label       string
}

type Client struct {
	model string
	opts  Options
}

func New(model string, opts Options) *Client { // want New:"sinks:0:model@chat"
	return &Client{model: model, opts: opts}
}

func (c *Client) Ask(q string) error { // want Ask:"deepseek:chat"
	body, _ := json.Marshal(map[string]any{
		"model":       c.model,
		"temperature": c.opts.Temperature,
		"messages":    []map[string]any{{"role": "user", "content": q}},
	})
	_, err := http.Post("https://api.deepseek.com/chat/completions", "application/json", bytes.NewReader(body))
	return err
}
