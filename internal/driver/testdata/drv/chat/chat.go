// Package chat posts chat completions to DeepSeek.
package chat

import (
	"encoding/json"
)

// endpoint is DeepSeek's chat completions URL; Transport
// posts to it.
const endpoint = "https://api.deepseek.com/chat/completions"

// Ask sends one question.
func Ask(question string) ([]byte, error) {
	body := map[string]any{
		"model":                 "deepseek-chat",
		"messages":              []map[string]any{{"role": "user", "content": question}},
		"max_completion_tokens": 256,
	}
	return post(body)
}

// Greet sends a greeting; the line below has multi-byte characters before the finding.
func Greet() ([]byte, error) {
	body := map[string]any{
		"model":    "deepseek-flash",
		"messages": []map[string]any{{"role": "user", "content": "¡Hola! 🌍"}}, "max_completion_tokens": 64,
	}
	return post(body)
}

func post(body map[string]any) ([]byte, error) {
	data, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	return Transport(endpoint, data)
}

// Transport posts a JSON body to a URL and returns the response body: an HTTP
// client in real code (the test module stays free of net/http, which is slow to
// load from source).
var Transport func(url string, body []byte) ([]byte, error)
