// Package fixsafe holds go-openai requests whose naive fixes would not compile
// (a removed field's value held in a local) or would duplicate a field.
package fixsafe

import (
	"context"

	openai "github.com/sashabaranov/go-openai"
)

func client() *openai.Client {
	cfg := openai.DefaultConfig("key")
	cfg.BaseURL = "https://api.deepseek.com"
	return openai.NewClientWithConfig(cfg)
}

var user = []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: "hi"}}

// seeded: the Seed field goes, and the local it points to with it.
func seeded(ctx context.Context) error {
	seed := 42
	_, err := client().CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model:    "deepseek-flash",
		Messages: user,
		Seed:     &seed, // want `seed: seed is OpenAI's field.*\(DS501\)`
	})
	return err
}

// both: MaxTokens is set already, so MaxCompletionTokens goes rather than
// becoming a second MaxTokens (which would not compile).
func both(ctx context.Context) error {
	_, err := client().CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model:               "deepseek-flash",
		Messages:            user,
		MaxTokens:           100,
		MaxCompletionTokens: 200, // want `max_completion_tokens: max_completion_tokens is OpenAI's field.*\(DS501\)`
	})
	return err
}

// renamed: MaxCompletionTokens becomes MaxTokens.
func renamed(ctx context.Context) error {
	_, err := client().CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model:               "deepseek-flash",
		Messages:            user,
		MaxCompletionTokens: 200, // want `max_completion_tokens: max_completion_tokens is OpenAI's field.*\(DS501\)`
	})
	return err
}
