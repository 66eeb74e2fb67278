package contractrules

import (
	"encoding/json"
	"io"
)

// Tool loops that replay the model's message from the response.

type toolCall struct {
	ID       string `json:"id"`
	Type     string `json:"type"`
	Function struct {
		Name      string `json:"name"`
		Arguments string `json:"arguments"`
	} `json:"function"`
}

// plainMessage has no reasoning_content: a replayed reply loses the reasoning.
type plainMessage struct {
	Role       string     `json:"role"`
	Content    string     `json:"content"`
	ToolCalls  []toolCall `json:"tool_calls,omitempty"`
	ToolCallID string     `json:"tool_call_id,omitempty"`
	Refusal    string     `json:"refusal,omitempty"` // never in DeepSeek's responses: not reported
}

// thinkingMessage keeps it.
type thinkingMessage struct {
	Role             string     `json:"role"`
	Content          string     `json:"content"`
	ReasoningContent string     `json:"reasoning_content,omitempty"`
	ToolCalls        []toolCall `json:"tool_calls,omitempty"`
	ToolCallID       string     `json:"tool_call_id,omitempty"`
}

type function struct {
	Type     string         `json:"type"`
	Function map[string]any `json:"function"`
}

var lookupTool = function{Type: "function", Function: map[string]any{"name": "lookup", "parameters": map[string]any{"type": "object"}}}

type plainRequest struct { // want plainRequest:"deepseek:chat"
	Model    string         `json:"model"`
	Messages []plainMessage `json:"messages"`
	Tools    []function     `json:"tools,omitempty"`
}

type plainResponse struct {
	Choices []struct {
		Message plainMessage `json:"message"`
	} `json:"choices"`
}

type thinkingRequest struct { // want thinkingRequest:"deepseek:chat"
	Model    string            `json:"model"`
	Messages []thinkingMessage `json:"messages"`
	Tools    []function        `json:"tools,omitempty"`
}

type thinkingResponse struct {
	Choices []struct {
		Message thinkingMessage `json:"message"`
	} `json:"choices"`
}

func decode(r io.Reader, v any) { _ = json.NewDecoder(r).Decode(v) }

func replayPlain(r io.Reader, q string) {
	history := []plainMessage{{Role: "user", Content: q}}
	for i := 0; i < 4; i++ {
		post(chatURL, plainRequest{Model: "deepseek-flash", Messages: history, Tools: []function{lookupTool}})
		var resp plainResponse
		decode(r, &resp)
		reply := resp.Choices[0].Message // want `messages\[\?\]: DeepSeek rejects an assistant message without reasoning_content.*\(DS204\)`
		history = append(history, reply)
		for _, tc := range reply.ToolCalls {
			history = append(history, plainMessage{Role: "tool", ToolCallID: tc.ID, Content: "ok"})
		}
	}
}

// The same loop with a type that keeps reasoning_content is accepted.
func replayThinking(r io.Reader, q string) {
	history := []thinkingMessage{{Role: "user", Content: q}}
	for i := 0; i < 4; i++ {
		post(chatURL, thinkingRequest{Model: "deepseek-flash", Messages: history, Tools: []function{lookupTool}})
		var resp thinkingResponse
		decode(r, &resp)
		history = append(history, resp.Choices[0].Message)
	}
}

// Without tools DeepSeek does not need the reasoning back.
func replayNoTools(r io.Reader, q string) {
	history := []plainMessage{{Role: "user", Content: q}}
	for i := 0; i < 4; i++ {
		post(chatURL, plainRequest{Model: "deepseek-flash", Messages: history})
		var resp plainResponse
		decode(r, &resp)
		history = append(history, resp.Choices[0].Message)
	}
}

// The caller's tools, and an assistant message the code builds from the reply's
// tool calls: the model called a tool, so this request carried tools.
func agentTurn(r io.Reader, q string, tools []function) {
	history := []plainMessage{{Role: "user", Content: q}}
	for i := 0; i < 4; i++ {
		post(chatURL, plainRequest{Model: "deepseek-flash", Messages: history, Tools: tools})
		var resp plainResponse
		decode(r, &resp)
		calls := resp.Choices[0].Message.ToolCalls
		if len(calls) == 0 {
			return
		}
		history = append(history, plainMessage{Role: "assistant", ToolCalls: calls}) // want `messages\[\?\]: DeepSeek rejects an assistant message without reasoning_content.*\(DS204\)`
		for _, tc := range calls {
			history = append(history, plainMessage{Role: "tool", ToolCallID: tc.ID, Content: "ok"})
		}
	}
}

// An assistant message without tool calls says nothing about the tools.
func chatTurn(r io.Reader, q string, tools []function) {
	history := []plainMessage{{Role: "user", Content: q}}
	for i := 0; i < 4; i++ {
		post(chatURL, plainRequest{Model: "deepseek-flash", Messages: history, Tools: tools})
		var resp plainResponse
		decode(r, &resp)
		history = append(history, plainMessage{Role: "assistant", Content: resp.Choices[0].Message.Content})
	}
}

// omitMessage keeps the reasoning but drops an empty content, as go-openai's
// message does: a turn that only calls tools goes out without its content key.
type omitMessage struct {
	Role             string     `json:"role"`
	Content          string     `json:"content,omitempty"` // want `messages\[\?\]: .*missing field .content.; the Content field omits an empty value.*\(DS106\)`
	ReasoningContent string     `json:"reasoning_content,omitempty"`
	ToolCalls        []toolCall `json:"tool_calls,omitempty"`
	ToolCallID       string     `json:"tool_call_id,omitempty"`
}

type omitRequest struct { // want omitRequest:"deepseek:chat"
	Model    string        `json:"model"`
	Messages []omitMessage `json:"messages"`
	Tools    []function    `json:"tools,omitempty"`
}

type omitResponse struct {
	Choices []struct {
		Message omitMessage `json:"message"`
	} `json:"choices"`
}

func replayOmit(r io.Reader, q string) {
	history := []omitMessage{{Role: "user", Content: q}}
	for i := 0; i < 4; i++ {
		post(chatURL, omitRequest{Model: "deepseek-flash", Messages: history, Tools: []function{lookupTool}})
		var resp omitResponse
		decode(r, &resp)
		msg := resp.Choices[0].Message
		history = append(history, omitMessage{Role: "assistant", Content: msg.Content, ReasoningContent: msg.ReasoningContent, ToolCalls: msg.ToolCalls}) // want `messages\[\?\]: .*missing field .content.*\(DS106\)`
		for _, tc := range msg.ToolCalls {
			history = append(history, omitMessage{Role: "tool", ToolCallID: tc.ID, Content: "ok"})
		}
	}
}

// The reply itself, replayed while tools are sent: the same empty content.
func replayOmitReply(r io.Reader, q string) {
	history := []omitMessage{{Role: "user", Content: q}}
	for i := 0; i < 4; i++ {
		post(chatURL, omitRequest{Model: "deepseek-flash", Messages: history, Tools: []function{lookupTool}})
		var resp omitResponse
		decode(r, &resp)
		history = append(history, resp.Choices[0].Message) // reported at the Content field that drops the text
	}
}

// Turns without tool calls carry the reply's text: the content is there.
func chatOmit(r io.Reader, q string) {
	history := []omitMessage{{Role: "user", Content: q}}
	for i := 0; i < 4; i++ {
		post(chatURL, omitRequest{Model: "deepseek-flash", Messages: history})
		var resp omitResponse
		decode(r, &resp)
		history = append(history, omitMessage{Role: "assistant", Content: resp.Choices[0].Message.Content, ReasoningContent: resp.Choices[0].Message.ReasoningContent})
		history = append(history, resp.Choices[0].Message)
	}
}
