// Package silent holds payloads that do not go to DeepSeek, or that the code does not
// show to be wrong: deepseekvet must report nothing here.
package silent

import (
	"bytes"
	"encoding/json"
	"net/http"
)

const openAIURL = "https://api.openai.com/v1/chat/completions"

func openAI() {
	body := map[string]any{
		"model":                 "gpt-4o",
		"messages":              []map[string]any{{"role": "developer", "content": "x"}},
		"max_completion_tokens": 512,
		"response_format":       map[string]any{"type": "json_schema"},
		"n":                     3,
	}
	data, _ := json.Marshal(body)
	http.Post(openAIURL, "application/json", bytes.NewReader(data))
}

func openRouter() {
	body := map[string]any{
		"model":                 "deepseek/deepseek-chat",
		"messages":              []map[string]any{{"role": "developer", "content": "x"}},
		"max_completion_tokens": 512,
	}
	data, _ := json.Marshal(body)
	http.Post("https://openrouter.ai/api/v1/chat/completions", "application/json", bytes.NewReader(data))
}

// Other hosts serve DeepSeek's names too: the endpoint decides.
func otherHostSameModelName() {
	body := map[string]any{
		"model":                 "deepseek-v4-flash",
		"messages":              []map[string]any{{"role": "developer", "content": "x"}},
		"max_completion_tokens": 512,
	}
	data, _ := json.Marshal(body)
	http.Post("https://api.venice.ai/api/v1/chat/completions", "application/json", bytes.NewReader(data))
}

func anthropic() {
	body := map[string]any{
		"model":      "claude-sonnet-4-5",
		"system":     "x",
		"max_tokens": 1024,
		"top_k":      5,
		"messages":   []map[string]any{{"role": "user", "content": "hi"}},
	}
	data, _ := json.Marshal(body)
	req, _ := http.NewRequest("POST", "https://api.anthropic.com/v1/messages", bytes.NewReader(data))
	http.DefaultClient.Do(req)
}

// DeepSeek's Anthropic-compatible endpoint takes the Anthropic shape.
func deepseekAnthropic() {
	body := map[string]any{
		"model":      "deepseek-flash",
		"system":     "x",
		"max_tokens": 1024,
		"messages":   []map[string]any{{"role": "user", "content": "hi"}},
	}
	data, _ := json.Marshal(body)
	http.Post("https://api.deepseek.com/anthropic/v1/messages", "application/json", bytes.NewReader(data))
}

// No model constant, no URL: nothing says where this goes.
func unbound(model string) {
	body := map[string]any{
		"model":                 model,
		"messages":              []map[string]any{{"role": "developer", "content": "x"}},
		"max_completion_tokens": 512,
	}
	data, _ := json.Marshal(body)
	_ = data
}

// Response types are decoded into, never sent.
type ChatResponse struct {
	Model   string `json:"model"`
	Choices []struct {
		Message struct {
			Role    string `json:"role"`
			Content string `json:"content"`
		} `json:"message"`
	} `json:"choices"`
}

func decode(data []byte) (*ChatResponse, error) {
	var r ChatResponse
	err := json.Unmarshal(data, &r)
	return &r, err
}

// A config struct with a model field is not a request.
type Config struct { // want Config:"deepseek:chat"
	Model            string  `json:"model"` // want Model:"fieldconsts:deepseek-chat"
	URL              string  `json:"url"`   // want URL:"fieldconsts:https://api.deepseek.com"
	FrequencyPenalty float64 `json:"frequency_penalty"`
}

var defaultConfig = Config{Model: "deepseek-chat", URL: "https://api.deepseek.com"}

// The official DeepSeek Go sample body is valid.
const officialSample = `{
  "messages": [
    {"content": "You are a helpful assistant", "role": "system"},
    {"content": "Hi", "role": "user"}
  ],
  "model": "deepseek-flash",
  "thinking": {"type": "disabled"},
  "max_tokens": 4096,
  "response_format": {"type": "text"},
  "stop": null,
  "stream": false,
  "stream_options": null,
  "temperature": 1,
  "top_p": 1,
  "tools": null,
  "tool_choice": "none",
  "logprobs": false,
  "top_logprobs": null
}`

func sample() {
	req, _ := http.NewRequest("POST", "https://api.deepseek.com/chat/completions", bytes.NewBufferString(officialSample))
	http.DefaultClient.Do(req)
}
