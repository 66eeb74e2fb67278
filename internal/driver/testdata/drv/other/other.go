// Package other posts to OpenAI: deepseekvet finds the payload and skips it.
package other

import (
	"encoding/json"
)

// endpoint is OpenAI's.
const endpoint = "https://api.openai.com/v1/chat/completions"

// Ask sends a request OpenAI accepts and DeepSeek would not.
func Ask() ([]byte, error) {
	data, err := json.Marshal(map[string]any{
		"model":                 "gpt-4o",
		"messages":              []map[string]any{{"role": "developer", "content": "hi"}},
		"max_completion_tokens": 100,
	})
	if err != nil {
		return nil, err
	}
	return Transport(endpoint, data)
}

// Transport posts a JSON body to a URL: an HTTP client in real code.
var Transport func(url string, body []byte) ([]byte, error)
