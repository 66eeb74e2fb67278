// Package chatbot is example code for deepseekvet: a small DeepSeek client written
// the way request code gets copied between providers. Run
//
//	go run ./cmd/deepseekvet ./testdata/example
//
// from the repository root to see what deepseekvet reports.
package chatbot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

const baseURL = "https://api.deepseek.com"

type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type ChatRequest struct {
	Model               string    `json:"model"`
	Messages            []Message `json:"messages"`
	MaxCompletionTokens int       `json:"max_completion_tokens,omitempty"`
	Temperature         float64   `json:"temperature,omitempty"`
	Stream              bool      `json:"stream,omitempty"`
	StreamOptions       *struct {
		IncludeUsage bool `json:"include_usage"`
	} `json:"stream_options,omitempty"`
}

// Ask sends one question. It was copied from the OpenAI client next door.
func Ask(ctx context.Context, key, question string) (*http.Response, error) {
	req := ChatRequest{
		Model: "deepseek-chat",
		Messages: []Message{
			{Role: "developer", Content: "Answer in one sentence."},
			{Role: "user", Content: question},
		},
		MaxCompletionTokens: 512,
		Temperature:         2.5,
	}
	return post(ctx, key, req)
}

// Extract asks for JSON output with a response format DeepSeek does not have.
func Extract(ctx context.Context, key, text string) (*http.Response, error) {
	body := map[string]any{
		"model": "deepseek-flash",
		"messages": []map[string]any{
			{"role": "user", "content": "Extract the names from: " + text},
		},
		"response_format": map[string]any{"type": "json_schema"},
		"tool_choice":     "required",
		"tools":           tools,
		"top_k":           20,
	}
	return post(ctx, key, body)
}

var tools = []map[string]any{{"type": "function", "function": map[string]any{"name": "save_names"}}}

func post(ctx context.Context, key string, body any) (*http.Response, error) {
	data, err := json.Marshal(body)
	if err != nil {
		return nil, fmt.Errorf("encode request: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, "POST", baseURL+"/chat/completions", bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Content-Type", "application/json")
	return http.DefaultClient.Do(req)
}
