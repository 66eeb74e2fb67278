// Package contractrules exercises the contract rules of issue 10 through the
// analyzer: strict function schemas, tool-message order (C8) and model-name case.
package contractrules

import (
	"bytes"
	"encoding/json"
	"net/http"
)

const (
	chatURL = "https://api.deepseek.com/chat/completions"
	betaURL = "https://api.deepseek.com/beta/chat/completions"
)

func post(u string, body any) {
	data, _ := json.Marshal(body)
	http.Post(u, "application/json", bytes.NewReader(data))
}

func strictOutsideSubset() {
	post(betaURL, map[string]any{
		"model":    "deepseek-flash",
		"messages": []map[string]any{{"role": "user", "content": "Weather?"}},
		"tools": []map[string]any{{
			"type": "function",
			"function": map[string]any{
				"name":   "weather",
				"strict": true,
				"parameters": map[string]any{
					"type": "object",
					"properties": map[string]any{
						"city": map[string]any{"type": "string", "minLength": 1}, // want `minLength: DeepSeek's strict mode does not support minLength.*\(DS108\)`
					},
					"required":             []string{"city"},
					"additionalProperties": false,
				},
			},
		}},
	})
}

func strictInSubset() {
	post(betaURL, map[string]any{
		"model":    "deepseek-flash",
		"messages": []map[string]any{{"role": "user", "content": "Weather?"}},
		"tools": []map[string]any{{
			"type": "function",
			"function": map[string]any{
				"name":   "weather",
				"strict": true,
				"parameters": map[string]any{
					"type":                 "object",
					"properties":           map[string]any{"city": map[string]any{"type": "string", "format": "hostname"}},
					"required":             []string{"city"},
					"additionalProperties": false,
				},
			},
		}},
	})
}

func toolWithoutCall() {
	post(chatURL, map[string]any{
		"model":    "deepseek-flash",
		"thinking": map[string]any{"type": "disabled"},
		"messages": []map[string]any{
			{"role": "user", "content": "Weather?"},
			{"role": "tool", "tool_call_id": "call_1", "content": "12C"}, // want `messages\[1\]\.tool_call_id: DeepSeek rejects a tool message that answers no tool_call.*\(DS210\)`
		},
	})
}

func toolLoopAnswered() {
	post(chatURL, map[string]any{
		"model":    "deepseek-flash",
		"thinking": map[string]any{"type": "disabled"},
		"messages": []map[string]any{
			{"role": "user", "content": "Weather?"},
			{"role": "assistant", "content": "", "tool_calls": []map[string]any{{"id": "call_1", "type": "function", "function": map[string]any{"name": "weather", "arguments": "{}"}}}},
			{"role": "tool", "tool_call_id": "call_1", "content": "12C"},
			{"role": "user", "content": "Thanks"},
		},
	})
}

// toolLoopUnknownIDs answers ids the code does not show: nothing is reported.
func toolLoopUnknownIDs(callID, answerID string) {
	post(chatURL, map[string]any{
		"model":    "deepseek-flash",
		"thinking": map[string]any{"type": "disabled"},
		"messages": []map[string]any{
			{"role": "user", "content": "Weather?"},
			{"role": "assistant", "content": "", "tool_calls": []map[string]any{{"id": callID, "type": "function", "function": map[string]any{"name": "weather", "arguments": "{}"}}}},
			{"role": "tool", "tool_call_id": answerID, "content": "12C"},
		},
	})
}

func modelCase() {
	post(chatURL, map[string]any{
		"model":    "DeepSeek-V4-Pro", // want `model: DeepSeek documents the model id deepseek-v4-pro in lowercase; whether it accepts "DeepSeek-V4-Pro" is not documented.*\(DS507\)`
		"messages": []map[string]any{{"role": "user", "content": "Hi"}},
	})
}
