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

// Clients built by a helper of this package, one for DeepSeek and one for Groq:
// each call goes where its own client points.
func newDeepSeek(model string) (*openai.LLM, error) {
	return openai.New(openai.WithBaseURL("https://api.deepseek.com/v1"), openai.WithModel(model))
}

func Taglines(ctx context.Context, product string) (string, error) { // want Taglines:"deepseek:chat\\+other"
	legacy, err := newDeepSeek("deepseek-chat") // want `model: model "deepseek-chat" was retired.*\(DS102\)`
	if err != nil {
		return "", err
	}
	old, _ := legacy.Call(ctx, product)
	flash, err := newDeepSeek("deepseek-flash")
	if err != nil {
		return "", err
	}
	fresh, _ := flash.Call(ctx, product,
		llms.WithSeed(42), // want `seed: seed is OpenAI's field.*DeepSeek has no seed, remove it \(DS501\)`
	)
	groq, err := openai.New(openai.WithBaseURL("https://api.groq.com/openai/v1"), openai.WithModel("deepseek-r1-distill-llama-70b"))
	if err != nil {
		return "", err
	}
	other, _ := groq.Call(ctx, product, llms.WithSeed(7), llms.WithPresencePenalty(0.5))
	return old + fresh + other, nil
}

// Providers that keep their langchaingo client in a shared base and build it in
// Init from an options slice: the DeepSeek provider's fallback model is judged,
// the OpenAI provider's is OpenAI's.
type baseProvider struct{ llm llms.Model }

func (p *baseProvider) Call(ctx context.Context, prompt string) (string, error) {
	return llms.GenerateFromSinglePrompt(ctx, p.llm, prompt)
}

type deepSeekProvider struct{ baseProvider }

func (p *deepSeekProvider) Init(model, key string) error { // want Init:"deepseek:chat"
	if model == "" {
		model = "deepseek-chat" // want `model: model "deepseek-chat" was retired.*\(DS102\)`
	}
	opts := []openai.Option{openai.WithModel(model), openai.WithBaseURL("https://api.deepseek.com/v1")}
	if key != "" {
		opts = append(opts, openai.WithToken(key))
	}
	llm, err := openai.New(opts...)
	if err != nil {
		return err
	}
	p.llm = llm
	return nil
}

type openAIProvider struct{ baseProvider }

func (p *openAIProvider) Init(model string) error {
	if model == "" {
		model = "gpt-4o-mini"
	}
	llm, err := openai.New(openai.WithModel(model))
	if err != nil {
		return err
	}
	p.llm = llm
	return nil
}
