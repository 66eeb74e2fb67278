// Package langchain uses github.com/tmc/langchaingo's OpenAI LLM against DeepSeek.
package langchain

import (
	"context"

	"github.com/tmc/langchaingo/llms"
	"github.com/tmc/langchaingo/llms/openai"
)

func Ask(ctx context.Context, question string) (string, error) { // want Ask:"deepseek:chat"
	llm, err := openai.New(
		openai.WithBaseURL("https://api.deepseek.com"),
		openai.WithModel("deepseek-reasoner"), // want `model: model "deepseek-reasoner" was retired.*\(DS102\)`
	)
	if err != nil {
		return "", err
	}
	return llms.GenerateFromSinglePrompt(ctx, llm, question,
		llms.WithMaxTokens(2000),  // want `max_completion_tokens: max_completion_tokens is OpenAI's field.*\(DS501\)`
		llms.WithTemperature(2.5), // want `temperature: 2\.5 is outside the documented range \[0, 2\].*\(DS105\)`
	)
}

// With the legacy field, max_tokens is sent: fine.
func AskLegacy(ctx context.Context, question string) (string, error) { // want AskLegacy:"deepseek:chat"
	llm, err := openai.New(openai.WithBaseURL("https://api.deepseek.com"), openai.WithModel("deepseek-flash"))
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, question, llms.WithMaxTokens(2000), openai.WithLegacyMaxTokensField())
}

// OpenAI itself: silent.
func AskOpenAI(ctx context.Context, question string) (string, error) {
	llm, err := openai.New(openai.WithModel("gpt-4o"))
	if err != nil {
		return "", err
	}
	return llm.Call(ctx, question, llms.WithMaxTokens(2000), llms.WithTemperature(2.5))
}
