// Package other posts to OpenAI: deepseekvet finds the payload and skips it.
package other

import (
	"bytes"
	"encoding/json"
	"net/http"
)

const endpoint = "https://api.openai.com/v1/chat/completions"

// Ask sends a request OpenAI accepts and DeepSeek would not.
func Ask() (*http.Response, error) {
	data, err := json.Marshal(map[string]any{
		"model":                 "gpt-4o",
		"messages":              []map[string]any{{"role": "developer", "content": "hi"}},
		"max_completion_tokens": 100,
	})
	if err != nil {
		return nil, err
	}
	return http.Post(endpoint, "application/json", bytes.NewReader(data))
}
