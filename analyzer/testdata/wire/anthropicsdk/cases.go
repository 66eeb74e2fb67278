// Package anthropicsdk sends Anthropic Messages requests to DeepSeek's
// Anthropic-compatible endpoint with github.com/anthropics/anthropic-sdk-go (see
// ../goopenai for the case conventions).
package anthropicsdk

import (
	"context"

	_ "example.com/wire/internal/redirect"
	"github.com/anthropics/anthropic-sdk-go"
	"github.com/anthropics/anthropic-sdk-go/option"
)

var Cases = []func(context.Context) error{Messages, Streaming, TopK}

func deepseek() anthropic.Client {
	return anthropic.NewClient(option.WithAPIKey("sk-test"), option.WithBaseURL("https://api.deepseek.com/anthropic"), option.WithMaxRetries(0))
}

// Messages.New appends v1/messages to the base URL.
func Messages(ctx context.Context) error {
	client := deepseek()
	_, err := client.Messages.New(ctx, anthropic.MessageNewParams{
		Model:     "deepseek-flash",
		MaxTokens: 1024,
		System:    []anthropic.TextBlockParam{{Text: "Be brief."}},
		Messages: []anthropic.MessageParam{
			anthropic.NewUserMessage(anthropic.NewTextBlock("Hello")),
		},
		Temperature: anthropic.Float(0.5),
	})
	return err
}

// NewStreaming sets stream itself.
func Streaming(ctx context.Context) error {
	client := deepseek()
	stream := client.Messages.NewStreaming(ctx, anthropic.MessageNewParams{
		Model:     anthropic.ModelClaudeSonnet4_5,
		MaxTokens: 1024,
		Messages:  []anthropic.MessageParam{anthropic.NewUserMessage(anthropic.NewTextBlock("Hello"))},
	})
	for stream.Next() {
	}
	return stream.Err()
}

// top_k is ignored there.
//
// wire:expect DS508
func TopK(ctx context.Context) error {
	client := deepseek()
	_, err := client.Messages.New(ctx, anthropic.MessageNewParams{
		Model:     "deepseek-flash",
		MaxTokens: 1024,
		TopK:      anthropic.Int(5),
		Messages:  []anthropic.MessageParam{anthropic.NewUserMessage(anthropic.NewTextBlock("Hello"))},
	})
	return err
}
