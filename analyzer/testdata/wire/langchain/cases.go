// Package langchain sends requests to DeepSeek through github.com/tmc/langchaingo's
// OpenAI LLM, configured by functional options (see ../goopenai for the case
// conventions).
package langchain

import (
	"context"

	_ "example.com/wire/internal/redirect"
	"github.com/tmc/langchaingo/llms"
	"github.com/tmc/langchaingo/llms/openai"
)

var Cases = []func(context.Context) error{Call, MaxTokens, Temperature, TopP, Streaming, JSONMode, GenerateContent, CallOptionModel}

// Call with the legacy max_tokens field.
func Call(ctx context.Context) error {
	llm, err := openai.New(openai.WithToken("sk-test"), openai.WithBaseURL("https://api.deepseek.com"), openai.WithModel("deepseek-flash"))
	if err != nil {
		return err
	}
	_, err = llm.Call(ctx, "Hello", llms.WithMaxTokens(100), openai.WithLegacyMaxTokensField())
	return err
}

// Without it, WithMaxTokens is sent as max_completion_tokens.
//
// wire:expect DS501
// wire:advice DS501 openai.WithLegacyMaxTokensField()
func MaxTokens(ctx context.Context) error {
	llm, err := openai.New(openai.WithToken("sk-test"), openai.WithBaseURL("https://api.deepseek.com"), openai.WithModel("deepseek-flash"))
	if err != nil {
		return err
	}
	_, err = llms.GenerateFromSinglePrompt(ctx, llm, "Hello", llms.WithMaxTokens(100))
	return err
}

// A temperature the caller sets, in thinking mode (the default).
//
// wire:expect DS504
// wire:advice DS504 no option that turns
func Temperature(ctx context.Context) error {
	llm, err := openai.New(openai.WithToken("sk-test"), openai.WithBaseURL("https://api.deepseek.com"), openai.WithModel("deepseek-flash"))
	if err != nil {
		return err
	}
	_, err = llm.Call(ctx, "Hello", llms.WithTemperature(0.2))
	return err
}

// WithTopP is accepted and never sent by this langchaingo version.
func TopP(ctx context.Context) error {
	llm, err := openai.New(openai.WithToken("sk-test"), openai.WithBaseURL("https://api.deepseek.com"), openai.WithModel("deepseek-flash"))
	if err != nil {
		return err
	}
	_, err = llm.Call(ctx, "Hello", llms.WithTopP(0.5))
	return err
}

// A streaming func makes the request stream, with usage.
func Streaming(ctx context.Context) error {
	llm, err := openai.New(openai.WithToken("sk-test"), openai.WithBaseURL("https://api.deepseek.com"), openai.WithModel("deepseek-flash"))
	if err != nil {
		return err
	}
	_, err = llm.Call(ctx, "Hello", llms.WithStreamingFunc(func(ctx context.Context, chunk []byte) error { return nil }))
	return err
}

// JSON mode.
func JSONMode(ctx context.Context) error {
	llm, err := openai.New(openai.WithToken("sk-test"), openai.WithBaseURL("https://api.deepseek.com"), openai.WithModel("deepseek-flash"))
	if err != nil {
		return err
	}
	_, err = llm.Call(ctx, "Reply in json: hello", llms.WithJSONMode())
	return err
}

// GenerateContent with messages.
func GenerateContent(ctx context.Context) error {
	llm, err := openai.New(openai.WithToken("sk-test"), openai.WithBaseURL("https://api.deepseek.com/v1"), openai.WithModel("deepseek-v4-pro"))
	if err != nil {
		return err
	}
	_, err = llm.GenerateContent(ctx, []llms.MessageContent{
		llms.TextParts(llms.ChatMessageTypeSystem, "Be brief."),
		llms.TextParts(llms.ChatMessageTypeHuman, "Hello"),
	}, llms.WithStopWords([]string{"END"}))
	return err
}

// A call option's model wins over the constructor's.
func CallOptionModel(ctx context.Context) error {
	llm, err := openai.New(openai.WithToken("sk-test"), openai.WithBaseURL("https://api.deepseek.com"), openai.WithModel("gpt-4o"))
	if err != nil {
		return err
	}
	_, err = llm.Call(ctx, "Hello", llms.WithModel("deepseek-flash"))
	return err
}
