// Package openaigo builds DeepSeek requests with github.com/openai/openai-go/v3 the
// way its users do (see ../goopenai for the case conventions).
package openaigo

import (
	"context"

	_ "example.com/wire/internal/redirect"
	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
	"github.com/openai/openai-go/v3/responses"
	"github.com/openai/openai-go/v3/shared"
)

var Cases = []func(context.Context) error{
	Chat, FieldByField, Streaming, ExtraFields, ExtraFieldsInvalid, JSONSetDotted,
	ExtraBodyDotted, ClientJSONSet, JSONDel, StrictToolNonBeta, StrictToolBeta,
	FIM, ToolLoop, PackageClient, Responses,
}

func deepseek(opts ...option.RequestOption) openai.Client {
	return openai.NewClient(append([]option.RequestOption{option.WithAPIKey("sk-test"), option.WithBaseURL("https://api.deepseek.com"), option.WithMaxRetries(0)}, opts...)...)
}

func deepseekBeta() openai.Client {
	return openai.NewClient(option.WithAPIKey("sk-test"), option.WithBaseURL("https://api.deepseek.com/beta"), option.WithMaxRetries(0))
}

// Helpers, unions and a per-call WithJSONSet that turns thinking off.
func Chat(ctx context.Context) error {
	client := deepseek()
	_, err := client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model:       "deepseek-flash",
		Messages:    []openai.ChatCompletionMessageParamUnion{openai.SystemMessage("Reply in JSON."), openai.UserMessage("Hello")},
		MaxTokens:   openai.Int(512),
		Temperature: openai.Float(0.2),
		ResponseFormat: openai.ChatCompletionNewParamsResponseFormatUnion{
			OfJSONObject: &openai.ResponseFormatJSONObjectParam{},
		},
	}, option.WithJSONSet("thinking", map[string]string{"type": "disabled"}))
	return err
}

// Field by field.
func FieldByField(ctx context.Context) error {
	client := deepseek()
	params := openai.ChatCompletionNewParams{}
	params.Model = "deepseek-flash"
	params.Messages = append(params.Messages, openai.UserMessage("Hi"))
	params.MaxTokens = openai.Int(64)
	_, err := client.Chat.Completions.New(ctx, params)
	return err
}

// NewStreaming sets stream itself: stream_options is fine.
func Streaming(ctx context.Context) error {
	client := deepseek()
	stream := client.Chat.Completions.NewStreaming(ctx, openai.ChatCompletionNewParams{
		Model:         "deepseek-flash",
		Messages:      []openai.ChatCompletionMessageParamUnion{openai.UserMessage("Hello")},
		StreamOptions: openai.ChatCompletionStreamOptionsParam{IncludeUsage: openai.Bool(true)},
	})
	for stream.Next() {
	}
	return stream.Err()
}

// SetExtraFields merges top-level keys into the body: thinking is off, so
// temperature takes effect.
func ExtraFields(ctx context.Context) error {
	client := deepseek()
	params := openai.ChatCompletionNewParams{
		Model:       "deepseek-flash",
		Messages:    []openai.ChatCompletionMessageParamUnion{openai.UserMessage("Hello")},
		Temperature: openai.Float(0.3),
	}
	params.SetExtraFields(map[string]any{"thinking": map[string]any{"type": "disabled"}})
	_, err := client.Chat.Completions.New(ctx, params)
	return err
}

// An invalid thinking type set through SetExtraFields.
//
// wire:expect DS104
func ExtraFieldsInvalid(ctx context.Context) error {
	client := deepseek()
	params := openai.ChatCompletionNewParams{
		Model:    "deepseek-flash",
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage("Hello")},
	}
	params.SetExtraFields(map[string]any{"thinking": map[string]any{"type": "off"}})
	_, err := client.Chat.Completions.New(ctx, params)
	return err
}

// A dotted WithJSONSet path sets a nested key.
func JSONSetDotted(ctx context.Context) error {
	client := deepseek()
	_, err := client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model:       "deepseek-flash",
		Messages:    []openai.ChatCompletionMessageParamUnion{openai.UserMessage("Hello")},
		Temperature: openai.Float(0.3),
	}, option.WithMaxRetries(0), option.WithJSONSet("thinking.type", "disabled"))
	return err
}

// The Python extra_body idiom sends a literal extra_body key; thinking stays on.
//
// wire:expect DS506 DS504
// wire:advice DS506 option.WithJSONSet("thinking"
// wire:advice DS504 shared.ReasoningEffortNone
func ExtraBodyDotted(ctx context.Context) error {
	client := deepseek()
	_, err := client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model:       "deepseek-flash",
		Messages:    []openai.ChatCompletionMessageParamUnion{openai.UserMessage("Hello")},
		Temperature: openai.Float(0.3),
	}, option.WithMaxRetries(0), option.WithJSONSet("extra_body.thinking.type", "disabled"))
	return err
}

// WithJSONSet given to the client applies to every request.
func ClientJSONSet(ctx context.Context) error {
	client := openai.NewClient(
		option.WithAPIKey("sk-test"),
		option.WithBaseURL("https://api.deepseek.com"),
		option.WithJSONSet("thinking", map[string]any{"type": "disabled"}),
	)
	_, err := client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model:       "deepseek-flash",
		Messages:    []openai.ChatCompletionMessageParamUnion{openai.UserMessage("Hello")},
		Temperature: openai.Float(0.3),
	})
	return err
}

// WithJSONDel removes a key the params set.
func JSONDel(ctx context.Context) error {
	client := deepseek()
	_, err := client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model:       "deepseek-flash",
		Messages:    []openai.ChatCompletionMessageParamUnion{openai.UserMessage("Hello")},
		Temperature: openai.Float(0.3),
	}, option.WithJSONDel("temperature"))
	return err
}

var weather = shared.FunctionDefinitionParam{
	Name:        "get_weather",
	Description: openai.String("Weather of a city"),
	Strict:      openai.Bool(true),
	Parameters: openai.FunctionParameters{
		"type":                 "object",
		"properties":           map[string]any{"city": map[string]any{"type": "string"}},
		"required":             []string{"city"},
		"additionalProperties": false,
	},
}

// A strict tool through the constructor on the non-beta base URL.
//
// wire:expect DS206
// wire:advice DS206 option.WithBaseURL("https://api.deepseek.com/beta")
func StrictToolNonBeta(ctx context.Context) error {
	client := deepseek()
	_, err := client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model:    "deepseek-flash",
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage("Weather in Paris?")},
		Tools: []openai.ChatCompletionToolUnionParam{
			openai.ChatCompletionFunctionTool(shared.FunctionDefinitionParam{
				Name:       "get_weather",
				Strict:     openai.Bool(true),
				Parameters: openai.FunctionParameters{"type": "object", "properties": map[string]any{}, "required": []string{}, "additionalProperties": false},
			}),
		},
	})
	return err
}

// The same under /beta.
func StrictToolBeta(ctx context.Context) error {
	client := deepseekBeta()
	_, err := client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model:    "deepseek-flash",
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage("Weather in Paris?")},
		Tools:    []openai.ChatCompletionToolUnionParam{openai.ChatCompletionFunctionTool(weather)},
	})
	return err
}

// Completions.New appends /completions: /beta/completions is FIM.
func FIM(ctx context.Context) error {
	client := deepseekBeta()
	_, err := client.Completions.New(ctx, openai.CompletionNewParams{
		Model:     "deepseek-flash",
		Prompt:    openai.CompletionNewParamsPromptUnion{OfString: openai.String("def fib(n):")},
		Suffix:    openai.String("    return fib(n-1) + fib(n-2)"),
		MaxTokens: openai.Int(128),
	})
	return err
}

// A thinking-mode tool loop replaying the assistant turn with ToParam(), which drops
// reasoning_content.
//
// wire:expect DS204
func ToolLoop(ctx context.Context) error {
	client := deepseek()
	params := openai.ChatCompletionNewParams{
		Model:    "deepseek-flash",
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage("Weather in Paris?")},
		Tools: []openai.ChatCompletionToolUnionParam{
			openai.ChatCompletionFunctionTool(openai.FunctionDefinitionParam{Name: "get_weather"}),
		},
	}
	completion, err := client.Chat.Completions.New(ctx, params)
	if err != nil {
		return err
	}
	params.Messages = append(params.Messages, completion.Choices[0].Message.ToParam())
	params.Messages = append(params.Messages, openai.ToolMessage("sunny", "call_1"))
	_, err = client.Chat.Completions.New(ctx, params)
	return err
}

var packageClient = openai.NewClient(option.WithAPIKey("sk-test"), option.WithBaseURL("https://api.deepseek.com/v1"))

// A package-level client.
func PackageClient(ctx context.Context) error {
	_, err := packageClient.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model:    "deepseek-v4-pro",
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage("Hi")},
		Stop:     openai.ChatCompletionNewParamsStopUnion{OfString: openai.String("END")},
	})
	return err
}

// The Responses API: Responses.New posts to /responses; store is ignored there.
//
// wire:expect DS508
func Responses(ctx context.Context) error {
	client := deepseek()
	_, err := client.Responses.New(ctx, responses.ResponseNewParams{
		Model:        "deepseek-flash",
		Instructions: openai.String("Be brief."),
		Input:        responses.ResponseNewParamsInputUnion{OfString: openai.String("Hello")},
		Store:        openai.Bool(true),
	})
	return err
}
