// Package goopenai uses github.com/sashabaranov/go-openai against DeepSeek, with
// the client built in a constructor and the request in a method.
package goopenai

import (
	"context"

	openai "github.com/sashabaranov/go-openai"
)

type DeepSeek struct { // want DeepSeek:"deepseek:chat"
	client *openai.Client
}

func NewDeepSeek(key string) *DeepSeek { // want NewDeepSeek:"deepseek:chat"
	cfg := openai.DefaultConfig(key)
	cfg.BaseURL = "https://api.deepseek.com/v1"
	return &DeepSeek{client: openai.NewClientWithConfig(cfg)}
}

func (d *DeepSeek) Ask(ctx context.Context, question string) (string, error) { // want Ask:"deepseek:chat"
	resp, err := d.client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model: openai.GPT4o, // want `model: DeepSeek rejects model "gpt-4o" with 400 "Model Not Exist".*\(DS101\)`
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleDeveloper, Content: "Be brief."}, // want `messages\[0\]\.role: DeepSeek rejects role "developer".*\(DS104\)`
			{Role: openai.ChatMessageRoleUser, Content: question},
		},
		MaxCompletionTokens: 512, // want `max_completion_tokens: max_completion_tokens is OpenAI's field.*\(DS501\)`
		N:                   2,   // want `n: n is OpenAI's field.*\(DS501\)`
	})
	if err != nil {
		return "", err
	}
	return resp.Choices[0].Message.Content, nil
}

func (d *DeepSeek) AskValid(ctx context.Context, question string) error { // want AskValid:"deepseek:chat"
	_, err := d.client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model:     "deepseek-flash",
		Messages:  []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: question}},
		MaxTokens: 1024,
		Stop:      []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q"}, // want `stop: DeepSeek documents up to 16 stop sequences; send at most 16 \(DS105\)`
	})
	return err
}

// The same request against OpenAI stays silent.
func AskOpenAI(ctx context.Context, key, question string) error {
	client := openai.NewClient(key)
	_, err := client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model:               openai.GPT4o,
		Messages:            []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleDeveloper, Content: question}},
		MaxCompletionTokens: 512,
		N:                   2,
	})
	return err
}

// A client built from a token alone sends to OpenAI, even with a model name other
// hosts also serve.
func DefaultClient(ctx context.Context, key string) error {
	client := openai.NewClient(key)
	_, err := client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model:       "deepseek-v4-flash",
		Messages:    []openai.ChatCompletionMessage{{Role: "developer", Content: "hi"}},
		Temperature: 0.5,
	})
	return err
}

// Advice in go-openai's terms: it has no thinking field, ReasoningEffort "none"
// turns thinking off.
func (d *DeepSeek) AskForced(ctx context.Context, question string) error { // want AskForced:"deepseek:chat"
	_, err := d.client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model:       "deepseek-flash",
		Messages:    []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleUser, Content: question}},
		Temperature: 0.2, // want `temperature: DeepSeek ignores temperature in thinking mode, which is on by default; set ReasoningEffort: openai\.ReasoningEffortNone.*\(DS504\)`
	})
	return err
}
