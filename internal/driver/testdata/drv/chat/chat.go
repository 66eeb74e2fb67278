// Package chat posts chat completions to DeepSeek.
package chat

import (
	"bytes"
	"encoding/json"
	"net/http"
)

const endpoint = "https://api.deepseek.com/chat/completions"

// Ask sends one question.
func Ask(question string) (*http.Response, error) {
	body := map[string]any{
		"model":                 "deepseek-chat",
		"messages":              []map[string]any{{"role": "user", "content": question}},
		"max_completion_tokens": 256,
	}
	return post(body)
}

// Greet sends a greeting; the line below has multi-byte characters before the finding.
func Greet() (*http.Response, error) {
	body := map[string]any{
		"model":    "deepseek-flash",
		"messages": []map[string]any{{"role": "user", "content": "¡Hola! 🌍"}}, "max_completion_tokens": 64,
	}
	return post(body)
}

func post(body map[string]any) (*http.Response, error) {
	data, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	return http.Post(endpoint, "application/json", bytes.NewReader(data))
}
