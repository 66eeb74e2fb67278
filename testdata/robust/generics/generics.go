// Package generics builds a DeepSeek payload through a generic helper.
package generics

import (
	"bytes"
	"encoding/json"
	"net/http"
)

type Request[M any] struct {
	Model    string `json:"model"`
	Messages []M    `json:"messages"`
	TopK     int    `json:"top_k,omitempty"`
}

type Msg struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

func Send[M any](r Request[M]) error {
	data, _ := json.Marshal(r)
	_, err := http.Post("https://api.deepseek.com/chat/completions", "application/json", bytes.NewReader(data))
	return err
}

func Ask(q string) error {
	return Send(Request[Msg]{Model: "deepseek-flash", Messages: []Msg{{Role: "developer", Content: q}}, TopK: 3})
}
