// Package anthropicsdk uses github.com/anthropics/anthropic-sdk-go against DeepSeek's
// Anthropic-compatible endpoint, and against Anthropic itself.
package anthropicsdk

import (
	"context"

	"github.com/anthropics/anthropic-sdk-go"
	"github.com/anthropics/anthropic-sdk-go/option"
)

func Ask(ctx context.Context, key, question string) error { // want Ask:"deepseek:anthropic"
	client := anthropic.NewClient(option.WithAPIKey(key), option.WithBaseURL("https://api.deepseek.com/anthropic"))
	_, err := client.Messages.New(ctx, anthropic.MessageNewParams{
		Model:     "gpt-4o", // want `model: DeepSeek's Anthropic endpoint rejects model "gpt-4o" with 400.*\(DS101\)`
		MaxTokens: 1024,
		TopK:      anthropic.Int(5), // want `top_k: DeepSeek's Anthropic endpoint ignores top_k.*\(DS508\)`
		Messages: []anthropic.MessageParam{
			anthropic.NewUserMessage(anthropic.NewTextBlock(question)),
		},
	})
	return err
}

// Claude names are mapped to DeepSeek models there: fine.
func AskClaudeName(ctx context.Context, question string) error { // want AskClaudeName:"deepseek:anthropic"
	client := anthropic.NewClient(option.WithBaseURL("https://api.deepseek.com/anthropic"))
	_, err := client.Messages.New(ctx, anthropic.MessageNewParams{
		Model:     anthropic.ModelClaudeSonnet4_5,
		MaxTokens: 1024,
		Messages:  []anthropic.MessageParam{anthropic.NewUserMessage(anthropic.NewTextBlock(question))},
	})
	return err
}

// Anthropic itself: silent.
func AskAnthropic(ctx context.Context, question string) error {
	client := anthropic.NewClient()
	_, err := client.Messages.New(ctx, anthropic.MessageNewParams{
		Model:     "gpt-4o",
		MaxTokens: 1024,
		TopK:      anthropic.Int(5),
		Messages:  []anthropic.MessageParam{anthropic.NewUserMessage(anthropic.NewTextBlock(question))},
	})
	return err
}
