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
func OpenRouter(ctx context.Context, key, question string) error { // want OpenRouter:"deepseek:deepseek\\+other"
	client := deepseek.NewClient(key, "https://openrouter.ai/api/v1/")
	_, err := client.CreateChatCompletion(ctx, &deepseek.ChatCompletionRequest{
		Model:    deepseek.OpenRouterDeepSeekR1,
		Messages: []deepseek.ChatCompletionMessage{{Role: "developer", Content: question}},
		JSONMode: true,
	})
	return err
}

// deepseek-go sends FIM to /beta itself: no beta-URL finding.
func FIM(ctx context.Context, key, prefix string) error { // want FIM:"deepseek:chat"
	client := deepseek.NewClient(key)
	_, err := client.CreateFIMCompletion(ctx, &deepseek.FIMCompletionRequest{
		Model:     "deepseek-flash",
		Prompt:    prefix,
		MaxTokens: 8000, // want `max_tokens: DeepSeek's FIM completion allows at most 4K.*\(DS105\)`
	})
	return err
}

// A prefix through a client on the beta base URL is fine.
func Prefix(ctx context.Context, key string) error { // want Prefix:"deepseek:beta"
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

// A client whose base URL is set at run time is not known to be DeepSeek's.
func TestServer(ctx context.Context, url string) error { // want TestServer:"deepseek:deepseek\\+other"
	client, _ := deepseek.NewClientWithOptions("token", deepseek.WithBaseURL(url))
	_, err := client.CreateChatCompletion(ctx, &deepseek.ChatCompletionRequest{})
	return err
}

// Ollama through deepseek-go: another server.
func Ollama() error {
	_, err := deepseek.CreateOllamaChatCompletion(&deepseek.ChatCompletionRequest{
		Model:    "llava:latest",
		Messages: []deepseek.ChatCompletionMessage{{Role: "user", Content: "Hello"}},
	})
	return err
}
