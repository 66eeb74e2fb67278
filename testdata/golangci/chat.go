// Package gcl is the golangci-lint end-to-end test module.
package gcl

import (
	"bytes"
	"encoding/json"
	"net/http"
)

func Ask(question string) error {
	body := map[string]any{
		"model":                 "deepseek-chat",
		"messages":              []map[string]any{{"role": "user", "content": question}},
		"max_completion_tokens": 512,
		"top_k":                 5, //nolint:deepseekvet // our proxy strips it
	}
	data, err := json.Marshal(body)
	if err != nil {
		return err
	}
	_, err = http.Post("https://api.deepseek.com/chat/completions", "application/json", bytes.NewReader(data))
	return err
}
