// Package goopenai builds DeepSeek requests with github.com/sashabaranov/go-openai
// the way its users do. Each exported func(context.Context) error is a case: the
// harness runs it against a capture server and compares what the SDK sent with what
// deepseekvet lowers from the same source. A "wire:expect" line in a case's doc
// comment lists the rules deepseekvet must report in it (none otherwise); "wire:nosend"
// says the SDK itself refuses the request before sending it.
package goopenai

import (
	"context"
	"encoding/json"
	"strings"

	_ "example.com/wire/internal/redirect"
	openai "github.com/sashabaranov/go-openai"
)

var Cases = []func(context.Context) error{
	Chat, FieldByField, Stream, StreamOptionsNonStreaming, StreamTrueNonStreaming,
	FIMBeta, FIMNonBeta, ToolsStrictBeta, ToolsStrictNonBeta, ToolChoiceRequired,
	ToolChoiceRequiredNoThinking, Vision, ReasoningEffort, Float32Temperature,
	ToolTurnEmptyContent,
}

func client(base string) *openai.Client {
	cfg := openai.DefaultConfig("sk-test")
	cfg.BaseURL = base
	return openai.NewClientWithConfig(cfg)
}

func deepseek() *openai.Client {
	cfg := openai.DefaultConfig("sk-test")
	cfg.BaseURL = "https://api.deepseek.com"
	return openai.NewClientWithConfig(cfg)
}

func deepseekBeta() *openai.Client {
	cfg := openai.DefaultConfig("sk-test")
	cfg.BaseURL = "https://api.deepseek.com/beta"
	return openai.NewClientWithConfig(cfg)
}

// A literal with the usual fields; ReasoningEffort "none" turns thinking off, so
// temperature takes effect.
func Chat(ctx context.Context) error {
	_, err := deepseek().CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model: "deepseek-flash",
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleSystem, Content: "Reply in JSON."},
			{Role: openai.ChatMessageRoleUser, Content: "Hello"},
		},
		MaxTokens:       256,
		Temperature:     0.5,
		Stop:            []string{"\n\n"},
		ResponseFormat:  &openai.ChatCompletionResponseFormat{Type: openai.ChatCompletionResponseFormatTypeJSONObject},
		ReasoningEffort: "none",
	})
	return err
}

// Field by field, messages appended.
func FieldByField(ctx context.Context) error {
	var req openai.ChatCompletionRequest
	req.Model = "deepseek-v4-pro"
	req.Messages = append(req.Messages, openai.ChatCompletionMessage{Role: openai.ChatMessageRoleUser, Content: "Hi"})
	req.MaxTokens = 100
	_, err := deepseek().CreateChatCompletion(ctx, req)
	return err
}

// CreateChatCompletionStream sets stream itself: stream_options is fine.
func Stream(ctx context.Context) error {
	stream, err := deepseek().CreateChatCompletionStream(ctx, openai.ChatCompletionRequest{
		Model:         "deepseek-flash",
		Messages:      []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: "Hello"}},
		StreamOptions: &openai.StreamOptions{IncludeUsage: true},
	})
	if err != nil {
		return err
	}
	defer stream.Close()
	for {
		if _, err := stream.Recv(); err != nil {
			return nil
		}
	}
}

// The non-streaming call sends "stream": false with stream_options: rejected.
//
// wire:expect DS201
// wire:advice DS201 CreateChatCompletionStream
func StreamOptionsNonStreaming(ctx context.Context) error {
	_, err := deepseek().CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model:         "deepseek-flash",
		Messages:      []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: "Hello"}},
		StreamOptions: &openai.StreamOptions{IncludeUsage: true},
	})
	return err
}

// go-openai refuses Stream: true on CreateChatCompletion before sending anything.
//
// wire:nosend
func StreamTrueNonStreaming(ctx context.Context) error {
	_, err := deepseek().CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model:         "deepseek-flash",
		Messages:      []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: "Hello"}},
		Stream:        true,
		StreamOptions: &openai.StreamOptions{IncludeUsage: true},
	})
	return err
}

// CreateCompletion appends /completions to the base URL: /beta/completions, FIM.
func FIMBeta(ctx context.Context) error {
	_, err := deepseekBeta().CreateCompletion(ctx, openai.CompletionRequest{
		Model:     "deepseek-flash",
		Prompt:    "def fib(n):",
		Suffix:    "    return fib(n-1) + fib(n-2)",
		MaxTokens: 128,
	})
	return err
}

// The same on the non-beta base URL posts to /completions.
//
// wire:expect DS206
// wire:advice DS206 BaseURL to "https://api.deepseek.com/beta"
func FIMNonBeta(ctx context.Context) error {
	_, err := deepseek().CreateCompletion(ctx, openai.CompletionRequest{
		Model:     "deepseek-flash",
		Prompt:    "def fib(n):",
		MaxTokens: 128,
	})
	return err
}

var weatherParams = json.RawMessage(`{"type":"object","properties":{"city":{"type":"string"}},"required":["city"],"additionalProperties":false}`)

// Strict tools under /beta.
func ToolsStrictBeta(ctx context.Context) error {
	_, err := deepseekBeta().CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model:    "deepseek-flash",
		Messages: []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: "Weather in Paris?"}},
		Tools: []openai.Tool{{
			Type:     openai.ToolTypeFunction,
			Function: &openai.FunctionDefinition{Name: "get_weather", Strict: true, Parameters: weatherParams},
		}},
		ToolChoice: "auto",
	})
	return err
}

// Strict tools elsewhere are rejected.
//
// wire:expect DS206
func ToolsStrictNonBeta(ctx context.Context) error {
	_, err := deepseek().CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model:    "deepseek-flash",
		Messages: []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: "Weather in Paris?"}},
		Tools: []openai.Tool{{
			Type:     openai.ToolTypeFunction,
			Function: &openai.FunctionDefinition{Name: "get_weather", Strict: true, Parameters: weatherParams},
		}},
	})
	return err
}

// tool_choice "required" while thinking is on (the default).
//
// wire:expect DS203
// wire:advice DS203 ReasoningEffort: openai.ReasoningEffortNone
func ToolChoiceRequired(ctx context.Context) error {
	_, err := deepseek().CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model:      "deepseek-flash",
		Messages:   []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: "Weather in Paris?"}},
		Tools:      []openai.Tool{{Type: openai.ToolTypeFunction, Function: &openai.FunctionDefinition{Name: "get_weather", Parameters: weatherParams}}},
		ToolChoice: "required",
	})
	return err
}

// go-openai has no thinking field; ReasoningEffort "none" is its way to turn
// thinking off.
func ToolChoiceRequiredNoThinking(ctx context.Context) error {
	_, err := deepseek().CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model:           "deepseek-flash",
		Messages:        []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: "Weather in Paris?"}},
		Tools:           []openai.Tool{{Type: openai.ToolTypeFunction, Function: &openai.FunctionDefinition{Name: "get_weather", Parameters: weatherParams}}},
		ToolChoice:      openai.ToolChoice{Type: openai.ToolTypeFunction, Function: openai.ToolFunction{Name: "get_weather"}},
		ReasoningEffort: openai.ReasoningEffortNone,
	})
	return err
}

// MultiContent is sent as content parts.
func Vision(ctx context.Context) error {
	_, err := deepseek().CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model: "deepseek-flash",
		Messages: []openai.ChatCompletionMessage{{
			Role: openai.ChatMessageRoleUser,
			MultiContent: []openai.ChatMessagePart{
				{Type: openai.ChatMessagePartTypeText, Text: "What is this?"},
				{Type: openai.ChatMessagePartTypeImageURL, ImageURL: &openai.ChatMessageImageURL{URL: "https://example.com/cat.png"}},
			},
		}},
	})
	return err
}

// ReasoningEffort values go to the wire unchanged.
func ReasoningEffort(ctx context.Context) error {
	_, err := client("https://api.deepseek.com/v1").CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model:           "deepseek-v4-pro",
		Messages:        []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: "Prove it."}},
		ReasoningEffort: openai.ReasoningEffortMax,
	})
	return err
}

// Temperature is a float32: encoding/json sends 0.7, the shortest decimal of the
// float32 value.
func Float32Temperature(ctx context.Context) error {
	_, err := deepseek().CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model:           "deepseek-flash",
		Messages:        []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: "Hello"}},
		Temperature:     0.7,
		ReasoningEffort: openai.ReasoningEffortNone,
	})
	return err
}

// A tool loop's assistant turn carries the reply's text, which is empty when the
// model only called tools: go-openai omits the empty content, a key DeepSeek
// requires on assistant messages.
// wire:expect DS106
func ToolTurnEmptyContent(ctx context.Context) error {
	reply := strings.TrimSpace(" ")
	_, err := deepseek().CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model: "deepseek-flash",
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleUser, Content: "Weather in Paris?"},
			{Role: openai.ChatMessageRoleAssistant, Content: reply, ReasoningContent: "Look it up.", ToolCalls: []openai.ToolCall{{ID: "c1", Type: openai.ToolTypeFunction, Function: openai.FunctionCall{Name: "weather", Arguments: "{}"}}}},
			{Role: openai.ChatMessageRoleTool, ToolCallID: "c1", Content: "sunny"},
		},
		Tools: []openai.Tool{{Type: openai.ToolTypeFunction, Function: &openai.FunctionDefinition{Name: "weather", Parameters: weatherParams}}},
	})
	return err
}
