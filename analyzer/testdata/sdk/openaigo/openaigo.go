// Package openaigo uses github.com/openai/openai-go/v3 against DeepSeek. // want package:"bodies:openaigo.AgentLoop@chat,openaigo.AgentLoopNoThinking@chat"
package openaigo

import (
	"context"
	"io"
	"net/http"
	"net/url"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
	"github.com/openai/openai-go/v3/responses"
)

func Ask(ctx context.Context, key, question string) error { // want Ask:"deepseek:chat"
	client := openai.NewClient(option.WithAPIKey(key), option.WithBaseURL("https://api.deepseek.com"))
	_, err := client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model: "deepseek-flash",
		Messages: []openai.ChatCompletionMessageParamUnion{
			openai.DeveloperMessage("Be brief."), // want `messages\[0\]\.role: DeepSeek rejects role "developer".*\(DS104\)`
			openai.UserMessage(question),
		},
		MaxCompletionTokens: openai.Int(512), // want `max_completion_tokens: max_completion_tokens is OpenAI's field.*\(DS501\)`
		Temperature:         openai.Float(3), // want `temperature: 3 is outside the documented range \[0, 2\].*\(DS105\)`
		TopP:                openai.Float(0), // want `top_p: DeepSeek rejects 0 with 400 "Invalid top_p value.*\(DS105\)`
		ResponseFormat: openai.ChatCompletionNewParamsResponseFormatUnion{
			OfJSONSchema: &openai.ResponseFormatJSONSchemaParam{}, // want `response_format\.type: DeepSeek rejects response_format type "json_schema".*\(DS107\)`
		},
	})
	return err
}

func Valid(ctx context.Context, key, question string) error { // want Valid:"deepseek:chat"
	client := openai.NewClient(option.WithAPIKey(key), option.WithBaseURL("https://api.deepseek.com"))
	_, err := client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model:     "deepseek-flash",
		Messages:  []openai.ChatCompletionMessageParamUnion{openai.SystemMessage("Reply in JSON."), openai.UserMessage(question)},
		MaxTokens: openai.Int(512),
		ResponseFormat: openai.ChatCompletionNewParamsResponseFormatUnion{
			OfJSONObject: &openai.ResponseFormatJSONObjectParam{},
		},
	}, option.WithJSONSet("thinking", map[string]string{"type": "disabled"}))
	return err
}

// OpenAI itself: silent.
func AskOpenAI(ctx context.Context, key, question string) error {
	client := openai.NewClient(option.WithAPIKey(key))
	_, err := client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model:               openai.ChatModelGPT4o,
		Messages:            []openai.ChatCompletionMessageParamUnion{openai.DeveloperMessage("Be brief."), openai.UserMessage(question)},
		MaxCompletionTokens: openai.Int(512),
		ResponseFormat: openai.ChatCompletionNewParamsResponseFormatUnion{
			OfJSONSchema: &openai.ResponseFormatJSONSchemaParam{},
		},
	})
	return err
}

// The Python idiom sends a literal extra_body key: thinking is never switched off.
func ExtraBody(ctx context.Context, key, question string) error { // want ExtraBody:"deepseek:chat"
	client := openai.NewClient(option.WithAPIKey(key), option.WithBaseURL("https://api.deepseek.com"))
	_, err := client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model:    "deepseek-flash",
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage(question)},
	}, option.WithJSONSet("extra_body", map[string]any{"thinking": map[string]string{"type": "disabled"}})) // want `extra_body: extra_body is a Python SDK parameter.*\(DS506\)`
	return err
}

// A thinking-mode tool loop that replays the assistant turn with ToParam(), which
// drops reasoning_content.
func ToolLoop(ctx context.Context, client openai.Client, question string) error {
	params := openai.ChatCompletionNewParams{
		Model:    "deepseek-flash",
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage(question)},
		Tools: []openai.ChatCompletionToolUnionParam{
			openai.ChatCompletionFunctionTool(openai.FunctionDefinitionParam{Name: "get_weather"}),
		},
	}
	completion, err := client.Chat.Completions.New(ctx, params)
	if err != nil {
		return err
	}
	params.Messages = append(params.Messages, completion.Choices[0].Message.ToParam()) // want `messages\[1\]: DeepSeek rejects an assistant message without reasoning_content.*\(DS204\)`
	params.Messages = append(params.Messages, openai.ToolMessage("sunny", "call_1"))
	_, err = client.Chat.Completions.New(ctx, params)
	return err
}

// The same replay in a loop: each turn appends the model's message to the params.
func LoopedToolLoop(ctx context.Context, client openai.Client, question string) error {
	params := openai.ChatCompletionNewParams{
		Model:    "deepseek-flash",
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage(question)},
		Tools:    []openai.ChatCompletionToolUnionParam{openai.ChatCompletionFunctionTool(openai.FunctionDefinitionParam{Name: "get_weather"})},
	}
	for i := 0; i < 3; i++ {
		completion, err := client.Chat.Completions.New(ctx, params)
		if err != nil {
			return err
		}
		msg := completion.Choices[0].Message
		params.Messages = append(params.Messages, msg.ToParam()) // want `messages\[\?\]: DeepSeek rejects an assistant message without reasoning_content.*\(DS204\)`
		params.Messages = append(params.Messages, openai.ToolMessage("sunny", "call_1"))
	}
	return nil
}

// With thinking turned off by an option held in a variable, the replay is fine.
func LoopedToolLoopNoThinking(ctx context.Context, client openai.Client, question string) error {
	params := openai.ChatCompletionNewParams{
		Model:    "deepseek-flash",
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage(question)},
		Tools:    []openai.ChatCompletionToolUnionParam{openai.ChatCompletionFunctionTool(openai.FunctionDefinitionParam{Name: "get_weather"})},
	}
	noThinking := option.WithJSONSet("thinking", map[string]string{"type": "disabled"})
	for i := 0; i < 3; i++ {
		completion, err := client.Chat.Completions.New(ctx, params, noThinking)
		if err != nil {
			return err
		}
		params.Messages = append(params.Messages, completion.Choices[0].Message.ToParam())
	}
	return nil
}

// A package-level client built with DeepSeek's URL binds the functions using it.
var deepseekClient = openai.NewClient(option.WithBaseURL("https://api.deepseek.com/v1"))

func Summarize(ctx context.Context, text string) error { // want Summarize:"deepseek:chat"
	_, err := deepseekClient.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model:    openai.ChatModelGPT4oMini, // want `model: DeepSeek rejects model "gpt-4o-mini".*\(DS101\)`
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage(text)},
	})
	return err
}

// The Responses API through openai-go: Responses.New posts to /responses.
func Respond(ctx context.Context, key, question string) error { // want Respond:"deepseek:chat"
	client := openai.NewClient(option.WithAPIKey(key), option.WithBaseURL("https://api.deepseek.com"))
	_, err := client.Responses.New(ctx, responses.ResponseNewParams{
		Model:        "deepseek-flash",
		Instructions: openai.String("Be brief."),
		Input:        responses.ResponseNewParamsInputUnion{OfString: openai.String(question)},
		Store:        openai.Bool(true), // want `store: .*\(DS508\)`
	})
	return err
}

// The client the call is made on says where the request goes, not the other
// hosts the function's helpers reach (a weather tool).
func AskWithTool(ctx context.Context, key, city string) error { // want AskWithTool:"deepseek:chat\\+other"
	client := openai.NewClient(option.WithAPIKey(key), option.WithBaseURL("https://api.deepseek.com/v1"))
	forecast, err := weather(city)
	if err != nil {
		return err
	}
	_, err = client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model:    configuredModel(ctx),
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage(forecast)},
	})
	return err
}

func configuredModel(ctx context.Context) string {
	if m, ok := ctx.Value("model").(string); ok && m != "" {
		return m
	}
	return string(openai.ChatModelGPT4oMini) // want `model: DeepSeek rejects model "gpt-4o-mini".*\(DS101\)`
}

func weather(city string) (string, error) {
	resp, err := http.Get("https://api.weather.example/v1/forecast?city=" + url.QueryEscape(city))
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// The tools come from the caller: the model called one, so the request carried
// them, and the loop sends them again with the replayed message.
func AgentLoop(ctx context.Context, client openai.Client, tools []openai.ChatCompletionToolUnionParam, question string) error {
	messages := []openai.ChatCompletionMessageParamUnion{openai.UserMessage(question)}
	for {
		resp, err := client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
			Model:    "deepseek-flash",
			Messages: messages,
			Tools:    tools,
		})
		if err != nil {
			return err
		}
		msg := resp.Choices[0].Message
		if len(msg.ToolCalls) == 0 {
			return nil
		}
		messages = append(messages, msg.ToParam()) // want `messages\[\?\]: DeepSeek rejects an assistant message without reasoning_content.*\(DS204\)`
		for _, call := range msg.ToolCalls {
			messages = append(messages, openai.ToolMessage("done", call.ID))
		}
	}
}

// The same loop with thinking off: nothing to pass back.
func AgentLoopNoThinking(ctx context.Context, client openai.Client, tools []openai.ChatCompletionToolUnionParam, question string) error {
	messages := []openai.ChatCompletionMessageParamUnion{openai.UserMessage(question)}
	for {
		resp, err := client.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
			Model:    "deepseek-flash",
			Messages: messages,
			Tools:    tools,
		}, option.WithJSONSet("thinking", map[string]string{"type": "disabled"}))
		if err != nil {
			return err
		}
		msg := resp.Choices[0].Message
		if len(msg.ToolCalls) == 0 {
			return nil
		}
		messages = append(messages, msg.ToParam())
		for _, call := range msg.ToolCalls {
			messages = append(messages, openai.ToolMessage("done", call.ID))
		}
	}
}
