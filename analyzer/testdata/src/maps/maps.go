package maps

import (
	"bytes"
	"encoding/json"
	"net/http"
)

const baseURL = "https://api.deepseek.com"

func post(body any) {
	data, _ := json.Marshal(body)
	http.Post(baseURL+"/chat/completions", "application/json", bytes.NewReader(data))
}

func copiedFromOpenAI() {
	post(map[string]any{
		"model": "deepseek-flash",
		"messages": []map[string]any{
			{"role": "developer", "content": "You are terse."},
			{"role": "user", "content": "Hi"},
		},
		"max_completion_tokens": 512,
		"temperature":           2.5,
		"n":                     1,
		"seed":                  42,
	})
}

func copiedFromAnthropic() {
	post(map[string]any{
		"model":          "deepseek-v4-pro",
		"system":         "You are terse.",
		"messages":       []map[string]any{{"role": "user", "content": "Hi"}},
		"top_k":          40,
		"stop_sequences": []string{"\n\n"},
	})
}

func retiredModel() {
	post(map[string]any{
		"model":    "deepseek-chat",
		"messages": []map[string]any{{"role": "user", "content": "Hi"}},
	})
}

func jsonSchemaFormat(schema map[string]any) {
	post(map[string]any{
		"model":    "deepseek-flash",
		"messages": []map[string]any{{"role": "user", "content": "Give me json"}},
		"response_format": map[string]any{
			"type":        "json_schema",
			"json_schema": schema,
		},
	})
}

func crossField() {
	post(map[string]any{
		"model":          "deepseek-flash",
		"messages":       []map[string]any{{"role": "user", "content": "Hi"}},
		"stream_options": map[string]any{"include_usage": true},
		"top_logprobs":   5,
	})
}

func toolChoiceInThinking(tools []map[string]any) {
	post(map[string]any{
		"model":       "deepseek-flash",
		"messages":    []map[string]any{{"role": "user", "content": "Weather?"}},
		"tools":       tools,
		"tool_choice": "required",
	})
}

func toolChoiceThinkingDisabled(tools []map[string]any) {
	post(map[string]any{
		"model":       "deepseek-flash",
		"messages":    []map[string]any{{"role": "user", "content": "Weather?"}},
		"tools":       tools,
		"tool_choice": "required",
		"thinking":    map[string]any{"type": "disabled"},
	})
}

func toolChoiceThinkingUnknown(tools []map[string]any, thinking map[string]any) {
	post(map[string]any{
		"model":       "deepseek-flash",
		"messages":    []map[string]any{{"role": "user", "content": "Weather?"}},
		"tools":       tools,
		"tool_choice": "required",
		"thinking":    thinking,
	})
}

func jsonModeWithoutWord() {
	post(map[string]any{
		"model":           "deepseek-flash",
		"messages":        []map[string]any{{"role": "system", "content": "Answer briefly."}, {"role": "user", "content": "Three colours?"}},
		"response_format": map[string]string{"type": "json_object"},
	})
}

func jsonModeWithWord() {
	post(map[string]any{
		"model":           "deepseek-flash",
		"messages":        []map[string]any{{"role": "system", "content": "Reply in JSON."}, {"role": "user", "content": "Three colours?"}},
		"response_format": map[string]string{"type": "json_object"},
	})
}

func jsonModeUnknownPrompt(prompt string) {
	post(map[string]any{
		"model":           "deepseek-flash",
		"messages":        []map[string]any{{"role": "user", "content": prompt}},
		"response_format": map[string]string{"type": "json_object"},
	})
}

func valid(prompt string, temp float64) {
	post(map[string]any{
		"model":          "deepseek-flash",
		"messages":       []map[string]any{{"role": "system", "content": "Be brief."}, {"role": "user", "content": prompt}},
		"max_tokens":     2048,
		"stream":         true,
		"stream_options": map[string]any{"include_usage": true},
		"thinking":       map[string]any{"type": "disabled"},
		"temperature":    temp,
	})
}
