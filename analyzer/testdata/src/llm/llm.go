// Package llm is a DeepSeek client wrapper; package app builds the payloads.
package llm

import (
	"bytes"
	"encoding/json"
	"net/http"
)

const BaseURL = "https://api.deepseek.com"

type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type Request struct { // want Request:"deepseek:chat"
	Model    string    `json:"model"`
	Messages []Message `json:"messages"`
	N        int       `json:"n,omitempty"`
}

type Client struct { // want Client:"deepseek:chat"
	base string
}

func New() *Client { // want New:"deepseek:chat"
	return &Client{base: BaseURL}
}

func (c *Client) Do(req Request) error { // want Do:"deepseek:chat"
	data, err := json.Marshal(req)
	if err != nil {
		return err
	}
	_, err = http.Post(c.base+"/chat/completions", "application/json", bytes.NewReader(data))
	return err
}
