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
			{"role": "developer", "content": "You are terse."}, // want `messages\[0\]\.role: DeepSeek rejects role "developer".*\(DS104\)`
			{"role": "user", "content": "Hi"},
		},
		"max_completion_tokens": 512, // want `max_completion_tokens: max_completion_tokens is OpenAI's field;.*\(DS501\)`
		"temperature":           2.5, // want `temperature: 2\.5 is outside the documented range \[0, 2\].*\(DS105\)`
		"n":                     1,   // want `n: n is OpenAI's field;.*\(DS501\)`
		"seed":                  42,  // want `seed: seed is OpenAI's field;.*\(DS501\)`
	})
}

func copiedFromAnthropic() {
	post(map[string]any{
		"model":          "deepseek-v4-pro",
		"system":         "You are terse.", // want `system: a top-level system is.*\(DS501\)`
		"messages":       []map[string]any{{"role": "user", "content": "Hi"}},
		"top_k":          40,               // want `top_k: top_k is Anthropic's field;.*\(DS501\)`
		"stop_sequences": []string{"\n\n"}, // want `stop_sequences: stop_sequences is Anthropic's field;.*\(DS501\)`
	})
}

func retiredModel() {
	post(map[string]any{
		"model":    "deepseek-chat", // want `model: model "deepseek-chat" was retired.*\(DS102\)`
		"messages": []map[string]any{{"role": "user", "content": "Hi"}},
	})
}

func jsonSchemaFormat(schema map[string]any) {
	post(map[string]any{
		"model":    "deepseek-flash",
		"messages": []map[string]any{{"role": "user", "content": "Give me json"}},
		"response_format": map[string]any{
			"type":        "json_schema", // want `response_format\.type: DeepSeek rejects response_format type.*\(DS107\)`
			"json_schema": schema,
		},
	})
}

func crossField() {
	post(map[string]any{
		"model":          "deepseek-flash",
		"messages":       []map[string]any{{"role": "user", "content": "Hi"}},
		"stream_options": map[string]any{"include_usage": true}, // want `stream_options: DeepSeek rejects stream_options without.*\(DS201\)`
		"top_logprobs":   5,                                     // want `top_logprobs: DeepSeek requires "logprobs": true.*\(DS202\)`
	})
}

func toolChoiceInThinking(tools []map[string]any) {
	post(map[string]any{
		"model":       "deepseek-flash",
		"messages":    []map[string]any{{"role": "user", "content": "Weather?"}},
		"tools":       tools,
		"tool_choice": "required", // want `tool_choice: DeepSeek rejects this tool_choice.*\(DS203\)`
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
		"messages":        []map[string]any{{"role": "system", "content": "Answer briefly."}, {"role": "user", "content": "Three colours?"}}, // want `messages: DeepSeek rejects json_object mode.*\(DS207\)`
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

func legacyAliasAndPenalty() {
	post(map[string]any{
		"model":             "deepseek-v4-flash", // want `model: "deepseek-v4-flash" is a legacy DeepSeek alias served by deepseek-flash.*\(DS505\)`
		"messages":          []map[string]any{{"role": "user", "content": "Hi"}},
		"frequency_penalty": 0.5, // want `frequency_penalty: DeepSeek ignores frequency_penalty \(deprecated.*\(DS503\)`
		"thinking":          map[string]any{"type": "disabled"},
	})
}
