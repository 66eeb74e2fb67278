//go:build deepseek

// Package tagged is only built with -tags=deepseek.
package tagged

import (
	"bytes"
	"encoding/json"
	"net/http"
)

func Ask(q string) error {
	data, _ := json.Marshal(map[string]any{"model": "deepseek-reasoner", "messages": []map[string]any{{"role": "user", "content": q}}})
	_, err := http.Post("https://api.deepseek.com/chat/completions", "application/json", bytes.NewReader(data))
	return err
}
