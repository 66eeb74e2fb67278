// Package histlib sends conversations its importers keep: the turns a tool loop // want package:`bodies:histlib.Send@chat,\(\*histlib.Client\).Chat@chat,\(\*histlib.Client\).ChatQuiet@chat`
// appends live in the importer, the request that carries them here.
package histlib

import (
	"bytes"
	"encoding/json"
	"net/http"
)

type ToolCall struct {
	ID       string `json:"id"`
	Type     string `json:"type"`
	Function struct {
		Name      string `json:"name"`
		Arguments string `json:"arguments"`
	} `json:"function"`
}

// Message has no reasoning_content: a thinking-mode tool loop cannot pass the
// model's reasoning back.
type Message struct {
	Role       string     `json:"role"`
	Content    string     `json:"content"`
	ToolCalls  []ToolCall `json:"tool_calls,omitempty"`
	ToolCallID string     `json:"tool_call_id,omitempty"`
}

type Tool struct {
	Type     string         `json:"type"`
	Function map[string]any `json:"function"`
}

// Params carries the conversation so far, as the importer keeps it.
type Params struct {
	History []any
	Tools   []any
}

type request struct { // want request:"deepseek:chat"
	Model    string `json:"model"`
	Messages []any  `json:"messages"`
	Tools    []any  `json:"tools,omitempty"`
}

// Send posts one turn after the history.
func Send(input string, p Params) (*http.Response, error) { // want Send:"deepseek:chat"
	messages := make([]any, 0, len(p.History)+1)
	req := request{Model: "deepseek-flash", Messages: messages, Tools: p.Tools}
	if len(p.History) > 0 {
		req.Messages = append(req.Messages, p.History...)
	}
	if input != "" {
		req.Messages = append(req.Messages, Message{Role: "user", Content: input})
	}
	b, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	return http.Post("https://api.deepseek.com/chat/completions", "application/json", bytes.NewReader(b))
}

type Response struct { // want Response:"deepseek:chat"
	Choices []struct {
		Message Message `json:"message"`
	} `json:"choices"`
}

type Client struct{ hc *http.Client }

// Chat sends the conversation as the caller passes it.
func (c *Client) Chat(msgs []Message, tools []Tool) (*Response, error) { // want Chat:"deepseek:chat"
	return c.post(map[string]any{"model": "deepseek-flash", "messages": msgs, "tools": tools})
}

// ChatQuiet turns thinking off: no reasoning to pass back.
func (c *Client) ChatQuiet(msgs []Message, tools []Tool) (*Response, error) { // want ChatQuiet:"deepseek:chat"
	return c.post(map[string]any{"model": "deepseek-flash", "messages": msgs, "tools": tools, "thinking": map[string]any{"type": "disabled"}})
}

func (c *Client) post(body map[string]any) (*Response, error) {
	b, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	resp, err := c.hc.Post("https://api.deepseek.com/chat/completions", "application/json", bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out Response
	return &out, json.NewDecoder(resp.Body).Decode(&out)
}
