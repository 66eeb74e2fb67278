// Package oai is an OpenAI client wrapper with the same request shape.
package oai

import (
	"bytes"
	"encoding/json"
	"net/http"
)

type Request struct {
	Model    string           `json:"model"`
	Messages []map[string]any `json:"messages"`
}

type Client struct{ base string } // want Client:"deepseek:other"

func New() *Client { return &Client{base: "https://api.openai.com/v1"} }

func (c *Client) Do(req Request) error {
	data, _ := json.Marshal(req)
	_, err := http.Post(c.base+"/chat/completions", "application/json", bytes.NewReader(data))
	return err
}
