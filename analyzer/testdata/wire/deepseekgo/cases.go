// Package deepseekgo builds DeepSeek requests with github.com/cohesion-org/deepseek-go
// the way its users do (see ../goopenai for the case conventions).
package deepseekgo

import (
	"context"

	_ "example.com/wire/internal/redirect"
	deepseek "github.com/cohesion-org/deepseek-go"
)

var Cases = []func(context.Context) error{
	Chat, FieldByField, Stream, PrefixDefaultClient, PrefixBeta, PrefixOptions, FIM, FIMStream,
	FIMTooManyTokens, JSONMode, Tools, StreamDefaultOptions, Temperature,
}

const key = "sk-test"

// The default client posts to https://api.deepseek.com/chat/completions.
func Chat(ctx context.Context) error {
	client := deepseek.NewClient(key)
	_, err := client.CreateChatCompletion(ctx, &deepseek.ChatCompletionRequest{
		Model: "deepseek-flash",
		Messages: []deepseek.ChatCompletionMessage{
			{Role: deepseek.ChatMessageRoleSystem, Content: "Be brief."},
			{Role: deepseek.ChatMessageRoleUser, Content: "Hello"},
		},
		MaxTokens: 256,
		Stop:      []string{"END"},
	})
	return err
}

// Field by field.
func FieldByField(ctx context.Context) error {
	client := deepseek.NewClient(key)
	req := &deepseek.ChatCompletionRequest{Model: "deepseek-v4-pro"}
	req.Messages = append(req.Messages, deepseek.ChatCompletionMessage{Role: deepseek.ChatMessageRoleUser, Content: "Hi"})
	req.MaxTokens = 64
	_, err := client.CreateChatCompletion(ctx, req)
	return err
}

// CreateChatCompletionStream sets stream itself: stream_options is fine.
func Stream(ctx context.Context) error {
	client := deepseek.NewClient(key)
	stream, err := client.CreateChatCompletionStream(ctx, &deepseek.StreamChatCompletionRequest{
		Model:         "deepseek-flash",
		Messages:      []deepseek.ChatCompletionMessage{{Role: deepseek.ChatMessageRoleUser, Content: "Hello"}},
		StreamOptions: deepseek.StreamOptions{IncludeUsage: true},
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

// Prefix completion through the default (non-beta) base URL is rejected.
//
// wire:expect DS206
//
// wire:advice DS206 trailing slash
func PrefixDefaultClient(ctx context.Context) error {
	client := deepseek.NewClient(key)
	_, err := client.CreateChatCompletion(ctx, &deepseek.ChatCompletionRequest{
		Model: "deepseek-flash",
		Messages: []deepseek.ChatCompletionMessage{
			{Role: deepseek.ChatMessageRoleUser, Content: "Write quick sort"},
			{Role: deepseek.ChatMessageRoleAssistant, Content: "```python\n", Prefix: true},
		},
	})
	return err
}

// The beta base URL (with its trailing slash: deepseek-go appends "chat/completions").
func PrefixBeta(ctx context.Context) error {
	client := deepseek.NewClient(key, "https://api.deepseek.com/beta/")
	_, err := client.CreateChatCompletion(ctx, &deepseek.ChatCompletionRequest{
		Model: "deepseek-flash",
		Messages: []deepseek.ChatCompletionMessage{
			{Role: deepseek.ChatMessageRoleUser, Content: "Write quick sort"},
			{Role: deepseek.ChatMessageRoleAssistant, Content: "```python\n", Prefix: true},
		},
	})
	return err
}

// The beta base URL through NewClientWithOptions.
func PrefixOptions(ctx context.Context) error {
	client, err := deepseek.NewClientWithOptions(key, deepseek.WithBaseURL("https://api.deepseek.com/beta/"))
	if err != nil {
		return err
	}
	_, err = client.CreateChatCompletion(ctx, &deepseek.ChatCompletionRequest{
		Model: "deepseek-flash",
		Messages: []deepseek.ChatCompletionMessage{
			{Role: deepseek.ChatMessageRoleUser, Content: "Write quick sort"},
			{Role: deepseek.ChatMessageRoleAssistant, Content: "```python\n", Prefix: true},
		},
	})
	return err
}

// CreateFIMCompletion always posts to https://api.deepseek.com/beta/ + /completions,
// whatever the client's base URL.
func FIM(ctx context.Context) error {
	client := deepseek.NewClient(key)
	_, err := client.CreateFIMCompletion(ctx, &deepseek.FIMCompletionRequest{
		Model:     "deepseek-flash",
		Prompt:    "def fib(n):",
		Suffix:    "    return fib(n-1) + fib(n-2)",
		MaxTokens: 128,
	})
	return err
}

// CreateFIMStreamCompletion sets stream itself.
func FIMStream(ctx context.Context) error {
	client := deepseek.NewClient(key)
	stream, err := client.CreateFIMStreamCompletion(ctx, &deepseek.FIMStreamCompletionRequest{
		Model:         "deepseek-flash",
		Prompt:        "def fib(n):",
		StreamOptions: deepseek.StreamOptions{IncludeUsage: true},
	})
	if err != nil {
		return err
	}
	defer stream.FIMClose()
	for {
		if _, err := stream.FIMRecv(); err != nil {
			return nil
		}
	}
}

// deepseek-go refuses max_tokens above 4000 on FIM before sending.
//
// wire:nosend
// wire:expect DS105
func FIMTooManyTokens(ctx context.Context) error {
	client := deepseek.NewClient(key)
	_, err := client.CreateFIMCompletion(ctx, &deepseek.FIMCompletionRequest{
		Model:     "deepseek-flash",
		Prompt:    "def fib(n):",
		MaxTokens: 8000,
	})
	return err
}

// JSONMode sends deepseek-go's own "json" key, which DeepSeek does not know.
//
// wire:expect DS502
// wire:advice DS502 ResponseFormat: &deepseek.ResponseFormat
func JSONMode(ctx context.Context) error {
	client := deepseek.NewClient(key)
	_, err := client.CreateChatCompletion(ctx, &deepseek.ChatCompletionRequest{
		Model:    "deepseek-flash",
		Messages: []deepseek.ChatCompletionMessage{{Role: deepseek.ChatMessageRoleUser, Content: "Reply in json"}},
		JSONMode: true,
	})
	return err
}

// Tools.
func Tools(ctx context.Context) error {
	client := deepseek.NewClient(key)
	_, err := client.CreateChatCompletion(ctx, &deepseek.ChatCompletionRequest{
		Model:    "deepseek-flash",
		Messages: []deepseek.ChatCompletionMessage{{Role: deepseek.ChatMessageRoleUser, Content: "Weather in Paris?"}},
		Tools: []deepseek.Tool{{
			Type: "function",
			Function: deepseek.Function{
				Name:        "get_weather",
				Description: "Weather of a city",
				Parameters: &deepseek.FunctionParameters{
					Type:       "object",
					Properties: map[string]interface{}{"city": map[string]interface{}{"type": "string"}},
					Required:   []string{"city"},
				},
			},
		}},
		ToolChoice: "auto",
	})
	return err
}

// StreamChatCompletionRequest.StreamOptions is a struct, not a pointer: omitempty
// never omits a struct, so {"include_usage": false} is always sent.
func StreamDefaultOptions(ctx context.Context) error {
	client := deepseek.NewClient(key)
	stream, err := client.CreateChatCompletionStream(ctx, &deepseek.StreamChatCompletionRequest{
		Model:    "deepseek-flash",
		Messages: []deepseek.ChatCompletionMessage{{Role: deepseek.ChatMessageRoleUser, Content: "Hello"}},
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

// A temperature in thinking mode (the default): this deepseek-go version has no
// field that turns thinking off, so the advice cannot be "disable thinking".
//
// wire:expect DS504
// wire:advice DS504 no field that turns thinking off
func Temperature(ctx context.Context) error {
	client := deepseek.NewClient(key)
	_, err := client.CreateChatCompletion(ctx, &deepseek.ChatCompletionRequest{
		Model:       "deepseek-flash",
		Messages:    []deepseek.ChatCompletionMessage{{Role: deepseek.ChatMessageRoleUser, Content: "Hello"}},
		Temperature: 0.5,
	})
	return err
}
