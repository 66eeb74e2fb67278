// Package godeepseek builds requests with github.com/go-deepseek/deepseek, which
// accepts only the retired model names (see ../goopenai for the case conventions).
package godeepseek

import (
	"context"

	_ "example.com/wire/internal/redirect"
	"github.com/go-deepseek/deepseek"
	"github.com/go-deepseek/deepseek/request"
)

var Cases = []func(context.Context) error{Chat, Stream, StreamOptionsWithoutStream}

// The only models it sends were retired.
//
// wire:expect DS102
// wire:advice DS102 accepts only deepseek-chat and deepseek-reasoner
func Chat(ctx context.Context) error {
	client, err := deepseek.NewClient("sk-test")
	if err != nil {
		return err
	}
	_, err = client.CallChatCompletionsChat(ctx, &request.ChatCompletionsRequest{
		Model: deepseek.DEEPSEEK_CHAT_MODEL,
		Messages: []*request.Message{
			{Role: request.RoleSystem, Content: "Be brief."},
			{Role: request.RoleUser, Content: "Hello"},
		},
		MaxTokens: 100,
	})
	return err
}

// Streaming: the caller sets Stream itself (the SDK checks it).
//
// wire:expect DS102
func Stream(ctx context.Context) error {
	client, err := deepseek.NewClient("sk-test")
	if err != nil {
		return err
	}
	sr, err := client.StreamChatCompletionsChat(ctx, &request.ChatCompletionsRequest{
		Model:         deepseek.DEEPSEEK_CHAT_MODEL,
		Messages:      []*request.Message{{Role: request.RoleUser, Content: "Hello"}},
		Stream:        true,
		StreamOptions: &request.StreamOptions{IncludeUsage: true},
	})
	if err != nil {
		return err
	}
	for {
		if _, err := sr.Read(); err != nil {
			return nil
		}
	}
}

// Its validator refuses stream_options without stream before sending.
//
// wire:nosend
// wire:expect DS102 DS201
func StreamOptionsWithoutStream(ctx context.Context) error {
	client, err := deepseek.NewClient("sk-test")
	if err != nil {
		return err
	}
	_, err = client.CallChatCompletionsChat(ctx, &request.ChatCompletionsRequest{
		Model:         deepseek.DEEPSEEK_CHAT_MODEL,
		Messages:      []*request.Message{{Role: request.RoleUser, Content: "Hello"}},
		StreamOptions: &request.StreamOptions{IncludeUsage: true},
	})
	return err
}
