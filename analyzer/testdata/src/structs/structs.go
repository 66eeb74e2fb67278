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

type ChatRequest struct { // want ChatRequest:"deepseek:chat"
	Model               string    `json:"model"`
	Messages            []Message `json:"messages"`
	Temperature         string    `json:"temperature,omitempty"`           // want `temperature: DeepSeek rejects a JSON.*\(DS103\)`
	MaxCompletionTokens int       `json:"max_completion_tokens,omitempty"` // want `max_completion_tokens: max_completion_tokens is OpenAI's field;.*\(DS501\)`
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
		TopP:     0.9, // want `top_p: DeepSeek raises top_p 0\.9.*\(DS504\)`
	}
}

func zeroTopP(question string) error {
	return send(ChatRequest{ // want `top_p: DeepSeek rejects 0 \(TopP.*\(DS105\)`
		Model:    "deepseek-flash",
		Messages: []Message{{Role: "user", Content: question}},
	})
}

var weatherTool = Tool{Type: "function"}

// An assistant message whose type cannot carry reasoning_content, replayed in a
// thinking-mode tool loop.
func toolLoop(calls []ToolCall, question string) error {
	req := ChatRequest{
		Model: "deepseek-flash",
		Messages: []Message{
			{Role: "user", Content: question},
			{Role: "assistant", Content: "", ToolCalls: calls}, // want `messages\[1\]: DeepSeek rejects an assistant.*\(DS204\)`
		},
		Tools: []Tool{weatherTool},
		TopP:  1,
	}
	return send(req)
}

// With the tools unknown (they may be empty and so omitted), nothing is certain.
func toolLoopUnknownTools(tools []Tool, calls []ToolCall, question string) error {
	req := ChatRequest{
		Model: "deepseek-flash",
		Messages: []Message{
			{Role: "user", Content: question},
			{Role: "assistant", Content: "", ToolCalls: calls},
		},
		Tools: tools,
		TopP:  1,
	}
	return send(req)
}

// Thinking disabled: reasoning_content is not needed.
type NoThinkingRequest struct {
	Model    string    `json:"model"`
	Messages []Message `json:"messages"`
	Tools    []Tool    `json:"tools,omitempty"`
	Thinking struct {
		Type string `json:"type"`
	} `json:"thinking"`
}

func toolLoopNoThinking(calls []ToolCall, question string) NoThinkingRequest {
	req := NoThinkingRequest{
		Model: "deepseek-flash",
		Messages: []Message{
			{Role: "user", Content: question},
			{Role: "assistant", Content: "", ToolCalls: calls},
		},
		Tools: []Tool{weatherTool},
	}
	req.Thinking.Type = "disabled"
	return req
}

type Embedded struct {
	Base
	Messages []Message `json:"messages"`
}

type Base struct {
	Model string `json:"model"`
	Seed  int    `json:"seed"` // want `seed: seed is OpenAI's field;.*\(DS501\)`
}

func embedded(q string) Embedded {
	return Embedded{Base: Base{Model: "deepseek-flash"}, Messages: []Message{{Role: "user", Content: q}}}
}
