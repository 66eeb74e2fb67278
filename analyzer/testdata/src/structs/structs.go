package structs

import (
	"bytes"
	"encoding/json"
	"net/http"
)

const deepseekBase = "https://api.deepseek.com"

type Message struct {
	Role      string     `json:"role"`
	Content   string     `json:"content"`
	ToolCalls []ToolCall `json:"tool_calls,omitempty"`
}

type ToolCall struct {
	ID       string `json:"id"`
	Type     string `json:"type"`
	Function struct {
		Name      string `json:"name"`
		Arguments string `json:"arguments"`
	} `json:"function"`
}

type Tool struct {
	Type     string `json:"type"`
	Function struct {
		Name       string         `json:"name"`
		Parameters map[string]any `json:"parameters,omitempty"`
	} `json:"function"`
}

type ChatRequest struct {
	Model               string    `json:"model"`
	Messages            []Message `json:"messages"`
	Temperature         string    `json:"temperature,omitempty"`
	MaxCompletionTokens int       `json:"max_completion_tokens,omitempty"`
	Stream              bool      `json:"stream,omitempty"`
	Tools               []Tool    `json:"tools,omitempty"`
	ToolChoice          any       `json:"tool_choice,omitempty"`
	TopP                float64   `json:"top_p"`
}

// send is the one function that talks to DeepSeek; the types it uses are bound.
func send(req ChatRequest) error {
	data, err := json.Marshal(req)
	if err != nil {
		return err
	}
	_, err = http.Post(deepseekBase+"/chat/completions", "application/json", bytes.NewReader(data))
	return err
}

func build(history []Message, question string) ChatRequest {
	return ChatRequest{
		Model:    "deepseek-v4-pro",
		Messages: append(history, Message{Role: "user", Content: question}),
		TopP:     0.9,
	}
}

func zeroTopP(question string) error {
	return send(ChatRequest{
		Model:    "deepseek-flash",
		Messages: []Message{{Role: "user", Content: question}},
	})
}

// An assistant message whose type cannot carry reasoning_content, replayed in a
// thinking-mode tool loop.
func toolLoop(tools []Tool, calls []ToolCall, question, answer string) error {
	req := ChatRequest{
		Model: "deepseek-flash",
		Messages: []Message{
			{Role: "user", Content: question},
			{Role: "assistant", Content: "", ToolCalls: calls},
			{Role: "tool", Content: answer},
		},
		Tools: tools,
		TopP:  1,
	}
	return send(req)
}

type Embedded struct {
	Base
	Messages []Message `json:"messages"`
}

type Base struct {
	Model string `json:"model"`
	Seed  int    `json:"seed"`
}

func embedded(q string) Embedded {
	return Embedded{Base: Base{Model: "deepseek-flash"}, Messages: []Message{{Role: "user", Content: q}}}
}
