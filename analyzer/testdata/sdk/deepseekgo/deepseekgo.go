// Package deepseekgo uses github.com/cohesion-org/deepseek-go, whose default base
// URL is DeepSeek's.
package deepseekgo

import (
	"context"

	deepseek "github.com/cohesion-org/deepseek-go"
)

func Ask(ctx context.Context, key, question string) error { // want Ask:"deepseek:chat"
	client := deepseek.NewClient(key)
	_, err := client.CreateChatCompletion(ctx, &deepseek.ChatCompletionRequest{
		Model: deepseek.DeepSeekChat, // want `model: model "deepseek-chat" was retired by DeepSeek on 2026-07-24.*\(DS102\)`
		Messages: []deepseek.ChatCompletionMessage{
			{Role: deepseek.ChatMessageRoleUser, Content: question},
		},
		JSONMode: true, // want `json: json is deepseek-go's own switch.*\(DS502\)`
	})
	return err
}

func Valid(ctx context.Context, key, question string) error { // want Valid:"deepseek:chat"
	client := deepseek.NewClient(key)
	_, err := client.CreateChatCompletion(ctx, &deepseek.ChatCompletionRequest{
		Model:    "deepseek-flash",
		Messages: []deepseek.ChatCompletionMessage{{Role: deepseek.ChatMessageRoleUser, Content: question}},
	})
	return err
}

// deepseek-go pointed at OpenRouter is not DeepSeek-bound.
func OpenRouter(ctx context.Context, key, question string) error { // want OpenRouter:"deepseek:chat\\+other"
	client := deepseek.NewClient(key, "https://openrouter.ai/api/v1/")
	_, err := client.CreateChatCompletion(ctx, &deepseek.ChatCompletionRequest{
		Model:    deepseek.OpenRouterDeepSeekR1,
		Messages: []deepseek.ChatCompletionMessage{{Role: "developer", Content: question}},
		JSONMode: true,
	})
	return err
}
